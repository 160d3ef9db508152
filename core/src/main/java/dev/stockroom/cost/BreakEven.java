package dev.stockroom.cost;

import java.util.OptionalLong;
import java.util.TreeSet;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Whether moving one object pays: the transition fee, plus the target class's storage for at
 * least its minimum duration, against staying in the class it is in, over the time the object
 * would spend in the target class. Reads are left out (they are in the projection).
 */
final class BreakEven {

  /** The largest object S3 stores, 5 TiB: the search's upper end. */
  static final long MAX_BYTES = 5L << 40;

  private final PriceList prices;

  BreakEven(PriceList prices) {
    this.prices = prices;
  }

  /** Returns what moving one object of {@code bytes} costs more than staying (negative: saves). */
  double loss(StorageClass from, StorageClass to, long bytes, long hoursInTarget) {
    return fee(to) + movedStorage(to, bytes, hoursInTarget) - stayingStorage(from, bytes,
        hoursInTarget);
  }

  /** Returns the fee for moving one object into {@code to}. */
  double fee(StorageClass to) {
    return prices.transitionPer1000(to) / 1000;
  }

  /** Returns the storage of one object kept in {@code from} for the hours. */
  double stayingStorage(StorageClass from, long bytes, long hours) {
    return Billing.storagePerMonth(prices, from, bytes) * hours / Projector.HOURS_PER_MONTH;
  }

  /** Returns the storage of one object in {@code to}, billed for at least its minimum duration. */
  double movedStorage(StorageClass to, long bytes, long hours) {
    long minimum = prices.minimumDays(to) * KindLifecycle.HOURS_PER_DAY;
    double months = hours / (double) Projector.HOURS_PER_MONTH;
    double early = Math.max(0, minimum - hours) / (double) Projector.HOURS_PER_MONTH;
    return Billing.storagePerMonth(prices, to, bytes) * months
        + Billing.classStoragePerMonth(prices, to, null, bytes) * early;
  }

  /**
   * Returns the smallest size from which every larger object saves money by moving, or empty when
   * no object up to 5 TiB does.
   */
  OptionalLong size(StorageClass from, StorageClass to, long hoursInTarget) {
    if (loss(from, to, MAX_BYTES, hoursInTarget) > 0) {
      return OptionalLong.empty();
    }
    // Costs are linear in size between the classes' minimum billable sizes: find the highest
    // stretch that starts at a loss and bisect within it.
    TreeSet<Long> kinks = new TreeSet<>();
    kinks.add(0L);
    kinks.add(prices.minimumBillableBytes(from));
    kinks.add(prices.minimumBillableBytes(to));
    long upper = MAX_BYTES;
    for (Long lower : kinks.descendingSet()) {
      if (loss(from, to, lower, hoursInTarget) > 0) {
        return OptionalLong.of(bisect(from, to, hoursInTarget, lower, upper));
      }
      upper = lower;
    }
    return OptionalLong.of(0);
  }

  private long bisect(StorageClass from, StorageClass to, long hours, long losing, long saving) {
    while (saving - losing > 1) {
      long middle = losing + (saving - losing) / 2;
      if (loss(from, to, middle, hours) > 0) {
        losing = middle;
      } else {
        saving = middle;
      }
    }
    return saving;
  }
}
