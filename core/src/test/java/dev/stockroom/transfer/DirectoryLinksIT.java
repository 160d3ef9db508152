package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A directory upload never follows a symbolic link, and reports every link and special file it
 * did not upload as skipped, with its reason: nothing outside the directory is published, and
 * nothing found is left out silently.
 */
class DirectoryLinksIT {

  private String bucket;
  private Stockroom stockroom;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    bucket = SharedS3Mock.newBucket();
    stockroom = StockroomOnS3Mock.builder(bucket).build();
  }

  @AfterEach
  void tearDown() {
    stockroom.close();
  }

  @Test
  void links_areNeverFollowed_andEveryOneIsReportedAsSkipped() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Path secret = Files.writeString(outside.resolve("cloudfront-key.pem"), "PRIVATE");
    Files.writeString(outside.resolve("other.jpg"), "other");
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    Files.writeString(catalog.resolve("front.jpg"), "front");
    Files.createDirectories(catalog.resolve("sku-1"));
    Files.writeString(catalog.resolve("sku-1/back.jpg"), "back");
    Files.createSymbolicLink(catalog.resolve("key.jpg"), secret);
    Files.createSymbolicLink(catalog.resolve("sku-2"), outside);
    Files.createSymbolicLink(catalog.resolve("sku-1/inside.jpg"), catalog.resolve("front.jpg"));

    BatchResult result = stockroom.media().productImages().uploadDirectory(catalog);

    assertThat(keys()).containsExactlyInAnyOrder("media/product-images/front.jpg",
        "media/product-images/sku-1/back.jpg");
    assertThat(result.skipped().stream().collect(Collectors.toMap(FileOutcome::file,
        o -> o.reason().orElseThrow()))).isEqualTo(Map.of(
            catalog.resolve("key.jpg"), "symbolic link (not followed)",
            catalog.resolve("sku-2"), "symbolic link (not followed)",
            catalog.resolve("sku-1/inside.jpg"), "symbolic link (not followed)"));
    assertThat(result.skipped()).extracting(FileOutcome::key).containsExactlyInAnyOrder(
        "media/product-images/key.jpg", "media/product-images/sku-2",
        "media/product-images/sku-1/inside.jpg");
    assertThat(result.outcomes()).hasSize(5);
    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.failed()).isEmpty();
  }

  @Test
  void specialFiles_areSkipped_withTheirReason() throws Exception {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    Files.writeString(catalog.resolve("front.jpg"), "front");
    Path fifo = catalog.resolve("pipe.jpg");
    assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0,
        "mkfifo is available");

    BatchResult result = stockroom.media().productImages().uploadDirectory(catalog);

    assertThat(keys()).containsExactly("media/product-images/front.jpg");
    assertThat(result.skipped()).singleElement().satisfies(skipped -> {
      assertThat(skipped.file()).isEqualTo(fifo);
      assertThat(skipped.reason()).contains("not a regular file (a FIFO, socket or device)");
      assertThat(skipped.status()).isEqualTo(FileOutcome.Status.SKIPPED);
    });
  }

  @Test
  void aDirectoryGivenAsALink_isWalked_butLinksInsideItAreNot() throws IOException {
    Path real = Files.createDirectories(dir.resolve("real"));
    Files.writeString(real.resolve("a.jpg"), "a");
    Path elsewhere = Files.writeString(dir.resolve("elsewhere.jpg"), "x");
    Files.createSymbolicLink(real.resolve("b.jpg"), elsewhere);
    Path link = Files.createSymbolicLink(dir.resolve("catalog"), real);

    BatchResult result = stockroom.media().productImages().uploadDirectory(link);

    assertThat(keys()).containsExactly("media/product-images/a.jpg");
    assertThat(result.skipped()).extracting(FileOutcome::file)
        .containsExactly(link.resolve("b.jpg"));
  }

  private java.util.List<String> keys() {
    return SharedS3Mock.admin().listObjectsV2(l -> l.bucket(bucket)).contents().stream()
        .map(S3Object::key).sorted().toList();
  }
}
