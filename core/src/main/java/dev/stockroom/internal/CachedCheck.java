package dev.stockroom.internal;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The answer of a check made against AWS, asked once and kept for a bounded time; callers that
 * arrive while it is being asked share the one request. A failed check is not kept, so the next
 * call asks again.
 */
public final class CachedCheck<V> {

  /** An answer or a failure: failures travel as values so the cache never logs them. */
  private record Attempt<V>(V value, Throwable failure) {}

  private final AsyncCache<String, Attempt<V>> answers;

  /**
   * Keeps answers for {@code interval} as {@code clock} counts it; runs loaders' follow-up work on
   * {@code executor}.
   */
  public CachedCheck(Duration interval, Executor executor, Clock clock) {
    this.answers = Caffeine.newBuilder().expireAfterWrite(interval).maximumSize(16)
        .ticker(ticker(clock)).executor(executor).buildAsync();
  }

  /** Returns a Caffeine ticker that reads {@code clock}, so a test clock drives expiry. */
  public static Ticker ticker(Clock clock) {
    return () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
  }

  /** Returns the kept answer for {@code key}, or asks {@code check} for one. */
  public CompletableFuture<V> get(String key, Supplier<CompletableFuture<V>> check) {
    CompletableFuture<Attempt<V>> attempt = answers.get(key, (k, executor) ->
        Futures.capture(check).handle((value, failure) -> new Attempt<>(value, failure)));
    return attempt.thenCompose(result -> {
      if (result.failure() == null) {
        return CompletableFuture.completedFuture(result.value());
      }
      answers.asMap().remove(key, attempt);
      return CompletableFuture.failedFuture(Futures.unwrap(result.failure()));
    });
  }
}
