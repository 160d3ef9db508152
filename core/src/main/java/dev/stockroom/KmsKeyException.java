package dev.stockroom;

/**
 * The configured KMS key cannot encrypt objects: it does not exist, is not enabled, is not a
 * symmetric encryption key, or KMS could not be asked. Raised before any byte is sent.
 */
public class KmsKeyException extends StockroomException {

  private final String keyId;

  /** Creates an exception about {@code keyId}. */
  public KmsKeyException(String message, String keyId, Throwable cause) {
    super(message, null, null, cause);
    this.keyId = keyId;
  }

  /** Returns the key id (or alias, or ARN) as configured. */
  public String keyId() {
    return keyId;
  }
}
