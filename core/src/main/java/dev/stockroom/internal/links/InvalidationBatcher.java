package dev.stockroom.internal.links;

import dev.stockroom.exception.InvalidationException;
import dev.stockroom.internal.AwsAnswers;
import dev.stockroom.links.InvalidationReceipt;
import dev.stockroom.validation.Require;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
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
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.InvalidationSummary;

/**
 * Gathers invalidation paths for a short delay and sends them as one CreateInvalidation request,
 * fitted to CloudFront's limits by {@link InvalidationBudget} against the invalidations already in
 * progress (asked with ListInvalidations and GetInvalidation). Each caller's future completes with
 * the receipt of the request that carried its paths, or fails when some of them did not fit.
 * Pending paths are sent at close, not dropped.
 */
final class InvalidationBatcher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InvalidationBatcher.class);
  /** CloudFront bills invalidation paths past this many a month. */
  static final int FREE_PATHS_A_MONTH = 1000;
  /** The in-progress invalidations looked at (CloudFront lists the newest first). */
  private static final int SURVEYED = 100;

  /** One caller's paths, and the future it holds. */
  private record Waiter(List<String> paths, CompletableFuture<InvalidationReceipt> done) {}

  /** Paths and wildcard paths in progress. */
  private record InProgress(int paths, int wildcards) {}

  private final String bucket;
  private final String distributionId;
  private final Supplier<CloudFrontClient> cloudFront;
  private final Duration delay;
  private final Clock clock;
  private final ScheduledThreadPoolExecutor timer;
  private List<Waiter> waiting = new ArrayList<>();
  private ScheduledFuture<?> scheduled;
  private YearMonth month;
  private long pathsThisMonth;
  private boolean surveyWarned;

  InvalidationBatcher(String bucket, String distributionId, Supplier<CloudFrontClient> cloudFront,
      Duration delay, Clock clock) {
    this.bucket = bucket;
    this.distributionId = distributionId;
    this.cloudFront = cloudFront;
    this.delay = delay;
    this.clock = clock;
    this.timer = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, "stockroom-invalidations");
      thread.setDaemon(true);
      return thread;
    });
    // at close, a batch still waiting for its delay is sent by close() itself, at once
    timer.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
  }

  /** Adds paths to the next batch; the future completes with what was sent for them. */
  synchronized CompletableFuture<InvalidationReceipt> add(List<String> paths) {
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
    List<String> all = new ArrayList<>();
    batch.forEach(waiter -> all.addAll(waiter.paths()));
    InProgress inProgress = survey();
    InvalidationBudget.Plan plan = InvalidationBudget.plan(all, inProgress.paths(),
        inProgress.wildcards());
    String id = null;
    if (!plan.send().isEmpty()) {
      try {
        id = send(plan.send());
      } catch (RuntimeException e) {
        InvalidationException failure = new InvalidationException(Require.format(
            "CreateInvalidation for %s path(s) of distribution '%s' (serving bucket '%s') "
            + "failed%s: %s", plan.send().size(), distributionId, bucket,
            AwsAnswers.codeAndStatus(e).map(answer -> " with " + answer).orElse(""),
            e.getMessage()), distributionId, plan.send(), bucket, e);
        batch.forEach(waiter -> waiter.done().completeExceptionally(failure));
        return;
      }
      count(plan.send().size());
    }
    for (Waiter waiter : batch) {
      answer(waiter, plan, id, inProgress);
    }
  }

  private void answer(Waiter waiter, InvalidationBudget.Plan plan, String id,
      InProgress inProgress) {
    List<String> refused = waiter.paths().stream().filter(plan.refused()::contains).toList();
    if (!refused.isEmpty()) {
      waiter.done().completeExceptionally(new InvalidationException(Require.format("%s path(s) "
          + "did not fit in what CloudFront takes now for distribution '%s' (serving bucket "
          + "'%s'): %s paths and %s wildcard paths were in progress, of %s and %s; invalidate "
          + "them again later", refused.size(), distributionId, bucket, inProgress.paths(),
          inProgress.wildcards(), InvalidationBudget.MAX_PATHS, InvalidationBudget.MAX_WILDCARDS),
          distributionId, refused, bucket, null));
      return;
    }
    int inWildcards = (int) waiter.paths().stream()
        .filter(path -> !plan.sentAs().get(path).equals(path)).count();
    waiter.done().complete(new InvalidationReceipt(id, plan.send(), inWildcards));
  }

  /**
   * Returns the paths and wildcard paths of the distribution's invalidations in progress, or none
   * when CloudFront cannot be asked (CloudFront then refuses what does not fit, and says so).
   */
  private InProgress survey() {
    try {
      CloudFrontClient client = cloudFront.get();
      var list = client.listInvalidations(r -> r.distributionId(distributionId)
          .maxItems(String.valueOf(SURVEYED))).invalidationList();
      int paths = 0;
      int wildcards = 0;
      for (InvalidationSummary summary : list.hasItems() ? list.items()
          : List.<InvalidationSummary>of()) {
        if (!"InProgress".equals(summary.status())) {
          continue;
        }
        for (String path : client.getInvalidation(r -> r.distributionId(distributionId)
            .id(summary.id())).invalidation().invalidationBatch().paths().items()) {
          if (path.endsWith("*")) {
            wildcards++;
          } else {
            paths++;
          }
        }
      }
      return new InProgress(paths, wildcards);
    } catch (SdkException e) {
      if (!surveyWarned) {
        surveyWarned = true;
        log.warn("Could not list the invalidations in progress of distribution {} ({}): batches "
            + "are fitted to CloudFront's limits as if none were", distributionId,
            e.getClass().getSimpleName());
      }
      return new InProgress(0, 0);
    }
  }

  /** Counts paths sent this month, and says once a month when they pass the free ones. */
  private synchronized void count(int paths) {
    YearMonth now = YearMonth.now(clock);
    if (!now.equals(month)) {
      month = now;
      pathsThisMonth = 0;
    }
    long before = pathsThisMonth;
    pathsThisMonth += paths;
    if (before <= FREE_PATHS_A_MONTH && pathsThisMonth > FREE_PATHS_A_MONTH) {
      log.warn("{} invalidation paths sent for distribution {} in {}: past CloudFront's {} free "
          + "paths a month, each further path is billed", pathsThisMonth, distributionId, month,
          FREE_PATHS_A_MONTH);
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
