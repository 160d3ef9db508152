package dev.stockroom.internal.links;

import java.nio.charset.StandardCharsets;

/**
 * Turns object keys into the URLs CloudFront serves them at: every byte outside RFC 3986's
 * unreserved characters (and '/') is percent-encoded from UTF-8, so that {@code sku 1/ä+b.jpg}
 * becomes {@code sku%201/%C3%A4%2Bb.jpg} and the signed URL is the URL the browser requests.
 */
final class ResourceUrls {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private ResourceUrls() {}

  /** Returns {@code https://domain/encoded-key}. */
  static String forKey(String domain, String key) {
    return "https://" + domain + "/" + encode(key, false);
  }

  /** Returns {@code https://domain/encoded-pattern}, keeping '*' and '?' as wildcards. */
  static String forPattern(String domain, String pattern) {
    return "https://" + domain + "/" + encode(pattern, true);
  }

  /** Returns {@code /encoded-key}, the path form CloudFront invalidations take. */
  static String path(String key) {
    return "/" + encode(key, false);
  }

  private static String encode(String key, boolean keepWildcards) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(bytes.length + 16);
    for (byte b : bytes) {
      int c = b & 0xff;
      if (isUnreserved(c) || c == '/' || keepWildcards && (c == '*' || c == '?')) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return out.toString();
  }

  private static boolean isUnreserved(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-'
        || c == '.' || c == '_' || c == '~';
  }
}
