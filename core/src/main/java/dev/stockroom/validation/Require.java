package dev.stockroom.validation;

import java.util.Objects;

/**
 * The argument and state checks used at every public entry, so that each failure has one meaning:
 * {@link NullPointerException} for a missing argument, {@link IllegalArgumentException} for a bad
 * value (the message names the field and the value), {@link IllegalStateException} for a call at
 * the wrong time. Every argument a message repeats is passed through {@link Printable#of}, so no
 * message carries a raw control character, a signature or a key.
 */
public final class Require {

  private Require() {}

  /** Returns {@code value}, or throws an NPE saying "{name} must not be null". */
  public static <T> T nonNull(T value, String name) {
    return Objects.requireNonNull(value, () -> name + " must not be null");
  }

  /** Throws an {@link IllegalArgumentException} with the formatted message when the check fails. */
  public static void argument(boolean check, String format, Object... args) {
    if (!check) {
      throw new IllegalArgumentException(format(format, args));
    }
  }

  /** Throws an {@link IllegalStateException} with the formatted message when the check fails. */
  public static void state(boolean check, String format, Object... args) {
    if (!check) {
      throw new IllegalStateException(format(format, args));
    }
  }

  /**
   * Returns {@code format} with {@code args} made {@linkplain Printable printable}: the one way
   * Stockroom puts a caller's value into a message.
   */
  public static String format(String format, Object... args) {
    Object[] shown = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      shown[i] = args[i] instanceof Number || args[i] instanceof Boolean ? args[i]
          : Printable.of(args[i]);
    }
    return String.format(format, shown);
  }
}
