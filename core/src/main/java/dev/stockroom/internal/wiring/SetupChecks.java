package dev.stockroom.internal.wiring;

import dev.stockroom.batch.BatchOperations;
import dev.stockroom.protection.BackupSettings;
import dev.stockroom.transfer.TransferSettings;
import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * The rules a builder's settings must keep together, checked at build time without a network
 * call: no setting that would be silently ignored, acceleration only where it can work, and a KMS
 * key ARN in the region of the clients.
 */
public final class SetupChecks {

  /** {@code arn:<partition>:kms:<region>:<account>:key/<id>} or {@code …:alias/<name>}. */
  private static final Pattern KMS_ARN = Pattern.compile(
      "arn:aws[a-z-]*:kms:([a-z0-9-]+):\\d{12}:(key|alias)/.+");

  private SetupChecks() {}

  /**
   * Checks the combination.
   *
   * @throws IllegalArgumentException naming the setting and why
   */
  public static void check(Setup setup) {
    Require.argument(setup.bucket() != null, "bucket must be set");
    checkAcceleration(setup);
    checkIgnored(setup);
    checkKmsRegion(setup);
    checkBatchOperations(setup);
    checkBackups(setup);
  }

  /**
   * Backups go to buckets of their own (a copy in the same bucket survives none of what a backup
   * is for), encrypted with a KMS key, under manifests signed with the protection key.
   */
  private static void checkBackups(Setup setup) {
    BackupSettings backups = setup.backups();
    if (backups == null) {
      return;
    }
    Require.argument(!backups.bucket().equals(setup.bucket()), "backups bucket must differ "
        + "from the bucket it backs up, but was '%s'", backups.bucket());
    backups.crossRegionBucket().ifPresent(cross -> Require.argument(!cross.equals(
        setup.bucket()), "backups crossRegion bucket must differ from the bucket it backs up, "
        + "but was '%s'", cross));
    Require.argument(backups.kmsKeyId().isPresent() || setup.kmsKeyId() != null, "backups "
        + "need a KMS key for their copies of transactional data: set kmsKeyId on the backups "
        + "or on the Stockroom builder");
    Require.argument(setup.protectionKey() != null, "backups need protectionKey(...) on the "
        + "Stockroom builder: it signs their manifests, which a restore trusts");
  }

  /**
   * Batch Operations need S3 Control, which exists on AWS only, in the bucket's region; and their
   * working files must lie outside every kind's prefix, where no policy applies and no audit
   * finds them.
   */
  private static void checkBatchOperations(Setup setup) {
    BatchOperations batch = setup.batchOperations();
    if (batch == null) {
      return;
    }
    String work = batch.workPrefix();
    setup.policies().policies().forEach(policy -> Require.argument(
        !work.startsWith(policy.prefix()) && !policy.prefix().startsWith(work), "batchOperations "
            + "workPrefix '%s' overlaps the prefix '%s' of %s: choose one outside every kind's",
        work, policy.prefix(), policy.kind()));
    if (setup.createsS3ControlClient()) {
      Require.argument(setup.endpointOverride() == null, "batchOperations needs an "
          + "s3ControlClient(...) when endpointOverride is set: S3 Batch Operations exist on AWS "
          + "only, not at '%s'", setup.endpointOverride());
      Require.argument(setup.s3Region().isPresent(), "batchOperations needs a region (or an "
          + "s3ControlClient(...)) to create its S3 Control client");
    }
  }

  private static void checkAcceleration(Setup setup) {
    if (!setup.accelerate()) {
      return;
    }
    Require.argument(!setup.bucket().contains("."), "bucket '%s' cannot use Transfer "
        + "Acceleration: its name must not contain dots", setup.bucket());
    Require.argument(setup.createsS3Client(), "accelerate applies to the S3 client Stockroom "
        + "creates; build your own S3AsyncClient with accelerate(true) instead");
  }

  /** Refuses settings for clients Stockroom does not create: they would be ignored silently. */
  private static void checkIgnored(Setup setup) {
    List<String> ignored = new ArrayList<>();
    if (!setup.createsS3Client()) {
      if (setup.endpointOverride() != null) {
        ignored.add("endpointOverride");
      }
      if (setup.forcePathStyle()) {
        ignored.add("forcePathStyle");
      }
      if (setup.s3ClientCustomizer() != null) {
        ignored.add("s3ClientCustomizer");
      }
      TransferSettings t = setup.transferSettings();
      TransferSettings d = TransferSettings.defaults();
      if (t.partSize() != d.partSize() || t.multipartThreshold() != d.multipartThreshold()
          || t.maxConnections() != d.maxConnections()) {
        ignored.add("transferSettings (partSize, multipartThreshold, maxConnections)");
      }
    }
    boolean anyCreated = setup.createsS3Client() || setup.createsKmsClient()
        || setup.createsCloudFrontClient() || setup.createsS3ControlClient();
    if (setup.region() != null && !setup.createsS3Client() && !setup.createsKmsClient()
        && !setup.createsS3ControlClient()) {
      ignored.add("region");
    }
    if (setup.credentials() != null && !anyCreated) {
      ignored.add("credentialsProvider");
    }
    Require.argument(ignored.isEmpty(), "%s would be ignored: Stockroom uses the clients you "
        + "passed in (s3AsyncClient, kmsClient, cloudFrontClient) as they are; configure them "
        + "instead, or remove these settings", String.join(", ", ignored));
  }

  /** S3 encrypts with a KMS key of the bucket's own region only. */
  private static void checkKmsRegion(Setup setup) {
    if (setup.kmsKeyId() == null) {
      return;
    }
    Matcher arn = KMS_ARN.matcher(setup.kmsKeyId());
    if (!arn.matches()) {
      return;
    }
    Optional<Region> region = clientRegion(setup);
    region.ifPresent(r -> Require.argument(arn.group(1).equals(r.id()), "kmsKeyId is a key of "
        + "region %s, but the S3 client is in %s: SSE-KMS needs a key in the bucket's region, "
        + "but was '%s'", arn.group(1), r.id(), setup.kmsKeyId()));
  }

  private static Optional<Region> clientRegion(Setup setup) {
    return setup.s3Region();
  }
}
