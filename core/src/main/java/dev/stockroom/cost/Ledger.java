package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import java.util.Arrays;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Dense month × kind × storage class × category totals in USD, and the GB-months stored per
 * month and class. Filled by {@link Projector}, then read only.
 */
final class Ledger {

  private static final int KINDS = DataKind.values().length;
  private static final int CLASSES = StorageClasses.WARM_TO_COLD.size();
  private static final int CATEGORIES = CostCategory.values().length;

  private final int months;
  private final double[] amounts;
  private final double[] gbMonths;

  Ledger(int months) {
    this.months = months;
    this.amounts = new double[months * KINDS * CLASSES * CATEGORIES];
    this.gbMonths = new double[months * CLASSES];
  }

  int months() {
    return months;
  }

  /** Adds {@code usd} to month {@code month} (1-based). */
  void add(int month, DataKind kind, StorageClass storageClass, CostCategory category,
      double usd) {
    amounts[index(month, kind.ordinal(), StorageClasses.rank(storageClass), category.ordinal())]
        += usd;
  }

  void addStored(int month, StorageClass storageClass, double gbMonthsStored) {
    gbMonths[(month - 1) * CLASSES + StorageClasses.rank(storageClass)] += gbMonthsStored;
  }

  double get(int month, int kind, int storageClass, int category) {
    return amounts[index(month, kind, storageClass, category)];
  }

  double stored(int month, int storageClass) {
    return gbMonths[(month - 1) * CLASSES + storageClass];
  }

  /** Sums the cells of {@code month} that {@code filter} accepts. */
  double sum(int month, CellFilter filter) {
    double total = 0;
    for (int k = 0; k < KINDS; k++) {
      for (int c = 0; c < CLASSES; c++) {
        for (int g = 0; g < CATEGORIES; g++) {
          if (filter.accepts(k, c, g)) {
            total += get(month, k, c, g);
          }
        }
      }
    }
    return total;
  }

  private int index(int month, int kind, int storageClass, int category) {
    return (((month - 1) * KINDS + kind) * CLASSES + storageClass) * CATEGORIES + category;
  }

  /** Chooses ledger cells by kind, class and category ordinals. */
  interface CellFilter {
    boolean accepts(int kind, int storageClass, int category);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ledger that && months == that.months
        && Arrays.equals(amounts, that.amounts) && Arrays.equals(gbMonths, that.gbMonths);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(amounts);
  }
}
