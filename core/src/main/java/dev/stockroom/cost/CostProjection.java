package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The projected cost of one way of storing a workload, month by month, by kind, storage class and
 * {@link CostCategory}, in the price list's currency (USD). Immutable. Months count from 1.
 */
public final class CostProjection {

  private final String scenario;
  private final Ledger ledger;

  CostProjection(String scenario, Ledger ledger) {
    this.scenario = scenario;
    this.ledger = ledger;
  }

  /** Returns the scenario's name: "policy", "all STANDARD" or "all INTELLIGENT_TIERING". */
  public String scenario() {
    return scenario;
  }

  /** Returns the number of months projected. */
  public int months() {
    return ledger.months();
  }

  /** Returns the cost over every month. */
  public double total() {
    double total = 0;
    for (int m = 1; m <= months(); m++) {
      total += month(m);
    }
    return total;
  }

  /** Returns the cost of {@code kind} over every month. */
  public double total(DataKind kind) {
    Require.nonNull(kind, "kind");
    double total = 0;
    for (int m = 1; m <= months(); m++) {
      total += month(m, kind);
    }
    return total;
  }

  /**
   * Returns the cost of {@code month}.
   *
   * @throws IllegalArgumentException if the month is not between 1 and {@link #months()}
   */
  public double month(int month) {
    return ledger.sum(checked(month), (k, c, g) -> true);
  }

  /**
   * Returns the cost of {@code kind} in {@code month}.
   *
   * @throws IllegalArgumentException if the month is not between 1 and {@link #months()}
   */
  public double month(int month, DataKind kind) {
    int wanted = Require.nonNull(kind, "kind").ordinal();
    return ledger.sum(checked(month), (k, c, g) -> k == wanted);
  }

  /**
   * Returns the cost charged to {@code storageClass} in {@code month}.
   *
   * @throws IllegalArgumentException if the month is not between 1 and {@link #months()}
   */
  public double month(int month, StorageClass storageClass) {
    int wanted = StorageClasses.rank(Require.nonNull(storageClass, "storageClass"));
    return ledger.sum(checked(month), (k, c, g) -> c == wanted);
  }

  /**
   * Returns the cost of {@code category} in {@code month}.
   *
   * @throws IllegalArgumentException if the month is not between 1 and {@link #months()}
   */
  public double month(int month, CostCategory category) {
    int wanted = Require.nonNull(category, "category").ordinal();
    return ledger.sum(checked(month), (k, c, g) -> g == wanted);
  }

  /**
   * Returns one cell: the cost of {@code kind} in {@code storageClass} for {@code category} in
   * {@code month}.
   *
   * @throws IllegalArgumentException if the month is not between 1 and {@link #months()}
   */
  public double cost(int month, DataKind kind, StorageClass storageClass, CostCategory category) {
    Require.nonNull(kind, "kind");
    Require.nonNull(category, "category");
    int rank = StorageClasses.rank(Require.nonNull(storageClass, "storageClass"));
    return rank < 0 ? 0 : ledger.get(checked(month), kind.ordinal(), rank, category.ordinal());
  }

  /**
   * Returns the average GB (2^30 bytes) stored in {@code month}, over every class.
   *
   * @throws IllegalArgumentException if the month is not between 1 and {@link #months()}
   */
  public double storedGb(int month) {
    double total = 0;
    for (int c = 0; c < StorageClasses.WARM_TO_COLD.size(); c++) {
      total += ledger.stored(checked(month), c);
    }
    return total;
  }

  /** Returns the storage classes charged in some month, warmest first. */
  public Set<StorageClass> storageClasses() {
    Set<StorageClass> charged = new LinkedHashSet<>();
    for (StorageClass storageClass : StorageClasses.WARM_TO_COLD) {
      for (int m = 1; m <= months() && !charged.contains(storageClass); m++) {
        if (month(m, storageClass) != 0) {
          charged.add(storageClass);
        }
      }
    }
    return Collections.unmodifiableSet(charged);
  }

  private int checked(int month) {
    Require.argument(month >= 1 && month <= months(), "month must be between 1 and %s, but was %s",
        months(), month);
    return month;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CostProjection that && scenario.equals(that.scenario)
        && ledger.equals(that.ledger);
  }

  @Override
  public int hashCode() {
    return scenario.hashCode() * 31 + ledger.hashCode();
  }

  @Override
  public String toString() {
    return "CostProjection{scenario=" + scenario + ", months=" + months() + ", total="
        + Usd.format(total()) + ", last month=" + Usd.format(month(months())) + '}';
  }
}
