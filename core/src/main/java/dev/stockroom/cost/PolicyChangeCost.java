package dev.stockroom.cost;

import java.util.List;

/**
 * What a policy change does to the monthly cost at one month, kind by kind: the kinds whose
 * upload class, transitions or expiration changed. Immutable; made by
 * {@link CostModel#change(dev.stockroom.policy.PolicyCatalog, dev.stockroom.policy.PolicyCatalog, int)}.
 */
public final class PolicyChangeCost {

  private final int month;
  private final List<KindCostChange> kinds;

  PolicyChangeCost(int month, List<KindCostChange> kinds) {
    this.month = month;
    this.kinds = List.copyOf(kinds);
  }

  /** Returns the month the costs are for. */
  public int month() {
    return month;
  }

  /** Returns the changed kinds, in kind order; empty when no change affects storage. */
  public List<KindCostChange> kinds() {
    return kinds;
  }

  /** Returns the total change of the monthly cost at {@link #month()}. */
  public double difference() {
    return kinds.stream().mapToDouble(KindCostChange::difference).sum();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyChangeCost that && month == that.month && kinds.equals(that.kinds);
  }

  @Override
  public int hashCode() {
    return month * 31 + kinds.hashCode();
  }

  @Override
  public String toString() {
    if (kinds.isEmpty()) {
      return "no storage change";
    }
    StringBuilder text = new StringBuilder();
    kinds.forEach(k -> text.append(k).append('\n'));
    return text.append("total: ").append(Usd.signed(difference())).append(" per month at month ")
        .append(month).toString();
  }
}
