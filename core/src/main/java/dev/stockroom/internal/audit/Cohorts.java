package dev.stockroom.internal.audit;

import dev.stockroom.cost.ExistingObjects;
import dev.stockroom.cost.Workload;
import dev.stockroom.policy.DataKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The audited objects as the cost model's cohorts: per kind, storage class, age in months and size
 * in powers of two, how many objects, their mean size and mean age. Powers of two keep objects
 * under 128 KiB apart from larger ones (the minimum billable and transition sizes bite there);
 * ages past ten years share a cohort. Memory is bounded by kinds × classes × 121 × 64, never by
 * the number of objects.
 */
final class Cohorts {

  private static final int MAX_AGE_MONTHS = 120;

  private record Key(DataKind kind, StorageClass storageClass, int ageMonths, int sizeBits) {}

  private static final class Sum {
    long count;
    long bytes;
    long ageDays;
  }

  private final Instant now;
  private final Map<Key, Sum> sums = new HashMap<>();
  private long unpriced;

  Cohorts(Instant now) {
    this.now = now;
  }

  /** Counts one object of {@code kind}; objects without a class or date are not counted. */
  void add(DataKind kind, ObjectRecord object) {
    if (object.storageClass() == null || object.lastModified() == null) {
      return;
    }
    StorageClass storageClass = StorageClass.fromValue(object.storageClass());
    if (!ExistingObjects.priced(storageClass)) {
      unpriced++;
      return;
    }
    long ageDays = Math.max(0, Duration.between(object.lastModified(), now).toDays());
    int months = (int) Math.min(ageDays / 30, MAX_AGE_MONTHS);
    int bits = 64 - Long.numberOfLeadingZeros(object.size());
    Sum sum = sums.computeIfAbsent(new Key(kind, storageClass, months, bits), k -> new Sum());
    sum.count++;
    sum.bytes += object.size();
    sum.ageDays += ageDays;
  }

  /** Returns how many objects were in classes the cost model does not price (and left out). */
  long unpriced() {
    return unpriced;
  }

  /** Returns the cohorts as a workload of existing objects, by kind. */
  Workload workload() {
    Map<DataKind, List<ExistingObjects>> byKind = new EnumMap<>(DataKind.class);
    sums.entrySet().stream()
        .sorted(java.util.Comparator.comparing((Map.Entry<Key, Sum> e) -> e.getKey().kind())
            .thenComparing(e -> e.getKey().storageClass().toString())
            .thenComparingInt(e -> e.getKey().ageMonths())
            .thenComparingInt(e -> e.getKey().sizeBits()))
        .forEach(e -> byKind.computeIfAbsent(e.getKey().kind(), k -> new ArrayList<>())
            .add(new ExistingObjects(e.getValue().count, e.getValue().bytes / e.getValue().count,
                (int) (e.getValue().ageDays / e.getValue().count), e.getKey().storageClass())));
    Workload.Builder workload = Workload.builder();
    byKind.forEach((kind, cohorts) -> workload.kind(kind, k -> cohorts.forEach(k::existing)));
    return workload.build();
  }
}
