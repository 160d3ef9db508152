package dev.stockroom.exception;

/**
 * The configured KMS key cannot encrypt objects: it does not exist, is not enabled, is not a
 * symmetric encryption key, or KMS could not be asked. Raised before any byte is sent; carries the
 * bucket, and the object key when an upload was refused.
 */
public class KmsKeyException extends StockroomException {

  private final String keyId;

  /** Creates an exception about {@code keyId}, raised for {@code key} (may be null) in {@code bucket}. */
  public KmsKeyException(String message, String keyId, String bucket, String key,
      Throwable cause) {
    super(message, bucket, key, cause);
    this.keyId = keyId;
  }

  /** Returns the KMS key id (or alias, or ARN) as configured. */
  public String keyId() {
    return keyId;
  }

  /** Returns this failure as raised for the upload of {@code objectKey}. */
  public KmsKeyException forKey(String objectKey) {
    return new KmsKeyException(getMessage() + "; nothing was sent for '" + objectKey + "'", keyId,
        bucket().orElse(null), objectKey, this);
  }
}
