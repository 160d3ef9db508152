package dev.stockroom.internal.links;

import dev.stockroom.links.HashAlgorithm;
import java.security.PrivateKey;

/**
 * A CloudFront key pair's private half, with the algorithm it signs with. The record's
 * {@code toString()} is overridden so that no key material is ever printed.
 */
record SigningKey(String id, PrivateKey privateKey, String algorithm, HashAlgorithm hash) {

  static SigningKey of(String id, PrivateKey key, HashAlgorithm hash) {
    return new SigningKey(id, key, CloudFrontSigning.algorithmFor(key, hash), hash);
  }

  /** Returns what a URL adds after its Key-Pair-Id: nothing for SHA-1, CloudFront's default. */
  String urlSuffix() {
    return hash == HashAlgorithm.SHA1 ? "" : "&Hash-Algorithm=" + hash.name();
  }

  @Override
  public String toString() {
    return "SigningKey{id=" + id + ", algorithm=" + algorithm + '}';
  }
}
