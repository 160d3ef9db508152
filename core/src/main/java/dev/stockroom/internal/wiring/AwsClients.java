package dev.stockroom.internal.wiring;

import dev.stockroom.internal.s3.S3Clients;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/** Builds the KMS, CloudFront and S3 Control clients Stockroom creates itself, from the builder's settings. */
final class AwsClients {

  private AwsClients() {}

  /** Returns a KMS client in {@code region} (or the local region settings). */
  static KmsClient kms(Region region, AwsCredentialsProvider credentials) {
    var builder = KmsClient.builder().region(region != null ? region : localRegion("KMS"));
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }

  /** Returns a CloudFront client (a global service, signed in us-east-1). */
  static CloudFrontClient cloudFront(AwsCredentialsProvider credentials) {
    var builder = CloudFrontClient.builder().region(Region.AWS_GLOBAL);
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }

  /** Returns an S3 Control client (Batch Operations) in {@code region}. */
  static S3ControlClient s3Control(Region region, AwsCredentialsProvider credentials) {
    var builder = S3ControlClient.builder().region(region);
    if (credentials != null) {
      builder.credentialsProvider(credentials);
    }
    return builder.build();
  }

  private static Region localRegion(String service) {
    return S3Clients.localRegion().orElseThrow(() -> new IllegalArgumentException("region must be "
        + "set (or AWS_REGION, aws.region or a profile region) when Stockroom creates its own "
        + service + " client"));
  }
}
