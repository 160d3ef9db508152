package dev.stockroom.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Object keys as the files S3 and Stockroom write hold them, URL-encoded: S3 Inventory reports,
 * Batch Operations manifests and completion reports, audit findings. A key read back from such a
 * file is untrusted until it decodes to 1 to 1,024 bytes of valid UTF-8.
 */
public final class EncodedKeys {

  private EncodedKeys() {}

  /** Returns {@code key} URL-encoded, a space as {@code %20} (which every decoder reads back). */
  public static String encode(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Returns the key {@code encoded} holds, or empty if it is not a valid S3 key once decoded. */
  public static Optional<String> decode(String encoded) {
    try {
      String key = URLDecoder.decode(encoded, StandardCharsets.UTF_8);
      boolean valid = !key.isEmpty() && key.getBytes(StandardCharsets.UTF_8).length <= 1024
          && key.indexOf('\uFFFD') < 0;
      return valid ? Optional.of(key) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
