package dev.stockroom.cost;

import dev.stockroom.validation.Require;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Objects already in the bucket when the projection starts: how many, their size, their age and
 * the class they are in now. Code that measures a bucket (a listing, an S3 Inventory report)
 * groups objects into such cohorts; lifecycle then moves them by age like new objects, starting
 * from their present class (never to a warmer one).
 *
 * @param count how many objects
 * @param bytes each object's size in bytes
 * @param ageDays days since the objects were created, at the start of the projection
 * @param storageClass the class they are stored in now
 */
public record ExistingObjects(long count, long bytes, int ageDays, StorageClass storageClass) {

  /**
   * Checks the cohort.
   *
   * @throws NullPointerException if {@code storageClass} is null
   * @throws IllegalArgumentException if a number is negative or the class is not one the cost
   *     model prices
   */
  public ExistingObjects {
    Require.nonNull(storageClass, "storageClass");
    Require.argument(count >= 0, "existing objects count must not be negative, but was %s", count);
    Require.argument(bytes >= 0, "existing objects bytes must not be negative, but was %s", bytes);
    Require.argument(ageDays >= 0, "existing objects ageDays must not be negative, but was %s",
        ageDays);
    Require.argument(StorageClasses.rank(storageClass) >= 0,
        "existing objects storageClass must be one of %s, but was %s", StorageClasses.names(),
        storageClass);
  }

  /** Returns whether the cost model prices {@code storageClass} (so cohorts may be in it). */
  public static boolean priced(StorageClass storageClass) {
    return StorageClasses.rank(Require.nonNull(storageClass, "storageClass")) >= 0;
  }

  @Override
  public String toString() {
    return count + " × " + Sizes.format(bytes) + " aged " + ageDays + " days in " + storageClass;
  }
}
