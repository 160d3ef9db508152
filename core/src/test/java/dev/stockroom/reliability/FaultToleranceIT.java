package dev.stockroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Uploads through a proxy that answers about one attempt in ten with 503 SlowDown, 500, a reset
 * connection or garbage and a close (or delays it), placed by a seed per request and attempt so
 * that every run meets the same faults, and never more than two per request: the SDK's retries
 * carry them through and every object comes back byte-identical. When faults outlast the
 * retries, the failure names the key and no parts are left behind.
 */
class FaultToleranceIT {

  private final FaultyS3 faulty = new FaultyS3();
  private String bucket;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    bucket = SharedS3Mock.newBucket();
  }

  @AfterEach
  void tearDown() {
    faulty.close();
  }

  private Stockroom stockroom() {
    return StockroomOnS3Mock.builder(bucket).endpointOverride(faulty.endpoint()).build();
  }

  @Test
  void batchOf200Files_survivesFaults_byteIdentical() throws Exception {
    for (int i = 0; i < 200; i++) {
      Testing.randomFile(dir.resolve("img-" + i + ".jpg"), 20_000 + i * 97L, i);
    }
    faulty.faultRate(0.10, 42);

    BatchResult result;
    try (Stockroom stockroom = stockroom()) {
      result = stockroom.media().productImages().uploadDirectory(dir);
    }

    assertThat(faulty.faultsInjected()).isGreaterThanOrEqualTo(5);
    assertAtMostTwoFaultsPerRequest();
    assertThat(result.failed()).isEmpty();
    assertThat(result.outcomes()).hasSize(200);
    for (FileOutcome outcome : result.outcomes()) {
      assertThat(Testing.sha256(SharedS3Mock.admin().getObject(g -> g.bucket(bucket)
          .key(outcome.key())))).as(outcome.key())
          .isEqualTo(Testing.sha256(Files.newInputStream(outcome.file())));
    }
  }

  @Test
  void multipart64MiB_survivesFaults_byteIdentical() throws Exception {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), 64 << 20, 5);
    // seed 13 faults parts 2 and 6 (part 6 twice in a row) and nothing else
    faulty.faultRate(0.10, 13);

    StoredObject stored;
    try (Stockroom stockroom = stockroom()) {
      stored = stockroom.media().productVideo("film.mp4").upload(file);
    }

    assertThat(faulty.faults()).as("faults on the parts").extracting(f -> f.request())
        .filteredOn(FaultyS3.Received::isUploadPart)
        .extracting(r -> r.query().replace("&uploadId", "") + " #" + r.attempt())
        .containsExactlyInAnyOrder("partNumber=2 #0", "partNumber=6 #0", "partNumber=6 #1");
    assertThat(faulty.received()).filteredOn(FaultyS3.Received::isUploadPart)
        .filteredOn(r -> r.query().startsWith("partNumber=6&")).hasSize(3);
    assertAtMostTwoFaultsPerRequest();
    assertThat(Testing.sha256(SharedS3Mock.admin().getObject(g -> g.bucket(bucket)
        .key(stored.key())))).isEqualTo(Testing.sha256(Files.newInputStream(file)));
  }

  /** The proxy's promise that retries always win: no request faulted on more than two attempts. */
  private void assertAtMostTwoFaultsPerRequest() {
    Map<String, Long> perRequest = faulty.faults().stream().collect(Collectors.groupingBy(
        f -> f.request().method() + " " + f.request().path() + "?" + f.request().query(),
        Collectors.counting()));
    assertThat(perRequest.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
  }

  @Test
  void faultsPastTheRetryBudget_failNamingTheKey_andLeaveNoParts() throws Exception {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), 40 << 20, 9);
    faulty.alwaysFail(FaultyS3.uploadPartFrom(2));

    try (Stockroom stockroom = stockroom()) {
      assertThatThrownBy(() -> stockroom.media().productVideo("film.mp4").upload(file))
          .isInstanceOf(TransferFailedException.class)
          .hasMessageStartingWith("Upload on 'media/product-videos/film.mp4' in bucket '" + bucket
              + "' failed with SlowDown (HTTP 503): Please reduce your request rate")
          .satisfies(e -> assertThat(((TransferFailedException) e).errorCode())
              .contains("SlowDown"));
    }

    var admin = SharedS3Mock.admin();
    assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }
}
