package dev.stockroom.links;

import dev.stockroom.policy.DataKind;
import java.net.URI;
import java.time.Instant;

/**
 * A CloudFront signed URL. {@link #url()} is the whole URL to hand to a browser; its query carries
 * the signature, so {@link #toString()} shows only the resource and the expiry.
 *
 * @param url the signed URL
 * @param resourceUrl the URL without the signature
 * @param kind the kind of the object
 * @param expiresAt when CloudFront stops accepting the URL
 * @param keyPairId the key pair that signed it
 */
public record SignedLink(String url, String resourceUrl, DataKind kind, Instant expiresAt,
    String keyPairId) {

  /** Returns the signed URL as a URI. */
  public URI toUri() {
    return URI.create(url);
  }

  @Override
  public String toString() {
    return "SignedLink{resource=" + resourceUrl + ", kind=" + kind + ", expiresAt=" + expiresAt
        + ", keyPairId=" + keyPairId + '}';
  }
}
