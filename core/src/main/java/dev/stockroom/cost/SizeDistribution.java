package dev.stockroom.cost;

import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.List;

/**
 * How a kind's object sizes are spread: a few size buckets with their shares. Buckets matter
 * because S3 bills small objects differently (128 KB minimum in the IA classes, 40 KB of
 * metadata in the archive classes, no transition under 128 KB by default). Immutable.
 */
public final class SizeDistribution {

  private final List<SizeBucket> buckets;

  private SizeDistribution(List<SizeBucket> buckets) {
    this.buckets = List.copyOf(buckets);
  }

  /**
   * Returns a distribution where every object has {@code bytes}.
   *
   * @throws IllegalArgumentException if {@code bytes} is negative
   */
  public static SizeDistribution of(long bytes) {
    return builder().bucket(bytes, 1).build();
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the buckets, their shares summing to one. */
  public List<SizeBucket> buckets() {
    return buckets;
  }

  /** Returns the mean object size in bytes. */
  public double meanBytes() {
    return buckets.stream().mapToDouble(b -> b.bytes() * b.share()).sum();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SizeDistribution that && buckets.equals(that.buckets);
  }

  @Override
  public int hashCode() {
    return buckets.hashCode();
  }

  @Override
  public String toString() {
    return "SizeDistribution{mean=" + Sizes.format(Math.round(meanBytes())) + ", buckets="
        + buckets + '}';
  }

  /** Builds a {@link SizeDistribution} from weighted buckets; weights are scaled to shares. */
  public static final class Builder {
    private final List<Long> sizes = new ArrayList<>();
    private final List<Double> weights = new ArrayList<>();

    private Builder() {}

    /**
     * Adds a bucket of objects of {@code bytes} with a relative {@code weight} (a count or a
     * percentage: only the ratios between buckets matter).
     *
     * @throws IllegalArgumentException if {@code bytes} or {@code weight} is negative, or the
     *     weight is not finite
     */
    public Builder bucket(long bytes, double weight) {
      Require.argument(bytes >= 0, "size bucket bytes must not be negative, but was %s", bytes);
      Require.argument(weight >= 0 && Double.isFinite(weight),
          "size bucket weight must be a finite number of at least 0, but was %s", weight);
      sizes.add(bytes);
      weights.add(weight);
      return this;
    }

    /**
     * Returns the distribution; buckets of weight zero are left out.
     *
     * @throws IllegalArgumentException if no bucket has a positive weight
     */
    public SizeDistribution build() {
      double total = weights.stream().mapToDouble(Double::doubleValue).sum();
      Require.argument(total > 0, "a size distribution needs a bucket with a positive weight");
      List<SizeBucket> buckets = new ArrayList<>();
      for (int i = 0; i < sizes.size(); i++) {
        if (weights.get(i) > 0) {
          buckets.add(new SizeBucket(sizes.get(i), weights.get(i) / total));
        }
      }
      return new SizeDistribution(buckets);
    }
  }
}
