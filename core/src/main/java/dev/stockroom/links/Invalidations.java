package dev.stockroom.links;

import java.util.Collection;
import java.util.concurrent.CompletableFuture;

/**
 * CloudFront invalidations of replaced media: calls within the invalidation delay are gathered
 * into one CreateInvalidation request (split at CloudFront's 3,000 paths per request), and what
 * is pending is sent, not dropped, when Stockroom closes.
 */
public interface Invalidations {

  /**
   * Asks CloudFront to drop its cached copies of {@code keys}; the future completes with the
   * invalidation id of the request they were sent in (of the request that carried the last of
   * them, when a batch over 3,000 paths was split).
   *
   * @throws IllegalArgumentException (in the future) if a key is malformed
   * @throws IllegalStateException (in the future) if Stockroom is closed
   * @throws dev.stockroom.exception.InvalidationException (in the future) if CloudFront refuses the batch
   */
  CompletableFuture<String> invalidate(Collection<String> keys);

  /** Sends what is pending now instead of at the end of the delay, and waits for it. */
  void flush();
}
