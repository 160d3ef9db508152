package dev.stockroom.internal.wiring;

import dev.stockroom.batch.BatchOperations;
import dev.stockroom.internal.metrics.Meters;
import dev.stockroom.internal.s3.S3Clients;
import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.protection.BackupSettings;
import dev.stockroom.transfer.TransferSettings;
import dev.stockroom.transfer.UploadHeaders;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Everything a Stockroom builder was given; null where a setting was not set. Checked as a whole
 * by {@link SetupChecks}, wired by {@link Assembly}.
 */
public record Setup(String bucket, Region region, URI endpointOverride, boolean forcePathStyle,
    AwsCredentialsProvider credentials, S3AsyncClient s3AsyncClient, S3Client s3Client,
    Consumer<S3AsyncClientBuilder> s3ClientCustomizer, PolicyCatalog policies, String kmsKeyId,
    KmsClient kmsClient, boolean kmsKeyCheck, boolean accelerate,
    TransferSettings transferSettings, Duration awsCheckInterval, CloudFrontSettings cloudFront,
    Clock clock, Executor executor, Duration shutdownGracePeriod, byte[] resumeTokenKey,
    UploadHeaders uploadHeaders, BatchOperations batchOperations, Meters meters,
    byte[] protectionKey, BackupSettings backups) {

  /** Returns whether Stockroom creates the S3 client itself. */
  boolean createsS3Client() {
    return s3AsyncClient == null;
  }

  /** Returns whether Stockroom may create a KMS client (for the key check). */
  boolean createsKmsClient() {
    return kmsKeyId != null && kmsKeyCheck && kmsClient == null;
  }

  /** Returns whether Stockroom may create an S3 Control client (for Batch Operations jobs). */
  boolean createsS3ControlClient() {
    return batchOperations != null && batchOperations.s3ControlClient().isEmpty();
  }

  /**
   * Returns the region of the bucket's S3 client: the one set, the caller's client's, or the
   * local settings'.
   */
  Optional<Region> s3Region() {
    if (s3AsyncClient != null) {
      return Optional.ofNullable(s3AsyncClient.serviceClientConfiguration().region());
    }
    return Optional.ofNullable(region).or(S3Clients::localRegion);
  }

  /** Returns whether Stockroom may create a CloudFront client (for invalidations). */
  boolean createsCloudFrontClient() {
    return cloudFront != null && cloudFront.distributionId().isPresent()
        && cloudFront.cloudFrontClient().isEmpty();
  }
}
