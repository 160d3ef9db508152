package dev.stockroom.links;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * CloudFront signed cookies for a resource pattern ({@code media/product-images/*}): one signature
 * that lets a browser fetch every object the pattern matches. {@link #toString()} hides the
 * cookie values.
 *
 * @param resource the policy's resource URL, wildcards included
 * @param policy the {@code CloudFront-Policy} value
 * @param signature the {@code CloudFront-Signature} value
 * @param keyPairId the {@code CloudFront-Key-Pair-Id} value
 * @param hashAlgorithm the hash of the signature ({@code CloudFront-Hash-Algorithm} unless SHA-1)
 * @param expiresAt when CloudFront stops accepting the cookies
 * @param domain the cookies' Domain attribute
 * @param path the cookies' Path attribute
 */
public record SignedCookies(String resource, String policy, String signature, String keyPairId,
    HashAlgorithm hashAlgorithm, Instant expiresAt, String domain, String path) {

  /** Cookie names CloudFront reads. */
  public static final String POLICY = "CloudFront-Policy";
  public static final String SIGNATURE = "CloudFront-Signature";
  public static final String KEY_PAIR_ID = "CloudFront-Key-Pair-Id";
  public static final String HASH_ALGORITHM = "CloudFront-Hash-Algorithm";

  /** Returns the cookies by name: three, and the hash algorithm's when it is not SHA-1. */
  public Map<String, String> cookies() {
    return hashAlgorithm == HashAlgorithm.SHA1
        ? Map.of(POLICY, policy, SIGNATURE, signature, KEY_PAIR_ID, keyPairId)
        : Map.of(POLICY, policy, SIGNATURE, signature, KEY_PAIR_ID, keyPairId, HASH_ALGORITHM,
            hashAlgorithm.name());
  }

  /**
   * Returns the {@code Set-Cookie} header values, one per cookie, each with Domain, Path,
   * Expires, Secure and HttpOnly.
   */
  public List<String> setCookieHeaders() {
    String attributes = "; Domain=" + domain + "; Path=" + path + "; Expires="
        + DateTimeFormatter.RFC_1123_DATE_TIME.format(expiresAt.atOffset(ZoneOffset.UTC))
        + "; Secure; HttpOnly";
    return cookies().entrySet().stream().sorted(Map.Entry.comparingByKey(
        java.util.Comparator.comparing(SignedCookies::order)))
        .map(cookie -> cookie.getKey() + "=" + cookie.getValue() + attributes).toList();
  }

  private static int order(String name) {
    return List.of(POLICY, SIGNATURE, KEY_PAIR_ID, HASH_ALGORITHM).indexOf(name);
  }

  @Override
  public String toString() {
    return "SignedCookies{resource=" + resource + ", expiresAt=" + expiresAt + ", keyPairId="
        + keyPairId + ", hashAlgorithm=" + hashAlgorithm + ", domain=" + domain + ", path=" + path + '}';
  }
}
