package dev.stockroom.internal.metrics;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the requests the SDK sends again: every attempt after the first carries {@code
 * amz-sdk-request: attempt=N} with N above 1. Slow-down answers are counted as they arrive.
 */
public final class RetryWatch implements ExecutionInterceptor {

  private final Meters meters;

  public RetryWatch(Meters meters) {
    this.meters = meters;
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context,
      ExecutionAttributes attributes) {
    context.httpRequest().firstMatchingHeader("amz-sdk-request")
        .filter(value -> value.startsWith("attempt=") && !value.startsWith("attempt=1;")
            && !value.equals("attempt=1"))
        .ifPresent(value -> meters.retried());
  }

  @Override
  public void afterTransmission(Context.AfterTransmission context,
      ExecutionAttributes attributes) {
    int status = context.httpResponse().statusCode();
    if (status == 503 || status == 429) {
      meters.throttled();
    }
  }
}
