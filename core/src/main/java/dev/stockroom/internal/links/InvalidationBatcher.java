package dev.stockroom.internal.links;

import dev.stockroom.exception.InvalidationException;
import dev.stockroom.validation.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Gathers invalidation paths for a short delay and sends them as one CreateInvalidation request
 * (split at CloudFront's 3,000 paths per request). Pending paths are sent at close, not dropped.
 */
final class InvalidationBatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InvalidationBatcher.class);
  /** CloudFront accepts at most this many paths in one invalidation batch. */
  static final int MAX_PATHS = 3000;

  private final String bucket;
  private final String distributionId;
  private final Supplier<CloudFrontClient> cloudFront;
  private final Duration delay;
  private final ScheduledThreadPoolExecutor timer;
  private Set<String> pending = new LinkedHashSet<>();
  private CompletableFuture<String> batch;

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

  /** Adds paths to the next batch; the future completes with that batch's invalidation id. */
  synchronized CompletableFuture<String> add(List<String> paths) {
    if (batch == null) {
      batch = new CompletableFuture<>();
      timer.schedule(this::flush, delay.toMillis(), TimeUnit.MILLISECONDS);
    }
    pending.addAll(paths);
    return batch;
  }

  /** Sends what is pending, if anything. */
  void flush() {
    Set<String> paths;
    CompletableFuture<String> done;
    synchronized (this) {
      if (batch == null) {
        return;
      }
      paths = pending;
      done = batch;
      pending = new LinkedHashSet<>();
      batch = null;
    }
    List<String> all = new ArrayList<>(paths);
    String id = null;
    for (int from = 0; from < all.size(); from += MAX_PATHS) {
      List<String> batch = all.subList(from, Math.min(all.size(), from + MAX_PATHS));
      try {
        id = send(batch);
      } catch (RuntimeException e) {
        List<String> unsent = all.subList(from, all.size());
        done.completeExceptionally(new InvalidationException(Require.format("CreateInvalidation "
            + "for %s path(s) of distribution '%s' (serving bucket '%s') failed: %s",
            unsent.size(), distributionId, bucket, e.getMessage()), distributionId, unsent, bucket,
            e));
        return;
      }
    }
    done.complete(id);
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
