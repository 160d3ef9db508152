package dev.stockroom.examples.batch;

import static dev.stockroom.examples.support.LocalS3.setting;

import dev.stockroom.Stockroom;
import dev.stockroom.examples.support.LocalS3;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.ImportResult;
import dev.stockroom.transfer.ImportSource;
import dev.stockroom.transfer.KindObjects;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A nightly catalog import: imports a directory of product images with a journal and a live
 * progress line (files/s, MiB/s, ETA, failures), then prints what was stored. Run it again and it
 * resumes from its journal: what the last run stored is not sent again.
 *
 * <p>Usage: {@code mvn -q -P run -pl examples/catalog-batch -am compile [-Dexec.args="DIR
 * [JOURNAL]"]}. With no directory it uses a sample catalog of 2,000 images of about 50 KB, made
 * once under the temporary directory. With no endpoint configured it starts an in-process S3Mock
 * that keeps its data next to the sample, so a re-run finds what was stored (see the README for
 * {@code STOCKROOM_ENDPOINT}).
 */
public final class CatalogBatch {

  private static final int SAMPLE_IMAGES = 2_000;

  private CatalogBatch() {}

  public static void main(String[] args) throws IOException {
    String bucket = setting("stockroom.bucket", "STOCKROOM_BUCKET", "stockroom-catalog");
    Region region = Region.of(setting("aws.region", "AWS_REGION", "us-east-1"));
    Path work = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"),
        "stockroom-catalog-example"));
    Path images = args.length > 0 ? Path.of(args[0]) : sample(work.resolve("images"));
    Path journal = args.length > 1 ? Path.of(args[1]) : work.resolve("images.journal");

    try (LocalS3 s3 = LocalS3.fromEnvironment(work.resolve("store"));
        S3Client admin = s3.client(region)) {
      LocalS3.createBucketIfMissing(admin, bucket);
      try (Stockroom stockroom = s3.configure(Stockroom.builder().bucket(bucket).region(region))
          .build()) {
        KindObjects kind = stockroom.media().productImages();
        System.out.println("Product images from " + images + " -> " + kind.policy().prefix());
        System.out.println("Journal: " + journal);
        ProgressLine progress = new ProgressLine();
        ImportResult result = kind.importFiles(ImportSource.directory(images),
            r -> r.journal(journal).listener(progress));
        progress.finish();
        summary(result);
      }
    }
  }

  private static void summary(ImportResult result) {
    double seconds = result.elapsed().toNanos() / 1e9;
    double mib = result.bytesStored() / 1048576.0;
    System.out.printf("%s: stored %d (%.1f MiB), already stored %d, skipped %d, failed %d in "
            + "%.1f s: %.0f files/s, %.1f MiB/s%n", result.kind(), result.filesStored(), mib,
        result.filesAlreadyStored(), result.filesSkipped(), result.filesFailed(), seconds,
        result.filesStored() / Math.max(seconds, 1e-9), mib / Math.max(seconds, 1e-9));
    for (FileOutcome failed : result.failures()) {
      System.out.println("  FAILED " + failed.file() + ": " + failed.reason().orElse(""));
    }
    if (result.filesAlreadyStored() == 0 && result.filesStored() > 0) {
      System.out.println("Run it again: the journal lets it skip every file stored this time.");
    }
  }

  /** Writes the sample catalog once: 2,000 images of about 50 KB. */
  private static Path sample(Path dir) throws IOException {
    if (Files.isDirectory(dir)) {
      return dir;
    }
    Path partial = Files.createDirectories(dir.resolveSibling(dir.getFileName() + ".partial"));
    Random random = new Random(42);
    for (int i = 0; i < SAMPLE_IMAGES; i++) {
      Path file = partial.resolve(String.format("sku-%04d/front.jpg", i));
      Files.createDirectories(file.getParent());
      byte[] bytes = new byte[25_000 + random.nextInt(50_000)];
      random.nextBytes(bytes);
      Files.write(file, bytes);
    }
    return Files.move(partial, dir);
  }
}
