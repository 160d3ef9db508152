package dev.stockroom.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Explains a start-up failure caused by a wrong {@code stockroom.*} property. */
public class StockroomFailureAnalyzer
    extends AbstractFailureAnalyzer<InvalidStockroomPropertyException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure,
      InvalidStockroomPropertyException cause) {
    return new FailureAnalysis("Stockroom could not be configured: " + cause.getMessage(),
        cause.action(), cause);
  }
}
