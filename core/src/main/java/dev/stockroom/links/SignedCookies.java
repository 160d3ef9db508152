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
 * @param expiresAt when CloudFront stops accepting the cookies
 * @param domain the cookies' Domain attribute
 * @param path the cookies' Path attribute
 */
public record SignedCookies(String resource, String policy, String signature, String keyPairId,
    Instant expiresAt, String domain, String path) {

  /** Cookie names CloudFront reads. */
  public static final String POLICY = "CloudFront-Policy";
  public static final String SIGNATURE = "CloudFront-Signature";
  public static final String KEY_PAIR_ID = "CloudFront-Key-Pair-Id";

  /** Returns the three cookies by name. */
  public Map<String, String> cookies() {
    return Map.of(POLICY, policy, SIGNATURE, signature, KEY_PAIR_ID, keyPairId);
  }

  /**
   * Returns the three {@code Set-Cookie} header values, with Domain, Path, Expires, Secure and
   * HttpOnly.
   */
  public List<String> setCookieHeaders() {
    String attributes = "; Domain=" + domain + "; Path=" + path + "; Expires="
        + DateTimeFormatter.RFC_1123_DATE_TIME.format(expiresAt.atOffset(ZoneOffset.UTC))
        + "; Secure; HttpOnly";
    return List.of(POLICY + "=" + policy + attributes, SIGNATURE + "=" + signature + attributes,
        KEY_PAIR_ID + "=" + keyPairId + attributes);
  }

  @Override
  public String toString() {
    return "SignedCookies{resource=" + resource + ", expiresAt=" + expiresAt + ", keyPairId="
        + keyPairId + ", domain=" + domain + ", path=" + path + '}';
  }
}
