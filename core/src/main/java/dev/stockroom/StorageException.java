package dev.stockroom;

/** A request to S3 failed; the cause holds the service's answer. */
public class StorageException extends StockroomException {

  private final String operation;

  /** Creates an exception for the failed {@code operation} (e.g. "GetBucketLifecycleConfiguration"). */
  public StorageException(String operation, String bucket, String key, Throwable cause) {
    super(describe(operation, bucket, key, cause), bucket, key, cause);
    this.operation = operation;
  }

  /** Returns the S3 operation that failed. */
  public String operation() {
    return operation;
  }

  private static String describe(String operation, String bucket, String key, Throwable cause) {
    String target = key == null ? "bucket '" + bucket + "'" : "'" + key + "' in bucket '" + bucket
        + "'";
    String reason = cause == null ? "" : ": " + cause.getMessage();
    return operation + " on " + target + " failed" + reason;
  }
}
