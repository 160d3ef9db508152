package dev.stockroom.examples.benchmarks;

import dev.stockroom.Stockroom;
import dev.stockroom.transfer.ImportResult;
import dev.stockroom.transfer.ImportSource;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Run in a forked JVM with a small {@code -Xmx}: uploads with Stockroom or with the raw Transfer
 * Manager and prints the most heap the run kept alive ({@link LiveHeap}), or that it ran out.
 * Arguments: endpoint, bucket, path, and what to run: {@code stockroom-file}, {@code sdk-file},
 * {@code stockroom-import} (a directory, as an import) or {@code sdk-directory}.
 */
public final class HeapProbe {

  private HeapProbe() {}

  public static void main(String[] args) throws Exception {
    URI endpoint = URI.create(args[0]);
    String bucket = args[1];
    Path path = Path.of(args[2]);
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    try (LiveHeap heap = new LiveHeap()) {
      long files;
      try {
        files = run(args[3], endpoint, bucket, path, credentials);
      } catch (OutOfMemoryError e) {
        System.out.println("OUT_OF_MEMORY");
        System.out.println("LIVE_HEAP_MAX=" + heap.max());
        return;
      }
      System.out.println("FILES=" + files);
      System.out.println("LIVE_HEAP_MAX=" + heap.max());
    }
  }

  private static long run(String what, URI endpoint, String bucket, Path path,
      StaticCredentialsProvider credentials) {
    if (what.startsWith("stockroom")) {
      try (Stockroom stockroom = Stockroom.builder().bucket(bucket).region(Region.US_EAST_1)
          .credentialsProvider(credentials).endpointOverride(endpoint).forcePathStyle(true)
          .build()) {
        if (what.equals("stockroom-file")) {
          stockroom.media().productVideo("heap/stockroom.bin").upload(path);
          return 1;
        }
        ImportResult result = stockroom.media().productImages()
            .importFiles(ImportSource.directory(path), r -> { });
        return result.requireAllSucceeded().filesStored();
      }
    }
    try (S3AsyncClient s3 = S3AsyncClient.builder().region(Region.US_EAST_1)
        .credentialsProvider(credentials).endpointOverride(endpoint).forcePathStyle(true)
        .multipartEnabled(true).build();
        S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
      if (what.equals("sdk-file")) {
        tm.uploadFile(u -> u.putObjectRequest(p -> p.bucket(bucket).key("heap/sdk.bin"))
            .source(path)).completionFuture().join();
        return 1;
      }
      var done = tm.uploadDirectory(u -> u.source(path).bucket(bucket)
          .s3Prefix("media/product-images")).completionFuture().join();
      if (!done.failedTransfers().isEmpty()) {
        throw new IllegalStateException(done.failedTransfers().size() + " files failed");
      }
      return -1;
    }
  }
}
