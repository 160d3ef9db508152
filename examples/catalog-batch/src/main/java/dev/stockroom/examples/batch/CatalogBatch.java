package dev.stockroom.examples.batch;

import static dev.stockroom.examples.support.LocalS3.setting;

import dev.stockroom.Stockroom;
import dev.stockroom.examples.support.LocalS3;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.KindObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.Stream;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A nightly catalog import: uploads a directory of product images (and a directory of user
 * uploads) with a progress bar, then prints what was stored, how fast, and every failure.
 *
 * <p>Usage: {@code mvn -q -P run -pl examples/catalog-batch -am compile [-Dexec.args=DIR]}. With no
 * directory it generates a sample catalog of 400 images of about 50 KB. With no endpoint configured
 * it starts an in-process S3Mock (see the README for {@code STOCKROOM_ENDPOINT}).
 */
public final class CatalogBatch {

  private static final int SAMPLE_IMAGES = 400;
  private static final int SAMPLE_UPLOADS = 40;

  private CatalogBatch() {}

  public static void main(String[] args) throws IOException {
    String bucket = setting("stockroom.bucket", "STOCKROOM_BUCKET", "stockroom-catalog");
    Region region = Region.of(setting("aws.region", "AWS_REGION", "us-east-1"));
    Path workDir = Files.createTempDirectory("stockroom-catalog-");
    Path images = args.length > 0 ? Path.of(args[0]) : sample(workDir.resolve("images"),
        SAMPLE_IMAGES, "sku-%04d/front.jpg", 50_000);
    Path uploads = sample(workDir.resolve("user-uploads"), SAMPLE_UPLOADS,
        "user-%03d/avatar.png", 20_000);

    try (LocalS3 s3 = LocalS3.fromEnvironment(); S3Client admin = s3.client(region)) {
      LocalS3.createBucketIfMissing(admin, bucket);
      try (Stockroom stockroom = s3.configure(Stockroom.builder().bucket(bucket).region(region))
          .build()) {
        BatchResult imageBatch = upload("Product images", stockroom.media().productImages(),
            images);
        BatchResult uploadBatch = upload("User uploads", stockroom.media().userUploads(), uploads);
        System.out.println();
        summary(imageBatch);
        summary(uploadBatch);
      }
    } finally {
      delete(workDir);
    }
  }

  private static BatchResult upload(String title, KindObjects kind, Path directory) {
    System.out.println(title + " from " + directory + " -> " + kind.policy().prefix());
    ProgressBar bar = new ProgressBar();
    BatchResult result = kind.uploadDirectory(directory, bar);
    bar.finish();
    return result;
  }

  private static void summary(BatchResult result) {
    double seconds = result.elapsed().toNanos() / 1e9;
    double mib = result.bytesStored() / 1048576.0;
    System.out.printf("%-13s files %5d  stored %5d  failed %3d  %8.1f MiB  %6.2f s  %7.1f MiB/s  "
            + "%7.0f files/s%n", result.kind(), result.outcomes().size(), result.succeeded().size(),
        result.failed().size(), mib, seconds, mib / seconds, result.outcomes().size() / seconds);
    for (FileOutcome failed : result.failed()) {
      System.out.println("  FAILED " + failed.file() + ": " + failed.failure().orElseThrow());
    }
  }

  /** Writes {@code count} files of about {@code size} random bytes, named by {@code pattern}. */
  private static Path sample(Path dir, int count, String pattern, int size) throws IOException {
    Random random = new Random(42);
    for (int i = 0; i < count; i++) {
      Path file = dir.resolve(String.format(pattern, i));
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[size / 2 + random.nextInt(size)];
      random.nextBytes(bytes);
      Files.write(file, bytes);
    }
    return dir;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
