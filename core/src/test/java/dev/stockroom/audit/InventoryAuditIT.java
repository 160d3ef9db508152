package dev.stockroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.cost.CostModel;
import dev.stockroom.cost.ExistingObjects;
import dev.stockroom.policy.DataKind;
import dev.stockroom.testing.InventoryFixture;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Audits from an S3 Inventory report, on disk and in a bucket: the findings an inventory can show
 * (encryption, bucket key, storage class by age, retention, unknown prefix), exact counts from the
 * rows written; noncurrent versions and delete markers passed over; what an inventory cannot show
 * named as not checked.
 */
class InventoryAuditIT {

  static final String SCHEMA = "Bucket, Key, VersionId, IsLatest, IsDeleteMarker, Size, "
      + "LastModifiedDate, ETag, StorageClass, EncryptionStatus, BucketKeyStatus, "
      + "ObjectLockRetainUntilDate, ObjectLockMode";
  private static final String BUCKET = "shop-assets";
  private static final Instant NOW = Instant.now();

  @TempDir
  Path dir;

  @Test
  void inventoryOnDisk_findsWhatItsFieldsShow() {
    Path manifest = writeInventory(dir);
    try (Stockroom stockroom = stockroom(BUCKET)) {
      AuditReport report = stockroom.audit().run(AuditRequest.inventory(manifest)
          .findingsFile(dir.resolve("findings.csv")).build());

      assertThat(counts(report)).isEqualTo(new EnumMap<>(Map.of(Finding.UNKNOWN_PREFIX, 1L,
          Finding.ENCRYPTION, 2L, Finding.BUCKET_KEY, 1L, Finding.STORAGE_CLASS, 2L,
          Finding.RETENTION, 1L)));
      assertThat(report.objects()).isEqualTo(10);
      assertThat(report.bytes()).isEqualTo(10 * 1000);
      assertThat(report.skipped()).isEqualTo(2);
      assertThat(report.kinds()).contains(new KindCount(Optional.of(DataKind.PRODUCT_IMAGE), 3,
          3000));
      assertThat(report.notChecked()).containsExactly(
          "the KMS key (an inventory does not show it: read headers): not known for 7 objects",
          "Cache-Control and Content-Type (headers were not read): not known for 9 objects",
          "incomplete multipart uploads: not listed");
      assertThat(report.findings()).filteredOn(count -> count.finding() == Finding.STORAGE_CLASS)
          .flatExtracting(FindingCount::sample).containsExactlyInAnyOrder(
              "media/product-images/archived too soon.jpg", "logs/audit/warm.log");
    }
  }

  @Test
  void inventoryInABucket_isReadThroughS3_andItsDataFilesMustLieInTheReport() throws IOException {
    Path manifest = writeInventory(dir);
    String inventoryBucket = SharedS3Mock.newBucket();
    var admin = SharedS3Mock.admin();
    String manifestKey = "inventory/" + BUCKET + "/daily/2026-11-21T01-00Z/manifest.json";
    String json = Files.readString(manifest).replace("arn:aws:s3:::inventory-" + BUCKET,
        "arn:aws:s3:::" + inventoryBucket).replace("\"inventory/data/",
        "\"inventory/" + BUCKET + "/daily/data/");
    admin.putObject(b -> b.bucket(inventoryBucket).key(manifestKey), RequestBody.fromString(json));
    try (var files = Files.list(dir)) {
      files.filter(file -> file.toString().endsWith(".csv.gz")).forEach(file -> admin.putObject(
          b -> b.bucket(inventoryBucket).key("inventory/" + BUCKET + "/daily/data/"
              + file.getFileName()), RequestBody.fromFile(file)));
    }
    try (Stockroom stockroom = stockroom(BUCKET)) {
      AuditReport report = stockroom.audit().run(AuditRequest.inventory(inventoryBucket,
          manifestKey).build());
      assertThat(report.objects()).isEqualTo(10);
      assertThat(report.count(Finding.ENCRYPTION)).isEqualTo(2);

      String outside = "inventory/other-bucket/data/";
      admin.putObject(b -> b.bucket(inventoryBucket).key(manifestKey),
          RequestBody.fromString(json.replace("inventory/" + BUCKET + "/daily/data/", outside)));
      assertThatThrownBy(() -> stockroom.audit().run(AuditRequest.inventory(inventoryBucket,
          manifestKey).build())).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("outside the report's prefix 'inventory/" + BUCKET + "/daily/'");
    }
  }

  @Test
  void inventory_asACostWorkload_groupsObjectsByClassAgeAndSize() {
    Instant audit = Instant.parse("2026-12-01T00:00:00Z");
    Path manifest;
    try (InventoryFixture inventory = InventoryFixture.create(dir, BUCKET, SCHEMA, 100)) {
      // two 100 KiB images 10 days old, one 200 KiB (past the 128 KiB line), one archived
      sized(inventory, "media/product-images/a.jpg", 102_400, audit, 10, "STANDARD");
      sized(inventory, "media/product-images/b.jpg", 102_400, audit, 10, "STANDARD");
      sized(inventory, "media/product-images/c.jpg", 204_800, audit, 10, "STANDARD");
      sized(inventory, "media/product-images/d.jpg", 1L << 30, audit, 400, "GLACIER");
      // two orders of 512 to 1,023 bytes, one to two months old: one cohort, means 800 B, 48 days
      sized(inventory, "transactional/orders/1.json", 600, audit, 45, "STANDARD");
      sized(inventory, "transactional/orders/2.json", 1000, audit, 51, "STANDARD");
      // not in the workload: under no prefix, and in a class the cost model does not price
      sized(inventory, "exports/2019.csv", 5000, audit, 700, "STANDARD");
      sized(inventory, "media/pages/old.html", 5000, audit, 700, "REDUCED_REDUNDANCY");
      manifest = inventory.finish();
    }
    try (Stockroom stockroom = StockroomOnS3Mock.builder(BUCKET).kmsKeyId(SharedS3Mock.KMS_KEY_ID)
        .kmsKeyCheck(false).clock(java.time.Clock.fixed(audit, java.time.ZoneOffset.UTC))
        .build()) {
      AuditReport report = stockroom.audit().run(AuditRequest.inventory(manifest).build());
      var workload = report.workload();

      assertThat(workload.kind(DataKind.PRODUCT_IMAGE).orElseThrow().existing()).containsExactly(
          new ExistingObjects(1, 1L << 30, 400, StorageClass.GLACIER),
          new ExistingObjects(2, 102_400, 10, StorageClass.STANDARD),
          new ExistingObjects(1, 204_800, 10, StorageClass.STANDARD));
      assertThat(workload.kind(DataKind.ORDER).orElseThrow().existing()).containsExactly(
          new ExistingObjects(2, 800, 48, StorageClass.STANDARD));
      assertThat(workload.kinds()).hasSize(2);
      assertThat(report.notChecked()).contains("the cost workload: 1 objects in classes the cost "
          + "model does not price are left out of it");
      // and it projects: a month of the orders in STANDARD at $0.023 per GB-month
      var cost = stockroom.cost(CostModel.builder().months(1).workload(workload).build());
      assertThat(cost.allStandard().month(1, DataKind.ORDER))
          .isCloseTo(2 * 800 * 0.023 / (1L << 30), org.assertj.core.api.Assertions.within(1e-15));
    }
  }

  private static void sized(InventoryFixture inventory, String key, long size, Instant now,
      int ageDays, String storageClass) {
    inventory.row(BUCKET, key, "v1", "true", "false", Long.toString(size),
        now.minus(Duration.ofDays(ageDays)).toString(), "etag", storageClass, "SSE-KMS", "ENABLED",
        "", "");
  }

  /**
   * Ten current objects, one noncurrent version and one delete marker: each contradiction is
   * written once or twice, so the expected counts are read off this list.
   */
  static Path writeInventory(Path dir) {
    try (InventoryFixture inventory = InventoryFixture.create(dir, BUCKET, SCHEMA, 4)) {
      String young = NOW.minus(Duration.ofDays(10)).toString();
      String old = NOW.minus(Duration.ofDays(100)).toString();
      String locked = NOW.plus(Duration.ofDays(7 * 366)).toString();
      // clean
      row(inventory, "media/product-images/clean.jpg", old, "STANDARD_IA", "SSE-KMS", "ENABLED");
      row(inventory, "media/product-images/new.jpg", young, "STANDARD", "SSE-KMS", "ENABLED");
      row(inventory, "transactional/orders/ok.json", old, "STANDARD", "SSE-KMS", "ENABLED");
      inventory.row(BUCKET, "logs/audit/locked.log", "v1", "true", "false", "1000", old, "e",
          "GLACIER", "SSE-KMS", "ENABLED", locked, "COMPLIANCE");
      // ENCRYPTION ×2: an order under SSE-S3, a page not encrypted
      row(inventory, "transactional/orders/sse-s3.json", young, "STANDARD", "SSE-S3", "");
      row(inventory, "media/pages/plain.html", young, "STANDARD", "NOT-SSE", "");
      // BUCKET_KEY
      row(inventory, "transactional/payments/no-bk.json", young, "STANDARD", "SSE-KMS",
          "DISABLED");
      // STORAGE_CLASS ×2 (GLACIER at 10 days; an audit log in STANDARD, also without RETENTION)
      row(inventory, "media/product-images/archived too soon.jpg", young, "GLACIER", "SSE-KMS",
          "ENABLED");
      inventory.row(BUCKET, "logs/audit/warm.log", "v1", "true", "false", "1000", old, "e",
          "STANDARD", "SSE-KMS", "ENABLED", "", "");
      // UNKNOWN_PREFIX
      row(inventory, "exports/2019.csv", old, "STANDARD", "SSE-S3", "");
      // passed over: a noncurrent version and a delete marker
      inventory.row(BUCKET, "transactional/orders/ok.json", "v0", "false", "false", "1000", old,
          "e", "STANDARD", "NOT-SSE", "", "", "");
      inventory.row(BUCKET, "media/pages/gone.html", "v2", "true", "true", "", old, "", "", "",
          "", "", "");
      return inventory.finish();
    }
  }

  private static void row(InventoryFixture inventory, String key, String modified,
      String storageClass, String encryption, String bucketKey) {
    inventory.row(BUCKET, key, "v1", "true", "false", "1000", modified, "etag", storageClass,
        encryption, bucketKey, "", "");
  }

  static Stockroom stockroom(String bucket) {
    return StockroomOnS3Mock.builder(bucket).kmsKeyId(SharedS3Mock.KMS_KEY_ID).kmsKeyCheck(false)
        .build();
  }

  static Map<Finding, Long> counts(AuditReport report) {
    return report.findings().stream().collect(Collectors.groupingBy(FindingCount::finding,
        () -> new EnumMap<>(Finding.class), Collectors.summingLong(FindingCount::objects)));
  }
}
