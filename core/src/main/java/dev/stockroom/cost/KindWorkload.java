package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * What one {@link DataKind} does to a bucket each month: objects added and their sizes, reads,
 * growth, tags per object, and the objects already there. Immutable; build one with
 * {@link Workload.Builder#kind(DataKind, java.util.function.Consumer)}.
 */
public final class KindWorkload {

  private final DataKind kind;
  private final long objectsPerMonth;
  private final SizeDistribution sizes;
  private final long readsPerMonth;
  private final Integer readWindowDays;
  private final double monthlyGrowth;
  private final int tagsPerObject;
  private final List<ExistingObjects> existing;

  private KindWorkload(Builder builder) {
    this.kind = builder.kind;
    this.objectsPerMonth = builder.objectsPerMonth;
    this.sizes = builder.sizes;
    this.readsPerMonth = builder.readsPerMonth;
    this.readWindowDays = builder.readWindowDays;
    this.monthlyGrowth = builder.monthlyGrowth;
    this.tagsPerObject = builder.tagsPerObject;
    this.existing = List.copyOf(builder.existing);
  }

  /** Returns a builder for {@code kind}: nothing added, read or stored yet, one tag per object. */
  public static Builder builder(DataKind kind) {
    return new Builder(Require.nonNull(kind, "kind"));
  }

  /** Returns a builder holding this workload's values. */
  public Builder toBuilder() {
    Builder builder = new Builder(kind);
    builder.objectsPerMonth = objectsPerMonth;
    builder.sizes = sizes;
    builder.readsPerMonth = readsPerMonth;
    builder.readWindowDays = readWindowDays;
    builder.monthlyGrowth = monthlyGrowth;
    builder.tagsPerObject = tagsPerObject;
    builder.existing.addAll(existing);
    return builder;
  }

  /** Returns the kind. */
  public DataKind kind() {
    return kind;
  }

  /** Returns the objects added in the first month (later months grow by {@link #monthlyGrowth()}). */
  public long objectsPerMonth() {
    return objectsPerMonth;
  }

  /** Returns the sizes of added objects. */
  public SizeDistribution sizes() {
    return sizes;
  }

  /** Returns the GET requests in the first month (later months grow like the objects added). */
  public long readsPerMonth() {
    return readsPerMonth;
  }

  /**
   * Returns the age in days under which objects are read, if reads stop there; empty when reads
   * are spread over every stored object.
   */
  public OptionalInt readWindowDays() {
    return readWindowDays == null ? OptionalInt.empty() : OptionalInt.of(readWindowDays);
  }

  /** Returns the monthly growth of objects added and reads, as a fraction (0.02 = 2% a month). */
  public double monthlyGrowth() {
    return monthlyGrowth;
  }

  /** Returns the tags on each object (none by default; Stockroom puts one, {@code stockroom-kind}, when its {@code UploadHeaders.kindTag()} is on). */
  public int tagsPerObject() {
    return tagsPerObject;
  }

  /** Returns the objects already stored when the projection starts. */
  public List<ExistingObjects> existing() {
    return existing;
  }

  /** Returns the objects added in {@code month} (1 = the first). */
  double objectsAdded(int month) {
    return objectsPerMonth * Math.pow(1 + monthlyGrowth, month - 1);
  }

  /** Returns the reads in {@code month} (1 = the first). */
  double reads(int month) {
    return readsPerMonth * Math.pow(1 + monthlyGrowth, month - 1);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KindWorkload that && kind == that.kind
        && objectsPerMonth == that.objectsPerMonth && sizes.equals(that.sizes)
        && readsPerMonth == that.readsPerMonth
        && Objects.equals(readWindowDays, that.readWindowDays)
        && monthlyGrowth == that.monthlyGrowth && tagsPerObject == that.tagsPerObject
        && existing.equals(that.existing);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, objectsPerMonth, sizes, readsPerMonth, readWindowDays, monthlyGrowth,
        tagsPerObject, existing);
  }

  @Override
  public String toString() {
    return "KindWorkload{kind=" + kind + ", objectsPerMonth=" + objectsPerMonth + ", sizes="
        + sizes + ", readsPerMonth=" + readsPerMonth + ", readWindowDays="
        + (readWindowDays == null ? "all" : readWindowDays) + ", monthlyGrowth=" + monthlyGrowth
        + ", tagsPerObject=" + tagsPerObject + ", existing=" + existing + '}';
  }

  /** Builds a {@link KindWorkload}; each setter checks its argument and names the kind. */
  public static final class Builder {
    private final DataKind kind;
    private long objectsPerMonth;
    private SizeDistribution sizes = SizeDistribution.of(0);
    private long readsPerMonth;
    private Integer readWindowDays;
    private double monthlyGrowth;
    private int tagsPerObject = 0;
    private final List<ExistingObjects> existing = new ArrayList<>();

    private Builder(DataKind kind) {
      this.kind = kind;
    }

    /**
     * Sets the objects added in the first month.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public Builder objectsPerMonth(long count) {
      Require.argument(count >= 0, "%s: objectsPerMonth must not be negative, but was %s", kind,
          count);
      this.objectsPerMonth = count;
      return this;
    }

    /** Sets the sizes of added objects. */
    public Builder sizes(SizeDistribution sizes) {
      this.sizes = Require.nonNull(sizes, "sizes");
      return this;
    }

    /**
     * Gives every added object {@code bytes}.
     *
     * @throws IllegalArgumentException if {@code bytes} is negative
     */
    public Builder size(long bytes) {
      Require.argument(bytes >= 0, "%s: size must not be negative, but was %s", kind, bytes);
      return sizes(SizeDistribution.of(bytes));
    }

    /**
     * Sets the GET requests in the first month, spread evenly over the objects that are read.
     *
     * @throws IllegalArgumentException if {@code reads} is negative
     */
    public Builder readsPerMonth(long reads) {
      Require.argument(reads >= 0, "%s: readsPerMonth must not be negative, but was %s", kind,
          reads);
      this.readsPerMonth = reads;
      return this;
    }

    /**
     * Reads only objects younger than {@code days} (orders and logs are read while fresh).
     *
     * @throws IllegalArgumentException if {@code days} is less than 1
     */
    public Builder readWindowDays(int days) {
      Require.argument(days >= 1, "%s: readWindowDays must be at least 1, but was %s", kind, days);
      this.readWindowDays = days;
      return this;
    }

    /** Spreads reads over every stored object, whatever its age (the default). */
    public Builder readsAtAnyAge() {
      this.readWindowDays = null;
      return this;
    }

    /**
     * Sets the monthly growth of objects added and reads (0.02 = 2% a month, compounded).
     *
     * @throws IllegalArgumentException if {@code growth} is below -1 or not finite
     */
    public Builder monthlyGrowth(double growth) {
      Require.argument(growth >= -1 && Double.isFinite(growth),
          "%s: monthlyGrowth must be a finite number of at least -1, but was %s", kind, growth);
      this.monthlyGrowth = growth;
      return this;
    }

    /**
     * Sets the tags on each object (S3 allows at most 10).
     *
     * @throws IllegalArgumentException if {@code tags} is not between 0 and 10
     */
    public Builder tagsPerObject(int tags) {
      Require.argument(tags >= 0 && tags <= 10,
          "%s: tagsPerObject must be between 0 and 10, but was %s", kind, tags);
      this.tagsPerObject = tags;
      return this;
    }

    /** Adds objects already stored when the projection starts. */
    public Builder existing(ExistingObjects objects) {
      existing.add(Require.nonNull(objects, "objects"));
      return this;
    }

    /**
     * Adds {@code count} objects of {@code bytes}, {@code ageDays} old, stored in
     * {@code storageClass}.
     *
     * @throws IllegalArgumentException if a number is negative or the class is not priced
     */
    public Builder existing(long count, long bytes, int ageDays,
        StorageClass storageClass) {
      return existing(new ExistingObjects(count, bytes, ageDays, storageClass));
    }

    /** Returns the workload; the builder stays usable. */
    public KindWorkload build() {
      return new KindWorkload(this);
    }
  }
}
