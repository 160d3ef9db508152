package dev.stockroom.exception;

import dev.stockroom.validation.Require;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** A request to S3 failed; the cause holds the service's answer. */
public class StorageException extends StockroomException {

  private final String operation;

  /**
   * Creates an exception for the failed {@code operation} (e.g.
   * "GetBucketLifecycleConfiguration") on {@code key} (null for a bucket-level call).
   */
  public StorageException(String operation, String bucket, String key, Throwable cause) {
    this(describe(operation, bucket, key, cause), operation, bucket, key, cause);
  }

  /** Creates an exception with its own message. */
  protected StorageException(String message, String operation, String bucket, String key,
      Throwable cause) {
    super(message, bucket, key, cause);
    this.operation = operation;
  }

  /** Returns the S3 operation that failed. */
  public String operation() {
    return operation;
  }

  /**
   * Returns this failure, of a bucket-level call made for the upload of {@code objectKey}, as
   * raised for that upload: the key is named, and nothing was sent for it.
   */
  public StorageException forKey(String objectKey) {
    return new StorageException(getMessage() + Require.format("; nothing was sent for '%s'",
        objectKey), operation, bucket().orElse(null), objectKey, this);
  }

  /**
   * Returns this failure with {@code note} added to its message: what else had happened when it
   * failed, which the caller must know to act (for example jobs already created).
   */
  public StorageException withNote(String note) {
    return new StorageException(getMessage() + "; " + note, operation, bucket().orElse(null),
        key().orElse(null), getCause());
  }

  /** Returns the error code S3 (or the store) answered with, e.g. {@code SlowDown}, if it did. */
  public Optional<String> errorCode() {
    return serviceError(getCause()).map(e -> e.awsErrorDetails().errorCode());
  }

  /** Returns the HTTP status S3 (or the store) answered with, if it answered. */
  public OptionalInt statusCode() {
    return serviceError(getCause()).map(e -> OptionalInt.of(e.statusCode()))
        .orElse(OptionalInt.empty());
  }

  static String describe(String operation, String bucket, String key, Throwable cause) {
    String target = key == null ? Require.format("bucket '%s'", bucket)
        : Require.format("'%s' in bucket '%s'", key, bucket);
    if (cause == null) {
      return operation + " on " + target + " failed";
    }
    String answer = serviceError(cause).map(e -> Require.format(" with %s (HTTP %s)",
        e.awsErrorDetails().errorCode(), e.statusCode())).orElse("");
    return operation + " on " + target + " failed" + answer + ": "
        + Require.format("%s", cause.getMessage());
  }

  private static Optional<AwsServiceException> serviceError(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException service && service.awsErrorDetails() != null
          && service.awsErrorDetails().errorCode() != null) {
        return Optional.of(service);
      }
    }
    return Optional.empty();
  }
}
