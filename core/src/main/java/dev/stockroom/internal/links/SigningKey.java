package dev.stockroom.internal.links;

import java.security.PrivateKey;

/**
 * A CloudFront key pair's private half, with the algorithm it signs with. The record's
 * {@code toString()} is overridden so that no key material is ever printed.
 */
record SigningKey(String id, PrivateKey privateKey, String algorithm) {

  static SigningKey of(String id, PrivateKey key) {
    return new SigningKey(id, key, CloudFrontSigning.algorithmFor(key));
  }

  @Override
  public String toString() {
    return "SigningKey{id=" + id + ", algorithm=" + algorithm + '}';
  }
}
