package dev.stockroom.links;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * CloudFront invalidations of replaced media: calls within the invalidation delay are gathered
 * into one CreateInvalidation request, and what is pending is sent, not dropped, when Stockroom
 * closes. Each batch is fitted to CloudFront's limits, counting the invalidations already in
 * progress (3,000 paths and 15 wildcard paths per distribution): a directory with 10 or more
 * paths goes as one wildcard, more directories go as wildcards while paths are short, and what
 * still does not fit is refused rather than sent for CloudFront to refuse. Past CloudFront's
 * 1,000 free paths in a month (counted by this instance), one WARN says so.
 */
public interface Invalidations {

  /**
   * Asks CloudFront to drop its cached copies of {@code keys}; the future completes with what was
   * sent for them.
   *
   * @throws IllegalArgumentException (in the future) if a key is malformed
   * @throws IllegalStateException (in the future) if Stockroom is closed
   * @throws dev.stockroom.exception.InvalidationException (in the future) if CloudFront refuses
   *     the batch, or some of the keys do not fit in what CloudFront takes now (retry later)
   */
  CompletableFuture<InvalidationReceipt> invalidate(Collection<String> keys);

  /** Sends what is pending now instead of at the end of the delay, and waits for it. */
  void flush();
}
