package dev.stockroom.internal;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The shape every object key and key prefix Stockroom writes must have: S3's own limit of 1,024
 * UTF-8 bytes, and none of the forms that mean something else to a file system, a browser or a
 * CDN path (control characters, a leading '/', '.' or '..' segments).
 */
public final class ObjectKeys {

  /** S3's maximum key length, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 1024;

  private ObjectKeys() {}

  /**
   * Returns {@code key} with control characters escaped, for error messages.
   */
  public static String printable(String key) {
    StringBuilder text = new StringBuilder(key.length());
    key.chars().forEach(c -> {
      if (c < 0x20 || c == 0x7f) {
        text.append(String.format("\\u%04x", c));
      } else {
        text.append((char) c);
      }
    });
    return text.toString();
  }

  /**
   * Checks {@code value} (an object key or a part of one).
   *
   * @param field the name of the argument, for the message ("name", "key", "prefix")
   * @throws IllegalArgumentException naming the field and the value
   */
  public static String check(String value, String field) {
    Require.nonNull(value, field);
    problem(value).ifPresent(problem -> {
      throw new IllegalArgumentException(value.isEmpty() ? field + " " + problem
          : field + " " + problem + ", but was '" + printable(value) + "'");
    });
    return value;
  }

  /**
   * Returns what is wrong with {@code key}, phrased to follow "key " or "prefix " in a message
   * ("must not start with '/'"), or empty when the key is acceptable.
   */
  public static Optional<String> problem(String key) {
    if (key.isEmpty()) {
      return Optional.of("must not be empty");
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      return Optional.of("must be at most " + MAX_KEY_BYTES + " UTF-8 bytes long (was " + bytes
          + ")");
    }
    if (key.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      return Optional.of("must not contain control characters");
    }
    if (key.startsWith("/")) {
      return Optional.of("must not start with '/'");
    }
    for (String segment : key.split("/", -1)) {
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.of("must not contain '" + segment + "' segments");
      }
    }
    return Optional.empty();
  }
}
