package dev.stockroom.internal.s3;

import dev.stockroom.internal.Futures;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Recognizes S3 error answers by their code. */
final class S3Errors {

  /** S3's error code for a multipart upload that was completed or aborted. */
  static final String NO_SUCH_UPLOAD = "NoSuchUpload";

  private S3Errors() {}

  /** Returns whether {@code failure} (or what it wraps) is an S3 error with {@code code}. */
  static boolean hasCode(Throwable failure, String code) {
    Throwable cause = Futures.unwrap(failure);
    return cause instanceof S3Exception s3 && s3.awsErrorDetails() != null
        && code.equals(s3.awsErrorDetails().errorCode());
  }
}
