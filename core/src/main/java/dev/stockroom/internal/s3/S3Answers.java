package dev.stockroom.internal.s3;

import dev.stockroom.internal.Futures;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Recognises answers S3-compatible stores give where S3 itself gives another. */
public final class S3Answers {

  private S3Answers() {}

  /**
   * Returns whether {@code failure} says the store does not implement the operation: HTTP 501, or
   * the error code {@code NotImplemented} with any status.
   */
  public static boolean notImplemented(Throwable failure) {
    Throwable cause = Futures.unwrap(failure);
    return cause instanceof AwsServiceException service && (service.statusCode() == 501
        || service.awsErrorDetails() != null
        && "NotImplemented".equals(service.awsErrorDetails().errorCode()));
  }

  /** Returns whether {@code failure} is S3's answer that the object (or upload) is not there. */
  public static boolean notFound(Throwable failure) {
    return statusOrCode(failure, 404, "NoSuchKey") || statusOrCode(failure, 404, "NoSuchUpload");
  }

  /** Returns whether {@code failure} is a failed precondition (If-Match and its kin): HTTP 412. */
  public static boolean preconditionFailed(Throwable failure) {
    return statusOrCode(failure, 412, "PreconditionFailed");
  }

  /**
   * Returns whether {@code failure} says the object must be restored first: {@code
   * InvalidObjectState} (S3's answer to reading or copying an archived object).
   */
  public static boolean archived(Throwable failure) {
    Throwable cause = Futures.unwrap(failure);
    return cause instanceof AwsServiceException service && service.awsErrorDetails() != null
        && "InvalidObjectState".equals(service.awsErrorDetails().errorCode());
  }

  /**
   * Returns whether {@code failure} says the object version has no Object Lock setting of the
   * kind asked (GetObjectRetention, GetObjectLegalHold): S3's 404 {@code
   * NoSuchObjectLockConfiguration}, a bucket without Object Lock (S3's {@code
   * ObjectLockConfigurationNotFoundError}, or the 400 {@code InvalidRequest} S3-compatible stores
   * give), or a store that does not implement it.
   */
  public static boolean noObjectLock(Throwable failure) {
    return statusOrCode(failure, 404, "NoSuchObjectLockConfiguration")
        || ObjectLockAnswers.isNotConfigured(failure) || notImplemented(failure);
  }

  private static boolean statusOrCode(Throwable failure, int status, String code) {
    Throwable cause = Futures.unwrap(failure);
    return cause instanceof AwsServiceException service && (service.statusCode() == status
        || service.awsErrorDetails() != null && code.equals(service.awsErrorDetails().errorCode()));
  }
}
