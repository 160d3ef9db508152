package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class DirectoryUploadIT {

  private final S3Client admin = SharedS3Mock.admin();
  private String bucket;
  private Stockroom stockroom;

  @TempDir
  Path catalog;

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
  void uploadDirectory_300Files_areAllStoredAndListed() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 300; i++) {
      String name = "sku-" + (i % 30) + "/img-" + i + ".jpg";
      Path file = catalog.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, ("image " + i).getBytes());
      expected.add("media/product-images/" + name);
    }
    List<BatchProgress> finished = new CopyOnWriteArrayList<>();

    BatchResult result = stockroom.media().productImages().uploadDirectory(catalog,
        new UploadProgressListener() {
          @Override
          public void fileFinished(FileOutcome outcome, BatchProgress progress) {
            finished.add(progress);
          }
        });

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.outcomes()).hasSize(300);
    assertThat(listKeys("media/product-images/")).isEqualTo(expected);
    assertThat(result.outcomes()).allSatisfy(o -> assertThat(
        admin.headObject(h -> h.bucket(bucket).key(o.key())).contentType()).isEqualTo("image/jpeg"));
    assertThat(finished).hasSize(300);
    assertThat(finished).extracting(BatchProgress::filesDone).contains(300L);
    assertThat(result.bytesStored()).isEqualTo(IntStream.range(0, 300)
        .map(i -> ("image " + i).length()).sum());
  }

  @Test
  void uploadDirectory_reportsEachFailure_andKeepsWhatWasStored() throws IOException {
    Files.writeString(catalog.resolve("good-1.jpg"), "a");
    Files.writeString(catalog.resolve("bad\u0001name.jpg"), "b");
    Files.writeString(catalog.resolve("good-2.jpg"), "c");

    BatchResult result = stockroom.media().productImages().uploadDirectory(catalog);

    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.succeeded()).extracting(FileOutcome::key).containsExactly(
        "media/product-images/good-1.jpg", "media/product-images/good-2.jpg");
    assertThat(result.failed()).singleElement().satisfies(failed -> {
      assertThat(failed.key()).isEqualTo("media/product-images/bad\u0001name.jpg");
      assertThat(failed.failure()).get().isInstanceOf(IllegalArgumentException.class)
          .extracting(Throwable::getMessage).asString()
          .isEqualTo("name must not contain control characters, but was 'bad\\u0001name.jpg'");
    });
    assertThat(listKeys("")).containsExactly("media/product-images/good-1.jpg",
        "media/product-images/good-2.jpg");
    assertThatThrownBy(result::requireAllSucceeded).isInstanceOf(TransferFailedException.class)
        .hasMessageContaining("bad\\u0001name.jpg")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0001"));
  }

  @Test
  void uploadDirectory_notADirectory_isRefused() throws IOException {
    Path file = Files.writeString(catalog.resolve("x.jpg"), "x");
    assertThatThrownBy(() -> stockroom.media().productImages().uploadDirectory(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("directory must be an existing directory, but was '" + file + "'");
    assertThat(listKeys("")).isEmpty();
  }

  private Set<String> listKeys(String prefix) {
    return admin.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).collect(Collectors.toCollection(TreeSet::new));
  }
}
