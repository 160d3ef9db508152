package dev.stockroom.internal.s3;

import dev.stockroom.internal.Futures;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;

/** Reads S3's answers to GetObjectLockConfiguration. */
final class ObjectLockAnswers {

  /** S3's error code for a bucket without Object Lock. */
  private static final String NOT_CONFIGURED = "ObjectLockConfigurationNotFoundError";

  private ObjectLockAnswers() {}

  static boolean enabled(GetObjectLockConfigurationResponse response) {
    return response.objectLockConfiguration() != null
        && response.objectLockConfiguration().objectLockEnabled() == ObjectLockEnabled.ENABLED;
  }

  static boolean isNotConfigured(Throwable failure) {
    // S3-compatible stores (S3Mock among them) answer 400 InvalidRequest "Bucket is missing
    // Object Lock Configuration" where S3 answers 404 ObjectLockConfigurationNotFoundError.
    return S3Errors.hasCode(failure, NOT_CONFIGURED)
        || S3Errors.hasCode(failure, "InvalidRequest")
        && String.valueOf(Futures.unwrap(failure).getMessage()).contains("Object Lock");
  }
}
