package dev.stockroom.internal.s3;

import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Counts the answers with which S3 asks a client to slow down (503 SlowDown, 503 Service
 * Unavailable, 429), every attempt included — the SDK retries them on its own, so only a client
 * interceptor sees them all. Imports read the count to shape how many files they keep in flight.
 */
public final class ThrottleWatch implements ExecutionInterceptor {

  private final AtomicLong throttled = new AtomicLong();

  @Override
  public void afterTransmission(Context.AfterTransmission context,
      ExecutionAttributes attributes) {
    int status = context.httpResponse().statusCode();
    if (status == 503 || status == 429) {
      throttled.incrementAndGet();
    }
  }

  /** Returns how many slow-down answers the client has had. */
  public long throttled() {
    return throttled.get();
  }
}
