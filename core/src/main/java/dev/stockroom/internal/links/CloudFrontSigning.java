package dev.stockroom.internal.links;

import dev.stockroom.links.HashAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Base64;

/**
 * CloudFront's signing format: the policy JSON, SHA-1 (or SHA-256) with RSA or ECDSA over it, and the
 * URL-safe base64 CloudFront expects ('+' → '-', '=' → '_', '/' → '~').
 */
final class CloudFrontSigning {

  private CloudFrontSigning() {}

  /** Returns the canned policy CloudFront rebuilds from a URL's {@code Expires}. */
  static String cannedPolicy(String resource, long expiresEpochSecond) {
    return "{\"Statement\":[{\"Resource\":\"" + resource
        + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expiresEpochSecond + "}}}]}";
  }

  /** Returns a custom policy; {@code activeFrom} and {@code ipRange} may be null. */
  static String customPolicy(String resource, long expiresEpochSecond, Long activeFrom,
      String ipRange) {
    return "{\"Statement\":[{\"Resource\":\"" + resource
        + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expiresEpochSecond + "}"
        + (ipRange == null ? "" : ",\"IpAddress\":{\"AWS:SourceIp\":\"" + ipRange + "\"}")
        + (activeFrom == null ? "" : ",\"DateGreaterThan\":{\"AWS:EpochTime\":" + activeFrom + "}")
        + "}}]}";
  }

  /** Returns the URL-safe base64 of {@code bytes}, CloudFront's way. */
  static String urlSafe(byte[] bytes) {
    byte[] encoded = Base64.getEncoder().encode(bytes);
    for (int i = 0; i < encoded.length; i++) {
      switch (encoded[i]) {
        case '+' -> encoded[i] = '-';
        case '=' -> encoded[i] = '_';
        case '/' -> encoded[i] = '~';
        default -> { }
      }
    }
    return new String(encoded, StandardCharsets.US_ASCII);
  }

  /** Returns the URL-safe signature of {@code policy} with {@code key}. */
  static String sign(String policy, SigningKey key) throws GeneralSecurityException {
    Signature signature = Signature.getInstance(key.algorithm());
    signature.initSign(key.privateKey());
    signature.update(policy.getBytes(StandardCharsets.UTF_8));
    return urlSafe(signature.sign());
  }

  /** Returns the JCA signature algorithm CloudFront verifies for {@code key} and {@code hash}. */
  static String algorithmFor(PrivateKey key, HashAlgorithm hash) {
    return hash.name() + switch (key.getAlgorithm()) {
      case "RSA" -> "withRSA";
      case "EC" -> "withECDSA";
      default -> throw new IllegalArgumentException("privateKey must be an RSA or EC key, but was "
          + key.getAlgorithm());
    };
  }
}
