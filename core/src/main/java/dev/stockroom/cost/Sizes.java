package dev.stockroom.cost;

import java.util.Locale;

/** How object sizes appear in messages and tables: binary units, as S3 bills them. */
public final class Sizes {

  private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB"};

  private Sizes() {}

  /** Returns {@code bytes} in the largest binary unit that keeps it at or above one (50 KB). */
  public static String format(long bytes) {
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < UNITS.length - 1) {
      value /= 1024;
      unit++;
    }
    String number = value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
        : String.format(Locale.ROOT, "%.1f", value);
    return number + " " + UNITS[unit];
  }
}
