package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import dev.stockroom.spring.InvalidStockroomPropertyException.Refused;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Applies {@link StockroomProperties} and the application's AWS beans to a
 * {@link Stockroom.Builder}, calling the builder only for what is set so that the rest keeps
 * core's defaults. Every value the builder refuses is reported as an
 * {@link InvalidStockroomPropertyException} naming the property and its value; what was set from
 * where is recorded in a {@link SettingSources} for the failures of {@code build()}.
 */
final class PropertiesMapper {

  private static final String P = StockroomProperties.PREFIX + ".";

  private final StockroomProperties properties;
  private final AwsBeans beans;
  private final PropertyValues values;
  private final Stockroom.Builder builder;
  private final SettingSources sources = new SettingSources();

  private PropertiesMapper(StockroomProperties properties, AwsBeans beans,
      PropertyValues values, Stockroom.Builder builder) {
    this.properties = properties;
    this.beans = beans;
    this.values = values;
    this.builder = builder;
  }

  /**
   * Applies {@code properties} and {@code beans} to {@code builder}.
   *
   * @return where each setting came from, to explain a failure of {@code build()}
   * @throws InvalidStockroomPropertyException naming the property and its value
   */
  static SettingSources apply(StockroomProperties properties, AwsBeans beans,
      PropertyValues values, Stockroom.Builder builder) {
    PropertiesMapper mapper = new PropertiesMapper(properties, beans, values, builder);
    mapper.apply();
    return mapper.sources;
  }

  private void apply() {
    if (properties.getBucket() == null || properties.getBucket().isBlank()) {
      throw new InvalidStockroomPropertyException(List.of(Refused.notSet(P + "bucket")),
          "no bucket is set", "Set stockroom.bucket to the S3 bucket Stockroom stores into, or "
          + "set stockroom.enabled=false.", null);
    }
    Refused bucket = values.refused(P + "bucket", properties.getBucket());
    set(bucket, () -> builder.bucket(properties.getBucket()));
    sources.property("bucket", bucket);
    clients();
    if (properties.getEndpoint() != null) {
      property("endpointOverride", "endpoint", properties.getEndpoint(),
          () -> builder.endpointOverride(properties.getEndpoint()));
    }
    if (properties.getPathStyle() != null) {
      property("forcePathStyle", "path-style", properties.getPathStyle(),
          () -> builder.forcePathStyle(properties.getPathStyle()));
    }
    if (properties.getAccelerate() != null) {
      property("accelerate", "accelerate", properties.getAccelerate(),
          () -> builder.accelerate(properties.getAccelerate()));
    }
    if (properties.getShutdownGracePeriod() != null) {
      property("shutdownGracePeriod", "shutdown-grace-period",
          properties.getShutdownGracePeriod(),
          () -> builder.shutdownGracePeriod(properties.getShutdownGracePeriod()));
    }
    if (properties.getResumeTokenKey() != null) {
      secretKey("resume-token-key", properties.getResumeTokenKey(), builder::resumeTokenKey);
    }
    if (properties.getProtectionKey() != null) {
      secretKey("protection-key", properties.getProtectionKey(), builder::protectionKey);
    }
    backups(properties.getBackups());
    kms(properties.getKms());
    transfer(properties.getTransfer());
    uploadHeaders(properties.getUploadHeaders());
    CloudFrontMapper.map(properties.getCloudFront(), beans.cloudFront(), values)
        .ifPresent(builder::cloudFront);
    if (!properties.getPolicies().isEmpty()) {
      builder.policies(PolicyOverrides.apply(properties.getPolicies(), values));
    }
    batchOperations(properties.getBatchOperations());
  }

  private void batchOperations(StockroomProperties.BatchOperations batch) {
    if (batch.getAccountId() == null && batch.getRoleArn() == null && batch.getWorkPrefix() == null
        && batch.getInProcessLimit() == null && batch.getPollInterval() == null) {
      return;
    }
    String b = "batch-operations.";
    if (batch.getAccountId() == null || batch.getRoleArn() == null) {
      throw new InvalidStockroomPropertyException(List.of(Refused.notSet(P + b
          + (batch.getAccountId() == null ? "account-id" : "role-arn"))), "Batch Operations "
          + "need both account-id and role-arn", "Set " + P + b + "account-id and " + P + b
          + "role-arn, or remove the " + P + b + "* properties.", null);
    }
    dev.stockroom.batch.BatchOperations.Builder settings =
        dev.stockroom.batch.BatchOperations.builder();
    set(values.refused(P + b + "account-id", batch.getAccountId()),
        () -> settings.accountId(batch.getAccountId()));
    set(values.refused(P + b + "role-arn", batch.getRoleArn()),
        () -> settings.roleArn(batch.getRoleArn()));
    if (batch.getWorkPrefix() != null) {
      set(values.refused(P + b + "work-prefix", batch.getWorkPrefix()),
          () -> settings.workPrefix(batch.getWorkPrefix()));
    }
    if (batch.getInProcessLimit() != null) {
      set(values.refused(P + b + "in-process-limit", batch.getInProcessLimit()),
          () -> settings.inProcessLimit(batch.getInProcessLimit()));
    }
    if (batch.getPollInterval() != null) {
      set(values.refused(P + b + "poll-interval", batch.getPollInterval()),
          () -> settings.pollInterval(batch.getPollInterval()));
    }
    Refused role = values.refused(P + b + "role-arn", batch.getRoleArn());
    try {
      builder.batchOperations(settings.build());
    } catch (IllegalStateException e) {
      throw new InvalidStockroomPropertyException(List.of(role), e.getMessage(),
          "Correct " + role.property() + ".", e);
    }
  }

  /**
   * Passes the application's clients, and its region and credentials beans only where Stockroom
   * creates a client that uses them: core refuses settings it would ignore.
   */
  private void clients() {
    S3ClientPair.check(beans.s3Async(), beans.s3(), properties.getBucket());
    beans.s3Async().ifPresent(client -> {
      builder.s3AsyncClient(client);
      sources.client("S3AsyncClient");
    });
    beans.s3().ifPresent(builder::s3Client);
    beans.kms().ifPresent(client -> {
      builder.kmsClient(client);
      sources.client("KmsClient");
    });
    boolean createsS3 = beans.s3Async().isEmpty();
    boolean createsKms = properties.getKms().getKeyId() != null
        && !Boolean.FALSE.equals(properties.getKms().getKeyCheck()) && beans.kms().isEmpty();
    boolean createsCloudFront = properties.getCloudFront().getDistributionId() != null
        && beans.cloudFront().isEmpty();
    if (properties.getRegion() != null) {
      property("region", "region", properties.getRegion(),
          () -> builder.region(Region.of(properties.getRegion())));
    } else if (createsS3 || createsKms) {
      beans.region().ifPresent(provider -> {
        builder.region(regionOf(provider));
        sources.bean("region", "AwsRegionProvider");
      });
    }
    if (createsS3 || createsKms || createsCloudFront) {
      beans.credentials().ifPresent(credentials -> {
        builder.credentialsProvider(credentials);
        sources.bean("credentialsProvider", "AwsCredentialsProvider");
      });
    }
  }

  private static Region regionOf(AwsRegionProvider provider) {
    try {
      return provider.getRegion();
    } catch (SdkClientException e) {
      throw new InvalidStockroomPropertyException(List.of(Refused.notSet(P + "region")),
          "no region is set, and the application's AwsRegionProvider bean has none: "
          + e.getMessage(), "Set stockroom.region, or the region of the application's AWS setup "
          + "(e.g. spring.cloud.aws.region.static, AWS_REGION).", e);
    }
  }

  private void kms(StockroomProperties.Kms kms) {
    if (kms.getKeyId() != null) {
      property("kmsKeyId", "kms.key-id", kms.getKeyId(), () -> builder.kmsKeyId(kms.getKeyId()));
    }
    if (kms.getKeyCheck() != null) {
      property("kmsKeyCheck", "kms.key-check", kms.getKeyCheck(),
          () -> builder.kmsKeyCheck(kms.getKeyCheck()));
    }
    if (kms.getCheckInterval() != null) {
      property("awsCheckInterval", "kms.check-interval", kms.getCheckInterval(),
          () -> builder.awsCheckInterval(kms.getCheckInterval()));
    }
  }

  private void transfer(StockroomProperties.Transfer transfer) {
    if (transfer.getPartSize() != null) {
      property("transferSettings", "transfer.part-size", transfer.getPartSize(),
          () -> builder.transferSettings(t -> t.partSize(transfer.getPartSize().toBytes())));
    }
    if (transfer.getMultipartThreshold() != null) {
      property("transferSettings", "transfer.multipart-threshold",
          transfer.getMultipartThreshold(), () -> builder.transferSettings(
              t -> t.multipartThreshold(transfer.getMultipartThreshold().toBytes())));
    }
    if (transfer.getMaxConnections() != null) {
      property("transferSettings", "transfer.max-connections", transfer.getMaxConnections(),
          () -> builder.transferSettings(t -> t.maxConnections(transfer.getMaxConnections())));
    }
    if (transfer.getMaxConcurrentFiles() != null) {
      property("maxConcurrentFiles", "transfer.max-concurrent-files",
          transfer.getMaxConcurrentFiles(), () -> builder.transferSettings(
              t -> t.maxConcurrentFiles(transfer.getMaxConcurrentFiles())));
    }
  }

  private void uploadHeaders(StockroomProperties.UploadHeaders headers) {
    if (headers.getServerSideEncryption() != null) {
      property("uploadHeaders", "upload-headers.server-side-encryption",
          headers.getServerSideEncryption(), () -> builder.uploadHeaders(
              h -> h.serverSideEncryption(headers.getServerSideEncryption())));
    }
    if (headers.getObjectLockRetention() != null) {
      property("uploadHeaders", "upload-headers.object-lock-retention",
          headers.getObjectLockRetention(), () -> builder.uploadHeaders(
              h -> h.objectLockRetention(headers.getObjectLockRetention())));
    }
    if (headers.getChecksums() != null) {
      property("uploadHeaders", "upload-headers.checksums", headers.getChecksums(),
          () -> builder.uploadHeaders(h -> h.checksums(headers.getChecksums())));
    }
    if (headers.getKindTag() != null) {
      property("uploadHeaders", "upload-headers.kind-tag", headers.getKindTag(),
          () -> builder.uploadHeaders(h -> h.kindTag(headers.getKindTag())));
    }
  }

  /**
   * Decodes the key and hands it to the builder. No message, cause or log line carries the
   * value: the JDK's decoder names the offending character, so its exception is not chained.
   */
  private void secretKey(String name, String base64,
      java.util.function.Consumer<byte[]> setter) {
    Refused property = Refused.secret(P + name);
    String action = "Set " + P + name + " to base64 of at least 32 random bytes, e.g. "
        + "the output of: openssl rand -base64 32";
    String compact = base64.replaceAll("\\s", "");
    byte[] key;
    try {
      key = (compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0 ? Base64.getUrlDecoder()
          : Base64.getDecoder()).decode(compact);
    } catch (IllegalArgumentException e) {
      throw new InvalidStockroomPropertyException(List.of(property), "the value is not base64",
          action, null);
    }
    try {
      setter.accept(key);
    } catch (IllegalArgumentException e) {
      throw new InvalidStockroomPropertyException(List.of(property), e.getMessage(), action, null);
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private void backups(StockroomProperties.Backups backups) {
    if (backups.getBucket() == null) {
      if (backups.getPrefix() != null || backups.getKmsKeyId() != null) {
        throw new InvalidStockroomPropertyException(List.of(Refused.notSet(P
            + "backups.bucket")), "backup properties are set but no bucket", "Set " + P
            + "backups.bucket, or remove the " + P + "backups.* properties.", null);
      }
      return;
    }
    dev.stockroom.protection.BackupSettings.Builder settings =
        dev.stockroom.protection.BackupSettings.builder();
    set(values.refused(P + "backups.bucket", backups.getBucket()),
        () -> settings.bucket(backups.getBucket()));
    if (backups.getPrefix() != null) {
      set(values.refused(P + "backups.prefix", backups.getPrefix()),
          () -> settings.prefix(backups.getPrefix()));
    }
    if (backups.getKmsKeyId() != null) {
      set(values.refused(P + "backups.kms-key-id", backups.getKmsKeyId()),
          () -> settings.kmsKeyId(backups.getKmsKeyId()));
    }
    Refused bucket = values.refused(P + "backups.bucket", backups.getBucket());
    set(bucket, () -> builder.backups(settings.build()));
  }

  /** Applies a property that maps to the builder setting {@code setting}, and records it. */
  private void property(String setting, String name, Object value, Runnable call) {
    Refused refused = values.refused(P + name, value);
    set(refused, call);
    sources.property(setting, refused);
  }

  /** Runs a builder call, reporting a refused value against {@code property}. */
  static void set(Refused property, Runnable call) {
    try {
      call.run();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidStockroomPropertyException(List.of(property), e.getMessage(),
          "Correct " + property.property() + ".", e);
    }
  }

  /** The application's AWS beans the starter may reuse, each present when there is one only. */
  record AwsBeans(Optional<S3AsyncClient> s3Async, Optional<S3Client> s3, Optional<KmsClient> kms,
      Optional<CloudFrontClient> cloudFront, Optional<AwsCredentialsProvider> credentials,
      Optional<AwsRegionProvider> region) {}
}
