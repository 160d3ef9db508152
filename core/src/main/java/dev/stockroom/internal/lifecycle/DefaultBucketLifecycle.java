package dev.stockroom.internal.lifecycle;

import dev.stockroom.exception.StockroomException;
import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.metrics.Meters;
import dev.stockroom.internal.s3.BucketClient;
import dev.stockroom.lifecycle.BucketLifecycle;
import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.policy.PolicyCatalog;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the bucket's lifecycle rules, plans against the catalog, and writes only on change. */
public final class DefaultBucketLifecycle implements BucketLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DefaultBucketLifecycle.class);

  private final String bucket;
  private final RuleSet rules;
  private final BucketClient s3;
  private final OpenGuard guard;
  private final Meters meters;

  public DefaultBucketLifecycle(String bucket, PolicyCatalog catalog, BucketClient s3,
      OpenGuard guard, Meters meters) {
    this(bucket, OwnedRules.ruleSet(catalog), s3, guard, meters);
  }

  /** Keeps {@code rules} in {@code bucket}, leaving every rule they do not own as it is. */
  public DefaultBucketLifecycle(String bucket, RuleSet rules, BucketClient s3, OpenGuard guard,
      Meters meters) {
    this.meters = meters;
    this.bucket = bucket;
    this.rules = rules;
    this.s3 = s3;
    this.guard = guard;
  }

  @Override
  public LifecyclePlan plan() {
    return Futures.join(planAsync(), bucket);
  }

  @Override
  public LifecyclePlan apply() {
    return Futures.join(applyAsync(), bucket);
  }

  @Override
  public CompletableFuture<LifecyclePlan> planAsync() {
    return Futures.capture(() -> {
      guard.check();
      log.debug("Reading lifecycle configuration of bucket '{}'", bucket);
      return s3.lifecycleRules(bucket)
          .exceptionally(failure(bucket, "GetBucketLifecycleConfiguration"))
          .thenApply(current -> {
            LifecyclePlan plan = LifecyclePlanner.plan(bucket, current, rules);
            meters.lifecycleDrift(plan.changes().size());
            return plan;
          });
    });
  }

  @Override
  public CompletableFuture<LifecyclePlan> applyAsync() {
    return planAsync().thenCompose(plan -> {
      if (!plan.hasChanges()) {
        log.debug("Lifecycle of bucket '{}' already matches the policy", bucket);
        return CompletableFuture.completedFuture(plan);
      }
      guard.check();
      return s3.putLifecycleRules(bucket, plan.resultingRules())
          .exceptionally(failure(bucket, "PutBucketLifecycleConfiguration"))
          .thenApply(done -> {
            log.info("Applied lifecycle plan to bucket '{}': {} change(s), {} foreign rule(s) kept",
                bucket, plan.changes().size(), plan.foreignRules().size());
            return plan;
          });
    });
  }

  private static <T> Function<Throwable, T> failure(String bucket, String operation) {
    return failure -> {
      Throwable cause = Futures.unwrap(failure);
      if (cause instanceof StockroomException stockroom) {
        throw stockroom;
      }
      throw new StorageException(operation, bucket, null, cause);
    };
  }

  @Override
  public String toString() {
    return "BucketLifecycle{bucket='" + bucket + "'}";
  }
}
