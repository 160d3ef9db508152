package dev.stockroom.examples.benchmarks;

import dev.stockroom.Stockroom;
import dev.stockroom.examples.support.LocalS3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Uploads, Stockroom against the raw AWS SDK on the same files and the same in-process S3Mock:
 * a catalog of 2,000 product images, and one 256 MiB file. One warm-up round, then seven
 * measured rounds, interleaved ({@link Rounds}); medians and round-by-round ratios.
 */
final class TransferBenchmarks {

  static final int IMAGES = 2_000;
  static final int IMAGE_SIZE = 50_000;
  static final long LARGE = 256L << 20;
  static final int WARMUPS = 1;
  static final int RUNS = 7;

  private final LocalS3 s3;
  private final Path work;

  TransferBenchmarks(LocalS3 s3, Path work) {
    this.s3 = s3;
    this.work = work;
  }

  /**
   * Files per second on the catalog: Stockroom's directory upload, the Transfer Manager's
   * uploadDirectory and a sequential putObject loop, in interleaved rounds.
   */
  Rounds catalog() throws Exception {
    Path catalog = images(work.resolve("catalog"));
    try (S3Client admin = s3.client(Region.US_EAST_1);
        Stockroom stockroom = stockroom("bench-stockroom");
        S3AsyncClient async = sdkAsyncClient();
        S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
      for (String bucket : List.of("bench-stockroom", "bench-sdk-tm", "bench-sdk-loop")) {
        LocalS3.createBucketIfMissing(admin, bucket);
      }
      List<Path> files = list(catalog);
      Map<String, Callable<Double>> contenders = new LinkedHashMap<>();
      contenders.put("stockroom", () -> IMAGES / Rounds.seconds(() ->
          stockroom.media().productImages().uploadDirectory(catalog).requireAllSucceeded()));
      contenders.put("tm", () -> IMAGES / Rounds.seconds(() -> {
        var done = tm.uploadDirectory(u -> u.source(catalog).bucket("bench-sdk-tm")
            .s3Prefix("media/product-images")).completionFuture().join();
        if (!done.failedTransfers().isEmpty()) {
          throw new IllegalStateException(done.failedTransfers().size() + " files failed");
        }
        return null;
      }));
      contenders.put("loop", () -> IMAGES / Rounds.seconds(() -> {
        for (Path file : files) {
          admin.putObject(p -> p.bucket("bench-sdk-loop").key("media/product-images/"
              + catalog.relativize(file)), file);
        }
        return null;
      }));
      return Rounds.run(WARMUPS, RUNS, contenders);
    }
  }

  /** MiB per second on one 256 MiB file: Stockroom and the Transfer Manager, interleaved. */
  Rounds largeFile() throws Exception {
    Path file = random(work.resolve("large.bin"), LARGE);
    double mib = LARGE / 1048576.0;
    try (Stockroom stockroom = stockroom("bench-stockroom");
        S3AsyncClient async = sdkAsyncClient();
        S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
      Map<String, Callable<Double>> contenders = new LinkedHashMap<>();
      contenders.put("stockroom", () -> mib / Rounds.seconds(() -> stockroom.media()
          .productVideo("large.bin").upload(file)));
      contenders.put("tm", () -> mib / Rounds.seconds(() -> tm.uploadFile(u -> u.source(file)
          .putObjectRequest(p -> p.bucket("bench-sdk-tm").key("media/product-videos/large.bin")))
          .completionFuture().join()));
      Rounds rounds = Rounds.run(WARMUPS, RUNS, contenders);
      Files.delete(file);
      return rounds;
    }
  }

  private Stockroom stockroom(String bucket) {
    return s3.configure(Stockroom.builder().bucket(bucket).region(Region.US_EAST_1)).build();
  }

  private S3AsyncClient sdkAsyncClient() {
    return sdkAsyncClient(s3);
  }

  /** The raw SDK's client, set up like Stockroom's: multipart, 8 MiB parts, 64 connections. */
  static S3AsyncClient sdkAsyncClient(LocalS3 s3) {
    var builder = S3AsyncClient.builder().region(Region.US_EAST_1).endpointOverride(s3.endpoint())
        .forcePathStyle(true).multipartEnabled(true)
        .httpClientBuilder(software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient.builder()
            .maxConcurrency(64));
    s3.credentials().ifPresent(builder::credentialsProvider);
    return builder.build();
  }

  private static Path images(Path dir) throws IOException {
    Random random = new Random(42);
    byte[] bytes = new byte[IMAGE_SIZE];
    for (int i = 0; i < IMAGES; i++) {
      Path file = dir.resolve(String.format("sku-%04d/front.jpg", i));
      Files.createDirectories(file.getParent());
      random.nextBytes(bytes);
      Files.write(file, bytes);
    }
    return dir;
  }

  static Path random(Path file, long size) throws IOException {
    Random random = new Random(7);
    byte[] chunk = new byte[1 << 20];
    try (var out = Files.newOutputStream(file)) {
      for (long left = size; left > 0; left -= chunk.length) {
        random.nextBytes(chunk);
        out.write(chunk, 0, (int) Math.min(chunk.length, left));
      }
    }
    return file;
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      return paths.filter(Files::isRegularFile).sorted().toList();
    }
  }
}
