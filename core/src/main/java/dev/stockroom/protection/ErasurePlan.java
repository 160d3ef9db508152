package dev.stockroom.protection;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What an erasure would delete, found without changing anything: every version and delete marker
 * of the subject's objects in the bucket and the backups, and the versions Object Lock holds,
 * which it cannot delete. {@link #apply()} carries it out. The plan holds the keys (the caller
 * knows them); its {@code toString()}, a table for people, does not.
 */
public interface ErasurePlan {

  /** Returns the request the plan was made for. */
  ErasureRequest request();

  /** Returns when the plan was made (Stockroom's clock). */
  Instant plannedAt();

  /** Returns the buckets searched: the bucket, and the backup buckets unless excluded. */
  List<String> buckets();

  /** Returns every version and delete marker found, held ones included. */
  List<ObjectVersion> versions();

  /** Returns the versions Object Lock holds, which the erasure leaves and reports. */
  List<LockConflict> conflicts();

  /** Returns the versions and delete markers {@link #apply()} deletes: those not held. */
  List<ObjectVersion> deletable();

  /** Returns whether nothing was found. */
  default boolean isEmpty() {
    return versions().isEmpty();
  }

  /**
   * Deletes every version and delete marker of {@link #deletable()} (DeleteObjects, at most 1,000
   * a call), lists the subject's objects again, and stores the receipt as an audit log (GLACIER,
   * kept 7 years). The receipt reports what was erased, what Object Lock holds, what failed and
   * what is still there (written since the plan, or not deleted); run the erasure again for what
   * was written since. Running it again when all is erased deletes nothing and says so.
   *
   * @throws ErasureReceiptException if the erasure ran but its receipt could not be stored (the
   *     receipt is attached)
   * @throws dev.stockroom.exception.StorageException if a request to S3 fails (nothing is
   *     claimed erased then)
   * @throws IllegalStateException if Stockroom is closed
   */
  ErasureReceipt apply();

  /** As {@link #apply()}, without blocking: failures complete the future exceptionally. */
  CompletableFuture<ErasureReceipt> applyAsync();
}
