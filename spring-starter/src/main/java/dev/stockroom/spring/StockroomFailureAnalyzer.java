package dev.stockroom.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up failure caused by wrong {@code stockroom.*} properties: each property with
 * its value as set (escaped; a secret is never shown), the reason, and what to do.
 *
 * <pre>
 * Stockroom could not be configured:
 *
 *     Property: stockroom.policies.product-image.transition-to-ia
 *     Value: "10d"
 *     Reason: PRODUCT_IMAGE: transition days for STANDARD_IA must be at least 30, but was 10
 * </pre>
 */
public class StockroomFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidStockroomPropertyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure,
      InvalidStockroomPropertyException cause) {
    return new FailureAnalysis(description(cause), cause.action(), cause);
  }

  private static String description(InvalidStockroomPropertyException cause) {
    StringBuilder description = new StringBuilder("Stockroom could not be configured:\n");
    description.append('\n');
    for (InvalidStockroomPropertyException.Refused refused : cause.refused()) {
      description.append("    Property: ").append(refused.property()).append('\n');
      refused.valueLine().ifPresent(value ->
          description.append("    Value: ").append(value).append('\n'));
    }
    return description.append("    Reason: ").append(cause.reason()).toString();
  }
}
