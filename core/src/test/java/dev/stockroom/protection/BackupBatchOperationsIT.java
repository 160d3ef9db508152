package dev.stockroom.protection;

import static dev.stockroom.protection.BackupIT.PROTECTION_KEY;
import static dev.stockroom.protection.BackupIT.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.batch.BatchJob;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.S3ControlStandIn;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;
import software.amazon.awssdk.services.s3control.model.JobManifestFieldName;
import software.amazon.awssdk.services.s3control.model.S3ChecksumAlgorithm;
import software.amazon.awssdk.services.s3control.model.S3CopyObjectOperation;
import software.amazon.awssdk.services.s3control.model.S3MetadataDirective;
import software.amazon.awssdk.services.s3control.model.S3SSEAlgorithm;
import software.amazon.awssdk.services.s3control.model.S3StorageClass;

/**
 * A backup above the in-process limit, run as an S3 Batch Operations copy job through the real S3
 * Control client against a loopback stand-in (S3Mock has no S3 Control): the job Stockroom creates
 * is read from the request it sends, the job's work (its copies and its completion report, in
 * S3's format) is done here as S3 would, and the backup's manifest is then read back.
 */
class BackupBatchOperationsIT {

  private static final String ACCOUNT = "123456789012";
  private static final String ROLE = "arn:aws:iam::123456789012:role/stockroom-batch";
  private static final List<String> KEYS = List.of(
      "transactional/customers/c-7/profile.json", "transactional/orders/2026/o 1+1.json",
      "transactional/payments/p-1.json");
  private static final S3Client admin = SharedS3Mock.admin();

  private final RecordingInterceptor control = new RecordingInterceptor();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
  private S3ControlStandIn standIn;
  private S3ControlClient controlClient;
  private String shop;
  private String backups;

  @BeforeEach
  void start() throws Exception {
    standIn = new S3ControlStandIn();
    controlClient = standIn.client(control);
    shop = "batch-shop-" + System.nanoTime();
    admin.createBucket(b -> b.bucket(shop));
    backups = "batch-backups-" + System.nanoTime();
    admin.createBucket(b -> b.bucket(backups));
    admin.putBucketVersioning(b -> b.bucket(backups).versioningConfiguration(v -> v
        .status(BucketVersioningStatus.ENABLED)));
    KEYS.forEach(key -> put(shop, key, "bytes of " + key));
  }

  @AfterEach
  void stop() {
    controlClient.close();
    standIn.close();
  }

  @Test
  void aBackupAboveTheInProcessLimit_runsAsOneCopyJob_andAwaitWritesItsManifest()
      throws Exception {
    try (Stockroom stockroom = StockroomOnS3Mock.builder(shop)
        .kmsKeyId(SharedS3Mock.KMS_KEY_ID).kmsKeyCheck(false).protectionKey(PROTECTION_KEY)
        .clock(clock).backups(b -> b.bucket(backups).kmsKeyId(SharedS3Mock.OTHER_KMS_KEY_ID))
        .batchOperations(b -> b.accountId(ACCOUNT).roleArn(ROLE).inProcessLimit(2)
            .s3ControlClient(controlClient).pollInterval(Duration.ofMillis(20)))
        .build()) {
      BackupResult submitted = stockroom.protection().backup(BackupTier.DAILY);

      assertThat(submitted.submitted()).isTrue();
      assertThat(submitted.mode()).isEqualTo(BackupMode.BATCH_OPERATIONS);
      assertThat(submitted.copied()).isEqualTo(3);
      assertThat(stockroom.protection().backups(BackupTier.DAILY)).isEmpty();
      BatchJob job = submitted.jobs().get(0);
      CreateJobRequest created = (CreateJobRequest) control.sent("CreateJob").get(0).request();
      assertThat(created.roleArn()).isEqualTo(ROLE);
      assertThat(created.manifest().spec().fields()).containsExactly(JobManifestFieldName.BUCKET,
          JobManifestFieldName.KEY);
      S3CopyObjectOperation copy = created.operation().s3PutObjectCopy();
      assertThat(copy.targetResource()).isEqualTo("arn:aws:s3:::" + backups);
      assertThat(copy.targetKeyPrefix()).isEqualTo("stockroom-backups/daily/");
      assertThat(copy.newObjectMetadata().sseAlgorithm()).isEqualTo(S3SSEAlgorithm.KMS);
      assertThat(copy.sseAwsKmsKeyId()).isEqualTo(SharedS3Mock.OTHER_KMS_KEY_ID);
      assertThat(copy.bucketKeyEnabled()).isTrue();
      assertThat(copy.storageClass()).isEqualTo(S3StorageClass.STANDARD);
      assertThat(copy.metadataDirective()).isEqualTo(S3MetadataDirective.COPY);
      assertThat(copy.checksumAlgorithm()).isEqualTo(S3ChecksumAlgorithm.CRC32_C);
      assertThat(admin.getObjectAsBytes(b -> b.bucket(shop).key(job.manifestKey()))
          .asUtf8String().lines()).containsExactly(
              shop + ",transactional%2Fcustomers%2Fc-7%2Fprofile.json",
              shop + ",transactional%2Forders%2F2026%2Fo%201%2B1.json",
              shop + ",transactional%2Fpayments%2Fp-1.json");

      assertThat(stockroom.protection().awaitBackup(submitted, Duration.ZERO))
          .isEqualTo(submitted);

      // the job's work, as S3 would do it: two copies, and one task that failed
      for (String key : KEYS.subList(0, 2)) {
        admin.copyObject(b -> b.sourceBucket(shop).sourceKey(key).destinationBucket(backups)
            .destinationKey("stockroom-backups/daily/" + key)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS)
            .ssekmsKeyId(SharedS3Mock.OTHER_KMS_KEY_ID));
      }
      writeReport(job, List.of(row(KEYS.get(0), "succeeded,200,,Successful"),
          row(KEYS.get(1), "succeeded,200,,Successful"),
          row(KEYS.get(2), "failed,403,AccessDenied,Access Denied")));
      standIn.end(job.id(), "Complete", 3, 2, 1);

      BackupResult finished = stockroom.protection().awaitBackup(submitted,
          Duration.ofSeconds(5));

      assertThat(finished.submitted()).isFalse();
      assertThat(finished.objects()).isEqualTo(2);
      assertThat(finished.copied()).isEqualTo(2);
      assertThat(finished.failures()).singleElement().satisfies(failure -> {
        assertThat(failure.key()).isEqualTo(KEYS.get(2));
        assertThat(failure.detail()).isEqualTo("AccessDenied (HTTP 403) in job " + job.id());
      });
      assertThat(stockroom.protection().backups(BackupTier.DAILY)).extracting(Backup::id)
          .containsExactly(submitted.backup().id());
      assertThat(admin.listObjectsV2(b -> b.bucket(backups)
          .prefix("stockroom-backups/manifests/daily/pending/")).contents()).isEmpty();
      assertThatThrownBy(() -> stockroom.protection().awaitBackup(finished, Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("was not "
              + "submitted as a Batch Operations job");

      RestoreReport drill = stockroom.protection().drill(BackupTier.DAILY,
          RestoreTarget.scratchPrefix("drills/").cleanUp());
      assertThat(drill.restored()).isEqualTo(2);
      assertThat(drill.verifiedByChecksum()).isEqualTo(2);
      assertThat(drill.missingFromBackup()).isEqualTo(1);
      assertThat(drill.passed()).isFalse();
    }
  }

  private String writeReport(BatchJob job, List<String> rows) {
    return S3ControlStandIn.writeReport(admin, shop, job.reportPrefix(), job.id(), rows);
  }

  private String row(String key, String rest) {
    return S3ControlStandIn.reportRow(shop, key, rest);
  }
}
