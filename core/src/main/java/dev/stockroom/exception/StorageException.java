package dev.stockroom.exception;

import dev.stockroom.validation.Require;

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

  static String describe(String operation, String bucket, String key, Throwable cause) {
    String target = key == null ? Require.format("bucket '%s'", bucket)
        : Require.format("'%s' in bucket '%s'", key, bucket);
    String reason = cause == null ? "" : ": " + Require.format("%s", cause.getMessage());
    return operation + " on " + target + " failed" + reason;
  }
}
