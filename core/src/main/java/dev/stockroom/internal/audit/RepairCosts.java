package dev.stockroom.internal.audit;

import dev.stockroom.audit.RepairAction;
import dev.stockroom.cost.PriceList;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The quantities a repair would bill, counted while the plan is made and priced later with any
 * price list: requests per class, bytes restored, and the storage still owed on objects replaced
 * before their class's minimum duration.
 */
final class RepairCosts {

  private static final double BYTES_PER_GB = 1L << 30;
  private static final int AGES = 367;

  private final Instant now;
  private final long copyLimit;
  private final long partSize;
  private long heads;
  private long retentionPuts;
  private final Map<String, Long> copyRequests = new HashMap<>();
  private final Map<String, Long> restores = new HashMap<>();
  private final Map<String, Long> restoredBytes = new HashMap<>();
  /**
   * Per source class, the bytes of replaced objects by age in days (ages past a year share the
   * last slot): enough to price early deletion for any minimum duration up to a year, in memory
   * that does not grow with the number of objects.
   */
  private final Map<String, long[]> bytesByAge = new HashMap<>();
  private long objectsInJobs;
  private int jobs;

  RepairCosts(Instant now, long copyLimit, long partSize) {
    this.now = now;
    this.copyLimit = copyLimit;
    this.partSize = partSize;
  }

  void add(FindingRow row, RepairRules.Decision decision, String targetClass) {
    RepairAction action = decision.action();
    if (action == RepairAction.COPY || action == RepairAction.RESTORE
        || action == RepairAction.SET_RETENTION) {
      heads++;
    }
    if (action == RepairAction.COPY) {
      copyRequests.merge(targetClass, copyRequests(row.size()), Long::sum);
      owe(row);
    } else if (action == RepairAction.RESTORE) {
      restores.merge(row.storageClass(), 1L, Long::sum);
      restoredBytes.merge(row.storageClass(), row.size(), Long::sum);
    } else if (action == RepairAction.SET_RETENTION) {
      retentionPuts++;
    }
  }

  /** Counts the work as Batch Operations jobs of {@code objects} objects in all. */
  void asJobs(int jobs, long objects) {
    this.jobs = jobs;
    this.objectsInJobs = objects;
  }

  private long copyRequests(long size) {
    if (size <= copyLimit) {
      return 1;
    }
    long part = Math.max(partSize, (size + 9_999) / 10_000);
    return 2 + (size + part - 1) / part;
  }

  private void owe(FindingRow row) {
    if (row.storageClass() == null || row.lastModified() == null) {
      return;
    }
    long age = Math.max(0, Duration.between(row.lastModified(), now).toDays());
    bytesByAge.computeIfAbsent(row.storageClass(), c -> new long[AGES])[(int) Math.min(age,
        AGES - 1)] += row.size();
  }

  /** Prices the repair; classes the list does not price cost nothing (and are rare). */
  double price(PriceList prices) {
    double cost = heads / 1000.0 * prices.getPer1000(StorageClass.STANDARD)
        + retentionPuts / 1000.0 * prices.putPer1000(StorageClass.STANDARD);
    for (var entry : copyRequests.entrySet()) {
      cost += entry.getValue() / 1000.0 * prices.putPer1000(priced(prices, entry.getKey()));
    }
    for (var entry : restores.entrySet()) {
      StorageClass source = priced(prices, entry.getKey());
      cost += entry.getValue() / 1000.0 * prices.restorePer1000(source)
          + restoredBytes.get(entry.getKey()) / BYTES_PER_GB * prices.retrievalPerGb(source);
    }
    cost += earlyDeletion(prices);
    if (jobs > 0) {
      cost += jobs * prices.batchOperationsPerJob().orElseThrow(() -> missing("batchJob", prices))
          + objectsInJobs / 1e6 * prices.batchOperationsPerMillionObjects()
              .orElseThrow(() -> missing("batchMillionObjects", prices));
    }
    return cost;
  }

  /**
   * Returns the storage billed for the rest of the minimum duration of the objects a copy
   * replaces: replacing an object younger than its class's minimum is an early deletion.
   */
  private double earlyDeletion(PriceList prices) {
    double cost = 0;
    for (var entry : bytesByAge.entrySet()) {
      StorageClass source = priced(prices, entry.getKey());
      int minimum = Math.min(prices.minimumDays(source), AGES - 1);
      double byteDays = 0;
      for (int age = 0; age < minimum; age++) {
        byteDays += (double) entry.getValue()[age] * (minimum - age);
      }
      cost += byteDays / BYTES_PER_GB / 30 * prices.storagePerGbMonth(source);
    }
    return cost;
  }

  private static StorageClass priced(PriceList prices, String name) {
    StorageClass storageClass = StorageClass.fromValue(name);
    return prices.prices(storageClass) ? storageClass : StorageClass.STANDARD;
  }

  private static IllegalArgumentException missing(String key, PriceList prices) {
    return new IllegalArgumentException("price list " + prices.region() + " has no " + key
        + ": Batch Operations fees cannot be estimated");
  }
}
