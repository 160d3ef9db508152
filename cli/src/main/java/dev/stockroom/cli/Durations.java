package dev.stockroom.cli;

import dev.stockroom.validation.Printable;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as people type them ({@code 90s}, {@code 15m}, {@code 6h}, {@code 7d}) or ISO-8601. */
final class Durations {

  private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(s|m|h|d)");

  private Durations() {}

  /**
   * Returns the duration {@code text} gives for {@code flag}.
   *
   * @throws UsageException naming the flag and the value
   */
  static Duration parse(String flag, String text) {
    Matcher shorthand = SHORT.matcher(text.strip().toLowerCase(Locale.ROOT));
    if (shorthand.matches()) {
      long amount = Long.parseLong(shorthand.group(1));
      return switch (shorthand.group(2)) {
        case "s" -> Duration.ofSeconds(amount);
        case "m" -> Duration.ofMinutes(amount);
        case "h" -> Duration.ofHours(amount);
        default -> Duration.ofDays(amount);
      };
    }
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw new UsageException(flag + " '" + Printable.of(text) + "': expected a duration such "
          + "as 90s, 15m, 6h, 7d or PT30M", e);
    }
  }
}
