package dev.stockroom.lifecycle;

import java.util.concurrent.CompletableFuture;

/**
 * The bucket's lifecycle configuration, kept in line with the policy catalog. Stockroom owns the
 * rules whose id starts with {@value #OWNED_RULE_PREFIX}; every other rule is left exactly as it is.
 */
public interface BucketLifecycle {

  /** Every rule Stockroom owns has an id that starts with this. */
  String OWNED_RULE_PREFIX = "stockroom.";

  /**
   * Reads the bucket's lifecycle configuration and returns what {@link #apply()} would change,
   * without writing anything.
   *
   * @throws dev.stockroom.exception.LifecycleConflictException if the configuration cannot be brought in line
   *     (a rule that is not Stockroom's uses its id prefix, or S3's 1,000-rule limit would be passed)
   * @throws dev.stockroom.exception.StorageException if S3 cannot be read
   * @throws IllegalStateException if Stockroom is closed
   */
  LifecyclePlan plan();

  /**
   * Brings the bucket's lifecycle configuration in line with the policy and returns the plan it
   * carried out. Writes only when the plan has changes, so a second call sends no write. S3 has
   * no conditional write for lifecycle configurations: a rule another writer adds between this
   * call's read and its write is lost, so run one writer at a time (e.g. at deploy).
   *
   * @throws dev.stockroom.exception.LifecycleConflictException as {@link #plan()}, before anything is written
   * @throws dev.stockroom.exception.StorageException if S3 cannot be read or written
   * @throws IllegalStateException if Stockroom is closed
   */
  LifecyclePlan apply();

  /** As {@link #plan()}, with failures in the future. */
  CompletableFuture<LifecyclePlan> planAsync();

  /** As {@link #apply()}, with failures in the future. */
  CompletableFuture<LifecyclePlan> applyAsync();
}
