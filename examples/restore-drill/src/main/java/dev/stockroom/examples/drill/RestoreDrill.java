package dev.stockroom.examples.drill;

import static dev.stockroom.examples.support.LocalS3.setting;

import dev.stockroom.Stockroom;
import dev.stockroom.examples.support.LocalS3;
import dev.stockroom.protection.BackupResult;
import dev.stockroom.protection.BackupTier;
import dev.stockroom.protection.RestoreReport;
import dev.stockroom.protection.RestoreTarget;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/**
 * A scheduled backup and restore drill, as a batch job runs it: backs up the transactional data
 * into a tier (incremental: only what changed since that tier's last backup), restores the tier's
 * latest backup into a scratch prefix, verifies every object against the manifest, prints the
 * report (recovery time, backup age, mismatches; no keys) and cleans up. Exits with status 1 when
 * the drill fails, so the scheduler can page someone.
 *
 * <p>Usage: {@code mvn -q -P run -pl examples/restore-drill -am compile [-Dexec.args="daily"]}.
 * With no endpoint configured it starts an in-process S3Mock with 200 sample orders. Set {@code
 * STOCKROOM_PROTECTION_KEY} (base64, at least 32 bytes, from a secret store) for real buckets:
 * it signs the manifests, and a backup made under one key is refused under another.
 */
public final class RestoreDrill {

  private static final byte[] DEMO_KEY = "demo-protection-key-not-a-secret!"
      .getBytes(StandardCharsets.US_ASCII);

  private RestoreDrill() {}

  public static void main(String[] args) {
    BackupTier tier = BackupTier.valueOf((args.length > 0 ? args[0] : "daily").toUpperCase());
    String bucket = setting("stockroom.bucket", "STOCKROOM_BUCKET", "stockroom-shop");
    String backups = setting("stockroom.backups", "STOCKROOM_BACKUPS", "stockroom-shop-backups");
    Region region = Region.of(setting("aws.region", "AWS_REGION", "us-east-1"));
    String key = setting("stockroom.protection-key", "STOCKROOM_PROTECTION_KEY", null);

    boolean passed;
    try (LocalS3 s3 = LocalS3.fromEnvironment(); S3Client admin = s3.client(region)) {
      String kmsKey = setting("stockroom.kms-key", "STOCKROOM_KMS_KEY",
          s3.inProcess() ? LocalS3.LOCAL_KMS_KEY_ID : null);
      if (s3.inProcess()) {
        seed(admin, bucket, backups);
      }
      if (key == null) {
        System.out.println("No STOCKROOM_PROTECTION_KEY: signing with a demo key (fine for the "
            + "in-process S3Mock only)");
      }
      try (Stockroom stockroom = s3.configure(Stockroom.builder().bucket(bucket).region(region))
          .kmsKeyId(kmsKey).kmsKeyCheck(!s3.inProcess())
          .protectionKey(key == null ? DEMO_KEY : Base64.getDecoder().decode(key))
          .backups(b -> b.bucket(backups)).build()) {
        BackupResult backup = stockroom.protection().backup(tier);
        System.out.print(backup);
        RestoreReport report = stockroom.protection().drill(tier, RestoreTarget
            .scratchPrefix("restore-drills/" + LocalDate.now() + "/").cleanUp());
        System.out.print(report);
        passed = report.passed();
      }
    }
    // after Stockroom and the store are closed, so nothing is left running
    if (!passed) {
      System.exit(1);
    }
  }

  /** The in-process store: a shop bucket with 200 orders, and a versioned backup bucket. */
  private static void seed(S3Client admin, String bucket, String backups) {
    LocalS3.createBucketIfMissing(admin, bucket);
    LocalS3.createBucketIfMissing(admin, backups);
    admin.putBucketVersioning(b -> b.bucket(backups).versioningConfiguration(v -> v
        .status(BucketVersioningStatus.ENABLED)));
    for (int i = 1; i <= 200; i++) {
      String order = "{\"order\":" + i + ",\"total\":\"" + (i * 7 % 100) + ".99\"}";
      String name = String.format("transactional/orders/2026/11/22/order-%04d.json", i);
      admin.putObject(b -> b.bucket(bucket).key(name),
          software.amazon.awssdk.core.sync.RequestBody.fromString(order));
    }
  }
}
