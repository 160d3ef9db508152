package dev.stockroom.exception;

/**
 * A CloudFront link or cookie could not be signed with the configured key pair (the platform
 * refused the key or the algorithm). Carries the key pair id and the object key or pattern.
 */
public class LinkSigningException extends StockroomException {

  private final String keyPairId;

  /** Creates an exception for {@code keyOrPattern} in {@code bucket}, signed with {@code keyPairId}. */
  public LinkSigningException(String message, String keyPairId, String bucket,
      String keyOrPattern, Throwable cause) {
    super(message, bucket, keyOrPattern, cause);
    this.keyPairId = keyPairId;
  }

  /** Returns the CloudFront key pair id the signature was asked of. */
  public String keyPairId() {
    return keyPairId;
  }
}
