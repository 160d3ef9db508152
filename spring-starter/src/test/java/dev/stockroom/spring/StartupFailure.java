package dev.stockroom.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

/** The start-up report of a context that must have failed because of Stockroom's properties. */
final class StartupFailure {

  private StartupFailure() {}

  /** Asserts that the context failed and returns the failure analyzer's report of it. */
  static FailureAnalysis of(AssertableApplicationContext context) {
    assertThat(context).hasFailed();
    Throwable failure = context.getStartupFailure();
    FailureAnalysis analysis = new StockroomFailureAnalyzer().analyze(failure);
    assertThat(analysis).as("analysis of %s", failure).isNotNull();
    return analysis;
  }

  /** Returns the report's description for one property with a value, as the analyzer words it. */
  static String description(String property, String value, String reason) {
    return "Stockroom could not be configured:\n\n"
        + "    Property: " + property + "\n"
        + "    Value: " + value + "\n"
        + "    Reason: " + reason;
  }
}
