package dev.stockroom.exception;

import java.util.Optional;

/**
 * The root of every exception Stockroom throws for a broken setup or a failed call to AWS. Carries
 * the bucket and, where there is one, the object key. Argument errors are reported with the
 * standard {@link NullPointerException} and {@link IllegalArgumentException} instead.
 */
public class StockroomException extends RuntimeException {

  private final String bucket;
  private final String key;

  /** Creates an exception about {@code bucket} (and {@code key}, which may be null). */
  public StockroomException(String message, String bucket, String key, Throwable cause) {
    super(message, cause);
    this.bucket = bucket;
    this.key = key;
  }

  /** Returns the bucket the failure concerns, if known. */
  public Optional<String> bucket() {
    return Optional.ofNullable(bucket);
  }

  /** Returns the object key the failure concerns, if there is one. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
