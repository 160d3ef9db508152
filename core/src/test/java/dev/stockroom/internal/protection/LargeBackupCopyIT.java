package dev.stockroom.internal.protection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.protection.BackupSettings;
import dev.stockroom.protection.BackupTier;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;

/**
 * A backup copy above the single-copy limit (5 GiB in S3, lowered here to 6 MiB so a 12 MiB
 * object takes three parts of 5 MiB) goes part by part into the tier's bucket through the tier's
 * client, with the headers read from the source through the source's own client (a client of
 * another region would be redirected), SSE-KMS with the tier's key, and no checksum recorded.
 */
class LargeBackupCopyIT {

  private static final long MIB = 1024 * 1024;
  private static final String KEY = "transactional/orders/exports/2026-11.csv";
  private static final S3Client admin = SharedS3Mock.admin();

  @Test
  void aCopyAboveTheLimit_goesPartByPart_keepingBytesAndHeaders() throws Exception {
    String shop = SharedS3Mock.newBucket();
    String away = SharedS3Mock.newBucket();
    admin.putBucketVersioning(b -> b.bucket(away).versioningConfiguration(v -> v
        .status(BucketVersioningStatus.ENABLED)));
    byte[] export = new byte[(int) (12 * MIB)];
    new Random(11).nextBytes(export);
    String eTag = admin.putObject(b -> b.bucket(shop).key(KEY).contentType("text/csv")
        .metadata(Map.of("origin", "erp")), RequestBody.fromBytes(export)).eTag();
    RecordingInterceptor home = new RecordingInterceptor();
    RecordingInterceptor there = new RecordingInterceptor();
    S3AsyncClient source = SharedS3Mock.asyncClient(home);
    S3AsyncClient otherRegion = SharedS3Mock.asyncClientBuilder(there).region(Region.EU_WEST_1)
        .build();
    try (otherRegion) {
      BackupSettings settings = BackupSettings.builder().bucket("unused-backups")
          .crossRegion(otherRegion, away, SharedS3Mock.OTHER_KMS_KEY_ID).build();
      BackupLayout layout = new BackupLayout(settings, source, SharedS3Mock.KMS_KEY_ID);
      BackupCopier copier = new BackupCopier(shop, source, layout, true, 6 * MIB, 5 * MIB);

      BackupCopier.Outcome outcome = copier.copy(layout.place(BackupTier.WEEKLY),
          S3Object.builder().key(KEY).eTag(eTag).size(12 * MIB).build()).join();

      assertThat(outcome.failure()).isNull();
      assertThat(outcome.row().backupVersion()).isNotNull();
      assertThat(outcome.row().checksum()).isNull();
      assertThat(outcome.row().size()).isEqualTo(12 * MIB);
      assertThat(home.sent("HeadObject")).singleElement().satisfies(head -> assertThat(
          ((HeadObjectRequest) head.request()).ifMatch()).isEqualTo(eTag));
      assertThat(there.sent("UploadPartCopy")).hasSize(3).allSatisfy(part -> assertThat(
          ((UploadPartCopyRequest) part.request()).copySourceIfMatch()).isEqualTo(eTag));
      CreateMultipartUploadRequest create = (CreateMultipartUploadRequest) there
          .sent("CreateMultipartUpload").get(0).request();
      assertThat(create.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(create.ssekmsKeyId()).isEqualTo(SharedS3Mock.OTHER_KMS_KEY_ID);
      String copy = "stockroom-backups/weekly/" + KEY;
      var head = admin.headObject(b -> b.bucket(away).key(copy));
      assertThat(head.metadata()).containsEntry("origin", "erp");
      assertThat(head.contentType()).isEqualTo("text/csv");
      assertThat(head.versionId()).isEqualTo(outcome.row().backupVersion());
      assertThat(sha256(admin.getObjectAsBytes(b -> b.bucket(away).key(copy)).asByteArray()))
          .isEqualTo(sha256(export));
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
