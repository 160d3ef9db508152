package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A shop's storage workload: a {@link KindWorkload} for each kind it stores (kinds left out add
 * nothing). Immutable; measured workloads (from a bucket listing or an S3 Inventory report) can be
 * fed through the same builder, with {@link KindWorkload.Builder#existing} for stored objects.
 */
public final class Workload {

  private final Map<DataKind, KindWorkload> kinds;

  private Workload(Map<DataKind, KindWorkload> kinds) {
    this.kinds = new EnumMap<>(DataKind.class);
    this.kinds.putAll(kinds);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder(Map.of());
  }

  /** Returns a builder holding this workload's kinds. */
  public Builder toBuilder() {
    return new Builder(kinds);
  }

  /** Returns the workload of {@code kind}, if the shop stores it. */
  public Optional<KindWorkload> kind(DataKind kind) {
    return Optional.ofNullable(kinds.get(Require.nonNull(kind, "kind")));
  }

  /** Returns every kind's workload, in {@link DataKind} order. */
  public Collection<KindWorkload> kinds() {
    return List.copyOf(kinds.values());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Workload that && kinds.equals(that.kinds);
  }

  @Override
  public int hashCode() {
    return kinds.hashCode();
  }

  @Override
  public String toString() {
    return "Workload" + kinds.values();
  }

  /** Builds a {@link Workload}. */
  public static final class Builder {
    private final Map<DataKind, KindWorkload> kinds = new EnumMap<>(DataKind.class);

    private Builder(Map<DataKind, KindWorkload> kinds) {
      this.kinds.putAll(kinds);
    }

    /** Sets (or replaces) the workload of {@code workload.kind()}. */
    public Builder kind(KindWorkload workload) {
      Require.nonNull(workload, "workload");
      kinds.put(workload.kind(), workload);
      return this;
    }

    /**
     * Sets or changes the workload of {@code kind}: {@code kind(ORDER, k -> k.objectsPerMonth(9000))}.
     *
     * @throws IllegalArgumentException if a value set in {@code change} is out of range
     */
    public Builder kind(DataKind kind, Consumer<KindWorkload.Builder> change) {
      Require.nonNull(kind, "kind");
      Require.nonNull(change, "change");
      KindWorkload.Builder builder = kinds.containsKey(kind) ? kinds.get(kind).toBuilder()
          : KindWorkload.builder(kind);
      change.accept(builder);
      kinds.put(kind, builder.build());
      return this;
    }

    /** Returns the workload; the builder stays usable. */
    public Workload build() {
      return new Workload(kinds);
    }
  }
}
