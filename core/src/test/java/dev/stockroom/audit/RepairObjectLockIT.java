package dev.stockroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Copies of audit logs ask whether the bucket has Object Lock while they run on the SDK's response
 * threads; more copies in flight than those threads, with the answer slow to come, still finish.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RepairObjectLockIT {

  /** More than the SDK's response threads (eight on this machine's core count). */
  private static final int AUDIT_LOGS = 12;
  private static final Clock AHEAD = Clock.offset(Clock.systemUTC(), Duration.ofDays(100));

  private final S3Client admin = SharedS3Mock.admin();

  @TempDir
  Path temp;

  @Test
  void manyAuditLogCopies_waitingForTheObjectLockAnswer_allFinish() throws Exception {
    String bucket = "locked-" + System.nanoTime();
    admin.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
    for (int i = 0; i < AUDIT_LOGS; i++) {
      String key = "logs/audit/standard/" + i + ".log";
      // retained, but in STANDARD instead of GLACIER: a copy repairs it
      admin.putObject(b -> b.bucket(bucket).key(key).contentType("text/plain; charset=utf-8")
              .cacheControl("private, no-store").serverSideEncryption(ServerSideEncryption.AWS_KMS)
              .ssekmsKeyId(SharedS3Mock.KMS_KEY_ID).bucketKeyEnabled(true),
          RequestBody.fromString("line " + i, StandardCharsets.UTF_8));
      admin.putObjectRetention(b -> b.bucket(bucket).key(key).retention(r -> r
          .mode(ObjectLockRetentionMode.COMPLIANCE)
          .retainUntilDate(Instant.now().plus(7 * 366, ChronoUnit.DAYS))));
    }
    try (FaultyS3 proxy = new FaultyS3();
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket)
            .endpointOverride(proxy.endpoint()).kmsKeyId(SharedS3Mock.KMS_KEY_ID)
            .kmsKeyCheck(false).clock(AHEAD).build()) {
      AuditReport report = stockroom.audit().run(AuditRequest.liveBucket()
          .findingsFile(temp.resolve("findings.csv")).build());
      RepairPlan plan = stockroom.audit().plan(report, RepairRequest.builder()
          .concurrency(AUDIT_LOGS).build());
      assertThat(plan.objectsToChange()).isEqualTo(AUDIT_LOGS);

      proxy.hold(FaultyS3.objectLockConfiguration());
      long headsBefore = heads(proxy);
      CompletableFuture<RepairResult> repair = plan.applyAsync();
      proxy.awaitHeld(1);
      awaitHeads(proxy, headsBefore + AUDIT_LOGS);
      // time for every answered HEAD to reach a response thread and ask for the answer
      Thread.sleep(500);
      proxy.release();

      assertThat(repair.get(60, TimeUnit.SECONDS).counts())
          .isEqualTo(Map.of(RepairStatus.REPAIRED, (long) AUDIT_LOGS));
    }
    for (int i = 0; i < AUDIT_LOGS; i++) {
      String key = "logs/audit/standard/" + i + ".log";
      assertThat(admin.headObject(h -> h.bucket(bucket).key(key)).storageClass()).as(key)
          .isEqualTo(StorageClass.GLACIER);
    }
  }

  private static long heads(FaultyS3 proxy) {
    return proxy.received().stream().filter(r -> r.method().equals("HEAD")).count();
  }

  /** Waits until the proxy has received {@code count} HEADs in all. */
  private static void awaitHeads(FaultyS3 proxy, long count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (heads(proxy) < count) {
      assertThat(System.nanoTime()).as("HEADs sent in time").isLessThan(deadline);
      Thread.sleep(10);
    }
  }
}
