package dev.stockroom.cost;

import dev.stockroom.validation.Require;

/**
 * A share of a kind's objects that have one size.
 *
 * @param bytes the objects' size in bytes
 * @param share the fraction of the kind's objects of this size, in (0, 1]
 */
public record SizeBucket(long bytes, double share) {

  /**
   * Checks the bucket.
   *
   * @throws IllegalArgumentException if {@code bytes} is negative or {@code share} is not in (0, 1]
   */
  public SizeBucket {
    Require.argument(bytes >= 0,
        "size bucket bytes must not be negative, but was %s", bytes);
    Require.argument(share > 0 && share <= 1,
        "size bucket share must be in (0, 1], but was %s", share);
  }

  @Override
  public String toString() {
    return Sizes.format(bytes) + " × " + Math.round(share * 1000) / 10.0 + "%";
  }
}
