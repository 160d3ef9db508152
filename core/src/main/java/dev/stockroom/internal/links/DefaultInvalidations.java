package dev.stockroom.internal.links;

import dev.stockroom.internal.Futures;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.links.InvalidationReceipt;
import dev.stockroom.links.Invalidations;
import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/** Invalidations through one distribution, batched; see {@link Invalidations}. */
public final class DefaultInvalidations implements Invalidations, SdkAutoCloseable {

  private final OpenGuard guard;
  private final InvalidationBatcher batcher;

  public DefaultInvalidations(String bucket, String distributionId,
      Supplier<CloudFrontClient> cloudFront, Duration delay, OpenGuard guard, Clock clock) {
    this.guard = guard;
    this.batcher = new InvalidationBatcher(bucket, distributionId, cloudFront, delay, clock);
  }

  @Override
  public CompletableFuture<InvalidationReceipt> invalidate(Collection<String> keys) {
    return Futures.capture(() -> {
      guard.check();
      Require.nonNull(keys, "keys");
      List<String> paths = keys.stream()
          .map(key -> ResourceUrls.path(ObjectKeys.check(key, "key"))).toList();
      return paths.isEmpty()
          ? CompletableFuture.completedFuture(new InvalidationReceipt("", List.of(), 0))
          : batcher.add(paths);
    });
  }

  @Override
  public void flush() {
    batcher.flush();
  }

  /** Sends pending invalidations and stops the timer. */
  @Override
  public void close() {
    batcher.close();
  }

  @Override
  public String toString() {
    return "Invalidations{" + batcher + '}';
  }
}
