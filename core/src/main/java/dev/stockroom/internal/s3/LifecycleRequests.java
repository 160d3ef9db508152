package dev.stockroom.internal.s3;

import java.util.List;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationRequest;

/** The lifecycle requests both client flavours send, built once. */
final class LifecycleRequests {

  /** S3's error code for a bucket that has no lifecycle configuration. */
  static final String NO_CONFIGURATION = "NoSuchLifecycleConfiguration";

  private LifecycleRequests() {}

  static PutBucketLifecycleConfigurationRequest put(String bucket, List<LifecycleRule> rules) {
    return PutBucketLifecycleConfigurationRequest.builder()
        .bucket(bucket)
        .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(rules).build())
        .build();
  }
}
