package dev.stockroom.exception;

/**
 * An upload did not complete; the cause holds why. A multipart upload that failed was aborted, so
 * no parts are left behind.
 */
public class TransferFailedException extends StorageException {

  /** Creates an exception for the failed upload of {@code key} to {@code bucket}. */
  public TransferFailedException(String bucket, String key, Throwable cause) {
    super("Upload", bucket, key, cause);
  }

  /** Creates an exception with its own message. */
  public TransferFailedException(String message, String bucket, String key, Throwable cause) {
    super(message, "Upload", bucket, key, cause);
  }
}
