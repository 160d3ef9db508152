package dev.stockroom.links;

/**
 * The hash CloudFront signatures are made with. CloudFront verifies SHA-1 unless a URL carries
 * {@code Hash-Algorithm=SHA256} (or cookies {@code CloudFront-Hash-Algorithm=SHA256}), which
 * Stockroom adds when it signs with SHA-256.
 */
public enum HashAlgorithm {
  /** SHA-1, CloudFront's default and what every CloudFront signer produces. */
  SHA1,
  /** SHA-256, with RSA or ECDSA P-256 keys: the stronger hash CloudFront also accepts. */
  SHA256
}
