package dev.stockroom.exception;

/**
 * An upload was stopped before it completed: Stockroom was closed while it was in flight (after
 * the shutdown grace period), or the calling thread was interrupted. Its multipart upload, if it
 * had one, was aborted; the object was not stored. Safe to retry on an open Stockroom.
 */
public class TransferCancelledException extends TransferFailedException {

  /** Creates an exception for the stopped upload of {@code key} to {@code bucket}. */
  public TransferCancelledException(String message, String bucket, String key, Throwable cause) {
    super(message, bucket, key, cause);
  }
}
