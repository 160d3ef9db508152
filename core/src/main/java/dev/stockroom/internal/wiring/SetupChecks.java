package dev.stockroom.internal.wiring;

import dev.stockroom.internal.s3.S3Clients;
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
        || setup.createsCloudFrontClient();
    if (setup.region() != null && !setup.createsS3Client() && !setup.createsKmsClient()) {
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
    if (setup.s3AsyncClient() != null) {
      return Optional.ofNullable(setup.s3AsyncClient().serviceClientConfiguration().region());
    }
    return Optional.ofNullable(setup.region()).or(S3Clients::localRegion);
  }
}
