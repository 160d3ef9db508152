package dev.stockroom.internal;

import java.util.Objects;

/**
 * The argument and state checks used at every public entry, so that each failure has one meaning:
 * {@link NullPointerException} for a missing argument, {@link IllegalArgumentException} for a bad
 * value (the message names the field and the value), {@link IllegalStateException} for a call at the
 * wrong time.
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
      throw new IllegalArgumentException(String.format(format, args));
    }
  }

  /** Throws an {@link IllegalStateException} with the formatted message when the check fails. */
  public static void state(boolean check, String format, Object... args) {
    if (!check) {
      throw new IllegalStateException(String.format(format, args));
    }
  }
}
