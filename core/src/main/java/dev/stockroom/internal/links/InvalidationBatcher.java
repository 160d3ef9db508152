package dev.stockroom.internal.links;

import dev.stockroom.exception.InvalidationException;
import dev.stockroom.validation.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Gathers invalidation paths for a short delay and sends them as one CreateInvalidation request
 * (split at CloudFront's 3,000 paths per request). Each caller's future completes with the id of
 * the request that carried the last of its paths. Pending paths are sent at close, not dropped.
 */
final class InvalidationBatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InvalidationBatcher.class);
  /** CloudFront accepts at most this many paths in one invalidation batch. */
  static final int MAX_PATHS = 3000;

  /** One caller's paths, and the future it holds. */
  private record Waiter(List<String> paths, CompletableFuture<String> done) {}

  private final String bucket;
  private final String distributionId;
  private final Supplier<CloudFrontClient> cloudFront;
  private final Duration delay;
  private final ScheduledThreadPoolExecutor timer;
  private List<Waiter> waiting = new ArrayList<>();
  private ScheduledFuture<?> scheduled;

  InvalidationBatcher(String bucket, String distributionId, Supplier<CloudFrontClient> cloudFront,
      Duration delay) {
    this.bucket = bucket;
    this.distributionId = distributionId;
    this.cloudFront = cloudFront;
    this.delay = delay;
    this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "stockroom-invalidations");
      thread.setDaemon(true);
      return thread;
    });
    // at close, a batch still waiting for its delay is sent by close() itself, at once
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Adds paths to the next batch; the future completes with the id of the request they went in. */
  synchronized CompletableFuture<String> add(List<String> paths) {
    if (waiting.isEmpty()) {
      scheduled = timer.schedule(this::flush, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
    Waiter waiter = new Waiter(List.copyOf(paths), new CompletableFuture<>());
    waiting.add(waiter);
    return waiter.done();
  }

  /** Sends what is pending, if anything. */
  void flush() {
    List<Waiter> batch;
    synchronized (this) {
      if (waiting.isEmpty()) {
        return;
      }
      batch = waiting;
      waiting = new ArrayList<>();
      // a flush before the delay is up: the timer has nothing left to send
      scheduled.cancel(false);
    }
    Set<String> unique = new LinkedHashSet<>();
    batch.forEach(waiter -> unique.addAll(waiter.paths()));
    List<String> all = new ArrayList<>(unique);
    Map<String, Integer> positions = new HashMap<>();
    for (int i = 0; i < all.size(); i++) {
      positions.put(all.get(i), i);
    }
    List<String> ids = new ArrayList<>();
    for (int from = 0; from < all.size(); from += MAX_PATHS) {
      try {
        ids.add(send(all.subList(from, Math.min(all.size(), from + MAX_PATHS))));
      } catch (RuntimeException e) {
        List<String> unsent = List.copyOf(all.subList(from, all.size()));
        InvalidationException failure = new InvalidationException(Require.format(
            "CreateInvalidation for %s path(s) of distribution '%s' (serving bucket '%s') "
            + "failed: %s", unsent.size(), distributionId, bucket, e.getMessage()),
            distributionId, unsent, bucket, e);
        batch.forEach(waiter -> answer(waiter, positions, ids, failure));
        return;
      }
    }
    batch.forEach(waiter -> answer(waiter, positions, ids, null));
  }

  /**
   * Completes a caller's future with the id of the request that carried its last path, or with
   * {@code failure} if that request was not sent.
   */
  private static void answer(Waiter waiter, Map<String, Integer> positions, List<String> ids,
      InvalidationException failure) {
    int request = waiter.paths().stream().mapToInt(positions::get).max().orElseThrow()
        / MAX_PATHS;
    if (request < ids.size()) {
      waiter.done().complete(ids.get(request));
    } else {
      waiter.done().completeExceptionally(failure);
    }
  }

  private String send(List<String> paths) {
    log.debug("Invalidating {} path(s) in distribution {}", paths.size(), distributionId);
    return cloudFront.get().createInvalidation(r -> r.distributionId(distributionId)
        .invalidationBatch(b -> b.callerReference("stockroom-" + UUID.randomUUID())
            .paths(p -> p.quantity(paths.size()).items(paths))))
        .invalidation().id();
  }

  /**
   * Stops the timer, letting a batch already being sent finish (interrupting it could lose it),
   * then sends what is still pending.
   */
  @Override
  public void close() {
    timer.shutdown();
    try {
      timer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    flush();
  }

  @Override
  public String toString() {
    return "distributionId=" + distributionId + ", delay=" + delay;
  }
}
