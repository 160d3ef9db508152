package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.stockroom.Stockroom;
import dev.stockroom.testing.LogCapture;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Audit logs carry an Object Lock COMPLIANCE retention of seven years when the bucket has Object
 * Lock. S3Mock ignores those headers on PutObject, so the test reads what Stockroom sent.
 */
class ObjectLockIT {

  private static final byte[] LINE = "user=1 action=refund".getBytes(StandardCharsets.UTF_8);
  private final RecordingInterceptor requests = new RecordingInterceptor();

  @Test
  void auditLog_inLockedBucket_isSentWithComplianceRetentionOfSevenYears() {
    String bucket = "locked-" + System.nanoTime();
    SharedS3Mock.admin().createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
    Instant before = Instant.now();
    StoredObject stored;
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket, requests).build()) {
      stored = stockroom.logs().auditLog("2026/11/22/a.log").upload(LINE, "text/plain");
      stockroom.logs().auditLog("2026/11/22/b.log").upload(LINE, "text/plain");
    }
    Instant after = Instant.now();

    var put = requests.sent("PutObject").get(0).http().headers();
    assertThat(put.get("x-amz-object-lock-mode")).containsExactly("COMPLIANCE");
    Instant retainUntil = Instant.parse(put.get("x-amz-object-lock-retain-until-date").get(0));
    assertThat(retainUntil).isBetween(
        ZonedDateTime.ofInstant(before, ZoneOffset.UTC).plusYears(7).toInstant().minusSeconds(1),
        ZonedDateTime.ofInstant(after, ZoneOffset.UTC).plusYears(7).toInstant().plusSeconds(1));
    assertThat(stored.retainUntil()).isPresent();
    assertThat(stored.retainUntil().get().getEpochSecond())
        .isEqualTo(retainUntil.getEpochSecond());
    assertThat(requests.sent("GetObjectLockConfiguration")).hasSize(1);
    assertThat(SharedS3Mock.admin().headObject(h -> h.bucket(bucket).key(stored.key()))
        .storageClass()).isEqualTo(StorageClass.GLACIER);
  }

  @Test
  void auditLog_inBucketWithoutObjectLock_isStoredWithoutRetention_andWarnsOnce() {
    String bucket = SharedS3Mock.newBucket();
    try (LogCapture logs = new LogCapture();
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket, requests).build()) {
      StoredObject stored = stockroom.logs().auditLog("a.log").upload(LINE, "text/plain");
      stockroom.logs().auditLog("b.log").upload(LINE, "text/plain");

      assertThat(stored.retainUntil()).isEmpty();
      assertThat(requests.sent("PutObject")).allSatisfy(sent -> assertThat(
          sent.http().headers()).doesNotContainKey("x-amz-object-lock-mode"));
      assertThat(logs.messages(Level.WARN)).containsExactly("Bucket '" + bucket + "' has no "
          + "Object Lock: objects with a retention policy (audit logs) are stored without a "
          + "COMPLIANCE retention");
    }
  }

  @Test
  void kindsWithoutRetention_neverAskForObjectLock() {
    String bucket = SharedS3Mock.newBucket();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket, requests).build()) {
      stockroom.logs().errorLog("e.log").upload(LINE, "text/plain");
    }
    assertThat(requests.sent("GetObjectLockConfiguration")).isEmpty();
    assertThat(requests.sent("PutObject").get(0).http().headers())
        .doesNotContainKey("x-amz-object-lock-mode");
  }

  private static Stockroom throughProxy(String bucket, dev.stockroom.testing.EarlyAnswerProxy proxy) {
    return Stockroom.builder().bucket(bucket).region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(proxy.endpoint())
        .forcePathStyle(true).build();
  }

  @Test
  void aStoreWithoutObjectLock_answering501_storesAuditLogsWithoutRetention_andWarnsOnce() {
    String bucket = SharedS3Mock.newBucket();
    try (var proxy = new dev.stockroom.testing.EarlyAnswerProxy(
            line -> line.contains("object-lock"),
            new dev.stockroom.testing.EarlyAnswerProxy.Answer(501, "NotImplemented"), -1);
        LogCapture logs = new LogCapture();
        Stockroom stockroom = throughProxy(bucket, proxy)) {
      StoredObject stored = stockroom.logs().auditLog("a.log").upload(LINE, "text/plain");
      stockroom.logs().auditLog("b.log").upload(LINE, "text/plain");

      assertThat(stored.retainUntil()).isEmpty();
      assertThat(SharedS3Mock.admin().headObject(h -> h.bucket(bucket).key(stored.key()))
          .storageClass()).isEqualTo(StorageClass.GLACIER);
      assertThat(logs.lines()).filteredOn(line -> line.contains("does not implement Object Lock"))
          .hasSize(1);
    }
  }

  @Test
  void aFailingObjectLockCheck_namesTheKey_andSendsNothing() {
    String bucket = SharedS3Mock.newBucket();
    try (var proxy = new dev.stockroom.testing.EarlyAnswerProxy(
            line -> line.contains("object-lock"),
            new dev.stockroom.testing.EarlyAnswerProxy.Answer(403, "AccessDenied"), -1);
        Stockroom stockroom = throughProxy(bucket, proxy)) {
      assertThatThrownBy(() -> stockroom.logs().auditLog("a.log").upload(LINE, "text/plain"))
          .isInstanceOf(dev.stockroom.exception.StorageException.class)
          .hasMessageStartingWith("GetObjectLockConfiguration on bucket '" + bucket
              + "' failed with AccessDenied (HTTP 403)")
          .hasMessageEndingWith("; nothing was sent for 'logs/audit/a.log'")
          .satisfies(e -> assertThat(((dev.stockroom.exception.StorageException) e).key())
              .contains("logs/audit/a.log"));
    }
    assertThat(SharedS3Mock.admin().listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }
}
