package dev.stockroom.internal.protection;

import dev.stockroom.internal.Futures;
import dev.stockroom.protection.ErasurePlan;
import dev.stockroom.protection.ErasureReceipt;
import dev.stockroom.protection.ErasureRequest;
import dev.stockroom.protection.LockConflict;
import dev.stockroom.protection.ObjectVersion;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** An erasure plan; see {@link ErasurePlan}. */
final class DefaultErasurePlan implements ErasurePlan {

  private final ErasureRequest request;
  private final Instant plannedAt;
  private final List<SearchTarget> targets;
  private final List<ObjectVersion> versions;
  private final List<LockConflict> conflicts;
  private final List<ObjectVersion> deletable;
  private final Function<DefaultErasurePlan, ErasureReceipt> apply;
  private final Executor executor;

  DefaultErasurePlan(ErasureRequest request, Instant plannedAt, List<SearchTarget> targets,
      List<ObjectVersion> versions, List<LockConflict> conflicts,
      Function<DefaultErasurePlan, ErasureReceipt> apply, Executor executor) {
    this.request = request;
    this.plannedAt = plannedAt;
    this.targets = List.copyOf(targets);
    this.versions = List.copyOf(versions);
    this.conflicts = List.copyOf(conflicts);
    Set<ObjectVersion> held = new HashSet<>();
    conflicts.forEach(conflict -> held.add(conflict.version()));
    this.deletable = versions.stream().filter(v -> !held.contains(v)).toList();
    this.apply = apply;
    this.executor = executor;
  }

  List<SearchTarget> targets() {
    return targets;
  }

  @Override
  public ErasureRequest request() {
    return request;
  }

  @Override
  public Instant plannedAt() {
    return plannedAt;
  }

  @Override
  public List<String> buckets() {
    return targets.stream().map(SearchTarget::bucket).distinct().toList();
  }

  @Override
  public List<ObjectVersion> versions() {
    return versions;
  }

  @Override
  public List<LockConflict> conflicts() {
    return conflicts;
  }

  @Override
  public List<ObjectVersion> deletable() {
    return deletable;
  }

  @Override
  public ErasureReceipt apply() {
    return apply.apply(this);
  }

  @Override
  public CompletableFuture<ErasureReceipt> applyAsync() {
    return Futures.supplyAsync(this::apply, executor);
  }

  /** Returns the plan as a table: versions, delete markers and held versions per bucket. */
  @Override
  public String toString() {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder("Erasure plan (").append(request).append("), ")
        .append(plannedAt).append(": ").append(deletable.size()).append(" to delete, ")
        .append(conflicts.size()).append(" held by Object Lock").append(nl)
        .append(String.format("  %-40s %9s %15s %6s%n", "bucket", "versions", "delete markers",
            "held"));
    for (String bucket : buckets()) {
      long markers = versions.stream().filter(v -> v.bucket().equals(bucket) && v.deleteMarker())
          .count();
      long all = versions.stream().filter(v -> v.bucket().equals(bucket)).count();
      long held = conflicts.stream().filter(c -> c.version().bucket().equals(bucket)).count();
      text.append(String.format("  %-40s %9d %15d %6d%n", bucket, all - markers, markers, held));
    }
    conflicts.forEach(conflict -> text.append("  held: ").append(conflict).append(nl));
    return text.toString();
  }
}
