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
}
