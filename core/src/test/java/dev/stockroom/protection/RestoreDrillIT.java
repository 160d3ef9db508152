package dev.stockroom.protection;

import static dev.stockroom.protection.BackupIT.PROTECTION_KEY;
import static dev.stockroom.protection.BackupIT.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.BackupException;
import dev.stockroom.protection.RestoreMismatch.Problem;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.S3MockDisk;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Restore drills against S3Mock: a backup restored into a scratch prefix and verified object by
 * object. To corrupt a backed-up version, which S3's API never allows, the test changes its bytes
 * on S3Mock's disk ({@link S3MockDisk}), as a failing disk would.
 */
class RestoreDrillIT {

  private static final String ORDER_1 = "transactional/orders/2026/11/22/order-1.json";
  private static final String ORDER_2 = "transactional/orders/2026/11/22/order-2.json";
  private static final String CUSTOMER = "transactional/customers/c-1001/profile.json";
  private static final String PAYMENT = "transactional/payments/2026/11/p-1.json";
  private static final String SCRATCH = "restore-drills/2026-11-22/";
  private static final S3Client admin = SharedS3Mock.admin();

  private final RecordingInterceptor sent = new RecordingInterceptor();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
  private final String shop = bucket(false);
  private final String backups = bucket(true);

  @Test
  void aDrill_restoresEveryObject_verifiesItsChecksum_andMeasuresRtoAndRpo() {
    seed();
    try (Stockroom stockroom = stockroom()) {
      Backup backup = stockroom.protection().backup(BackupTier.DAILY).backup();
      clock.advance(Duration.ofHours(5));

      RestoreReport report = stockroom.protection().drill(BackupTier.DAILY,
          RestoreTarget.scratchPrefix(SCRATCH));

      assertThat(report.passed()).isTrue();
      assertThat(report.backup()).isEqualTo(backup);
      assertThat(List.of(report.objects(), report.restored(), report.verifiedByChecksum(),
          report.verifiedBySize(), report.missingFromBackup())).containsExactly(4L, 4L, 4L, 0L,
          0L);
      assertThat(report.bytes()).isEqualTo(("order 1" + "order 2" + "{\"name\":\"Jane\"}"
          + "payment 1").length());
      assertThat(report.backupAge()).isEqualTo(Duration.ofHours(5));
      assertThat(report.startedAt()).isEqualTo(Instant.parse("2026-11-22T07:00:00Z"));
      assertThat(report.recoveryTime()).isPositive();
      assertThat(admin.getObjectAsBytes(b -> b.bucket(shop).key(SCRATCH + CUSTOMER))
          .asUtf8String()).isEqualTo("{\"name\":\"Jane\"}");
      assertThat(admin.headObject(b -> b.bucket(shop).key(SCRATCH + ORDER_1))
          .serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(report.toString()).contains("PASSED", "recovery time (RTO)",
          "backup age (RPO)       0d 05h 00m 00s", "4 restored of 4 in the manifest",
          "4 by checksum, 0 by size only").doesNotContain("c-1001").doesNotContain("order-1");
      assertThat(report.cleanedUp()).isZero();
    }
  }

  @Test
  void aDrillIntoAScratchBucket_restoresThere_andCleansUpThere() {
    seed();
    String scratch = bucket(false);
    try (Stockroom stockroom = stockroom()) {
      stockroom.protection().backup(BackupTier.DAILY).backup();
      sent.clear();

      RestoreReport kept = stockroom.protection().drill(BackupTier.DAILY,
          RestoreTarget.scratchBucket(scratch, ""));

      assertThat(kept.passed()).isTrue();
      assertThat(kept.restored()).isEqualTo(4);
      assertThat(admin.getObjectAsBytes(b -> b.bucket(scratch).key(PAYMENT)).asUtf8String())
          .isEqualTo("payment 1");
      assertThat(admin.headObject(b -> b.bucket(scratch).key(ORDER_2)).serverSideEncryption())
          .isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(admin.listObjectsV2(b -> b.bucket(shop).prefix(SCRATCH)).contents()).isEmpty();

      RestoreReport cleaned = stockroom.protection().drill(BackupTier.DAILY,
          RestoreTarget.scratchBucket(scratch, "drill-2/").cleanUp());

      assertThat(cleaned.passed()).isTrue();
      assertThat(cleaned.cleanedUp()).isEqualTo(4);
      assertThat(admin.listObjectsV2(b -> b.bucket(scratch).prefix("drill-2/")).contents())
          .isEmpty();
      assertThat(admin.listObjectsV2(b -> b.bucket(scratch)).contents()).hasSize(4);
      assertThat(admin.listObjectsV2(b -> b.bucket(shop)).contents()).hasSize(4);
    }
  }

  @Test
  void aDrillAfterCorruptingOneBackupObject_reportsExactlyThatMismatch_andCleansUp()
      throws Exception {
    seed();
    try (Stockroom stockroom = stockroom()) {
      Backup backup = stockroom.protection().backup(BackupTier.DAILY).backup();
      S3MockDisk.corrupt(backups, "order 2".getBytes(StandardCharsets.UTF_8));
      String manifest = admin.getObjectAsBytes(b -> b.bucket(backups)
          .key(backup.manifestKey())).asUtf8String();
      List<String> lines = manifest.lines().toList();
      int line = 1 + lines.indexOf(lines.stream().filter(l -> l.startsWith(
          "transactional%2Forders%2F2026%2F11%2F22%2Forder-2.json,")).findFirst().orElseThrow());
      String checksum = lines.get(line - 1).split(",")[4];

      RestoreReport report = stockroom.protection().restore(backup,
          RestoreTarget.scratchPrefix(SCRATCH).cleanUp());

      assertThat(report.passed()).isFalse();
      assertThat(report.restored()).isEqualTo(3);
      assertThat(report.mismatches()).singleElement().satisfies(mismatch -> {
        assertThat(mismatch.key()).isEqualTo(ORDER_2);
        assertThat(mismatch.problem()).isEqualTo(Problem.CHECKSUM);
        assertThat(mismatch.line()).isEqualTo(line);
        assertThat(mismatch.expected()).isEqualTo(checksum);
        assertThat(mismatch.actual()).isNotEqualTo(checksum).startsWith("CRC32");
      });
      assertThat(report.toString()).contains("FAILED", "CHECKSUM at manifest line " + line)
          .doesNotContain("order-2");
      assertThat(report.cleanedUp()).isEqualTo(4);
      var left = admin.listObjectVersions(b -> b.bucket(shop).prefix(SCRATCH));
      assertThat(left.versions()).isEmpty();
      assertThat(left.deleteMarkers()).isEmpty();
    }
  }

  @Test
  void aBackupVersionGone_isReportedMissing() {
    seed();
    try (Stockroom stockroom = stockroom()) {
      Backup backup = stockroom.protection().backup(BackupTier.DAILY).backup();
      String copy = "stockroom-backups/daily/" + PAYMENT;
      admin.listObjectVersions(b -> b.bucket(backups).prefix(copy)).versions().forEach(v ->
          admin.deleteObject(b -> b.bucket(backups).key(copy).versionId(v.versionId())));

      RestoreReport report = stockroom.protection().restore(backup,
          RestoreTarget.scratchPrefix(SCRATCH).cleanUp());

      assertThat(report.mismatches()).singleElement().satisfies(mismatch -> {
        assertThat(mismatch.key()).isEqualTo(PAYMENT);
        assertThat(mismatch.problem()).isEqualTo(Problem.MISSING);
      });
      assertThat(report.cleanedUp()).isEqualTo(3);
    }
  }

  @Test
  void targetsOverTheShopsData_areRefused_beforeAnyCopy() {
    seed();
    try (Stockroom stockroom = stockroom()) {
      assertThatThrownBy(() -> stockroom.protection().drill(BackupTier.MONTHLY,
          RestoreTarget.scratchPrefix(SCRATCH)))
          .isInstanceOf(BackupException.class)
          .hasMessageStartingWith("the MONTHLY tier has no backup to drill");
      Backup backup = stockroom.protection().backup(BackupTier.DAILY).backup();
      sent.clear();

      assertThatThrownBy(() -> stockroom.protection().restore(backup,
          RestoreTarget.scratchPrefix("transactional/")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("restore prefix 'transactional/' overlaps the prefix "
              + "'transactional/orders/' of ORDER: restore into a scratch prefix outside every "
              + "kind's");
      assertThatThrownBy(() -> stockroom.protection().restore(backup,
          RestoreTarget.scratchBucket(backups, "")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("restore prefix '' of backup bucket '" + backups + "' overlaps the "
              + "backups' prefix 'stockroom-backups/'");
      assertThat(sent.sent("CopyObject")).isEmpty();
    }
  }

  private void seed() {
    put(shop, ORDER_1, "order 1");
    put(shop, ORDER_2, "order 2");
    put(shop, CUSTOMER, "{\"name\":\"Jane\"}");
    put(shop, PAYMENT, "payment 1");
  }

  private Stockroom stockroom() {
    return StockroomOnS3Mock.builder(shop, sent).kmsKeyId(SharedS3Mock.KMS_KEY_ID)
        .kmsKeyCheck(false).protectionKey(PROTECTION_KEY).clock(clock)
        .backups(b -> b.bucket(backups)).build();
  }

  private static String bucket(boolean versioned) {
    String bucket = (versioned ? "drill-backups-" : "drill-shop-") + System.nanoTime();
    admin.createBucket(b -> b.bucket(bucket));
    if (versioned) {
      admin.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v
          .status(BucketVersioningStatus.ENABLED)));
    }
    return bucket;
  }
}
