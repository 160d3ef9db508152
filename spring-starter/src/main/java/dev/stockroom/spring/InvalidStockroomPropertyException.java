package dev.stockroom.spring;

/**
 * A {@code stockroom.*} property is missing or wrong; {@link StockroomFailureAnalyzer} turns it
 * into a start-up report with the property's name and what to do.
 */
public class InvalidStockroomPropertyException extends RuntimeException {

  private final String property;
  private final String action;

  /** Creates an exception about {@code property}; {@code action} says how to fix it. */
  public InvalidStockroomPropertyException(String property, String reason, String action,
      Throwable cause) {
    super(property + ": " + reason, cause);
    this.property = property;
    this.action = action;
  }

  /** Returns the full property name, e.g. {@code stockroom.bucket}. */
  public String property() {
    return property;
  }

  /** Returns what to do about it. */
  public String action() {
    return action;
  }
}
