package dev.stockroom.validation;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The shape every object key, name and key prefix Stockroom writes must have: S3's own limit of
 * 1,024 UTF-8 bytes, and none of the forms that mean something else to a file system, a browser
 * or a CDN path (control characters, a leading '/', '.' or '..' segments, empty or blank
 * segments such as {@code sku//front.jpg}).
 */
public final class ObjectKeys {

  /** S3's maximum key length, in UTF-8 bytes. */
  public static final int MAX_KEY_BYTES = 1024;

  private ObjectKeys() {}

  /**
   * Checks {@code value} (an object key or a name under a prefix).
   *
   * @param field the name of the argument, for the message ("name", "key")
   * @throws IllegalArgumentException naming the field and the value
   */
  public static String check(String value, String field) {
    Require.nonNull(value, field);
    problem(value).ifPresent(problem -> {
      throw new IllegalArgumentException(value.isEmpty() ? field + " " + problem
          : Require.format("%s %s, but was '%s'", field, problem, value));
    });
    return value;
  }

  /**
   * Returns what is wrong with {@code key}, phrased to follow "key " in a message ("must not start
   * with '/'"), or empty when the key is acceptable.
   */
  public static Optional<String> problem(String key) {
    return problem(key, false);
  }

  /** As {@link #problem(String)} for a key prefix, which may (and usually does) end with '/'. */
  public static Optional<String> prefixProblem(String prefix) {
    return problem(prefix, true);
  }

  private static Optional<String> problem(String key, boolean prefix) {
    if (key.isEmpty()) {
      return Optional.of("must not be empty");
    }
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_KEY_BYTES) {
      return Optional.of("must be at most " + MAX_KEY_BYTES + " UTF-8 bytes long (was " + bytes
          + ")");
    }
    if (key.chars().anyMatch(Printable::isControl)) {
      return Optional.of("must not contain control characters");
    }
    if (key.startsWith("/")) {
      return Optional.of("must not start with '/'");
    }
    String[] segments = key.split("/", -1);
    int last = prefix && key.endsWith("/") ? segments.length - 1 : segments.length;
    for (int i = 0; i < last; i++) {
      String segment = segments[i];
      if (segment.equals("..") || segment.equals(".")) {
        return Optional.of("must not contain '" + segment + "' segments");
      }
      if (segment.isBlank()) {
        return Optional.of(segments.length == 1 ? "must not be blank"
            : "must not contain empty or blank segments");
      }
    }
    return Optional.empty();
  }
}
