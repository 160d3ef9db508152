package dev.stockroom.spring;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One or more {@code stockroom.*} properties are missing or wrong; {@link StockroomFailureAnalyzer}
 * turns this into a start-up report with each property's name, its value as set (escaped, never a
 * secret), the reason and what to do.
 */
public class InvalidStockroomPropertyException extends RuntimeException {

  private final List<Refused> refused;
  private final String reason;
  private final String action;

  /**
   * Creates an exception about {@code property}, shown without a value; {@code action} says how
   * to fix it.
   */
  public InvalidStockroomPropertyException(String property, String reason, String action,
      Throwable cause) {
    this(List.of(Refused.nameOnly(property)), reason, action, cause);
  }

  InvalidStockroomPropertyException(List<Refused> refused, String reason, String action,
      Throwable cause) {
    super(message(refused, reason), cause);
    this.refused = List.copyOf(refused);
    this.reason = reason;
    this.action = action;
  }

  /** Returns the full name of the (first) property refused, e.g. {@code stockroom.bucket}. */
  public String property() {
    return refused.get(0).property();
  }

  /** Returns the full names of every property refused together. */
  public List<String> properties() {
    return refused.stream().map(Refused::property).toList();
  }

  /** Returns why the properties were refused. */
  public String reason() {
    return reason;
  }

  /** Returns what to do about it. */
  public String action() {
    return action;
  }

  /** Returns the refused properties with their values as the report shows them. */
  List<Refused> refused() {
    return refused;
  }

  private static String message(List<Refused> refused, String reason) {
    return refused.stream().map(Refused::inline).collect(Collectors.joining(", ")) + ": " + reason;
  }

  /**
   * A property in the report.
   *
   * @param property the full property name
   * @param valueLine how the report shows its value: in quotes (already made printable),
   *     "(not set)" or "(secret, not shown)"; empty to show no value line
   */
  record Refused(String property, Optional<String> valueLine) {

    /** A property whose value was set; {@code shownValue} is already made printable. */
    static Refused of(String property, String shownValue) {
      return new Refused(property, Optional.of('"' + shownValue + '"'));
    }

    /** A property that is required but not set. */
    static Refused notSet(String property) {
      return new Refused(property, Optional.of("(not set)"));
    }

    /** A property whose value is a secret: the report says it is set and never shows it. */
    static Refused secret(String property) {
      return new Refused(property, Optional.of("(secret, not shown)"));
    }

    /** A property shown without a value line. */
    static Refused nameOnly(String property) {
      return new Refused(property, Optional.empty());
    }

    private String inline() {
      return valueLine.map(v -> v.startsWith("\"") ? property + "=" + v : property + " " + v)
          .orElse(property);
    }
  }
}
