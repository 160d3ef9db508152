package dev.stockroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.client.config.SdkAdvancedAsyncClientOption;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * A repair never waits for S3 on a thread that completes S3's answers: with one such thread (the
 * SDK's future-completion executor), repairing audit logs, whose copies need the bucket's Object
 * Lock state, ends instead of waiting forever for an answer only that thread could deliver.
 */
class RepairThreadsIT {

  private static final S3Client admin = SharedS3Mock.admin();

  @TempDir
  Path temp;

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aRepairOnOneCompletionThread_ends() {
    String bucket = "threads-" + System.nanoTime();
    admin.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
    for (int i = 0; i < 4; i++) {
      int n = i;
      // STANDARD where the policy says GLACIER: each needs a copy, with a retention
      admin.putObject(b -> b.bucket(bucket).key("logs/audit/" + n + ".log")
          .contentType("text/plain; charset=utf-8").cacheControl("private, no-store")
          .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(SharedS3Mock.KMS_KEY_ID)
          .bucketKeyEnabled(true), RequestBody.fromString("log " + n));
    }
    ExecutorService oneThread = Executors.newSingleThreadExecutor();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket)
        .s3ClientCustomizer(b -> b.asyncConfiguration(a -> a.advancedOption(
            SdkAdvancedAsyncClientOption.FUTURE_COMPLETION_EXECUTOR, oneThread)))
        .kmsKeyId(SharedS3Mock.KMS_KEY_ID).kmsKeyCheck(false)
        .clock(Clock.offset(Clock.systemUTC(), Duration.ofDays(1))).build()) {
      Path findings = temp.resolve("findings.csv");
      AuditReport report = stockroom.audit().run(AuditRequest.liveBucket().readHeaders(false)
          .multipartUploads(false).findingsFile(findings).build());
      assertThat(report.count(Finding.STORAGE_CLASS)).isEqualTo(4);

      RepairResult result = stockroom.audit().plan(findings, RepairRequest.builder()
          .only(Finding.STORAGE_CLASS).concurrency(4).build()).apply();

      assertThat(result.counts()).isEqualTo(Map.of(RepairStatus.REPAIRED, 4L));
    } finally {
      oneThread.shutdownNow();
    }
  }
}
