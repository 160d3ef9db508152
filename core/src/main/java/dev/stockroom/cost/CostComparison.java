package dev.stockroom.cost;

import java.util.List;

/**
 * The policy in force side by side with "everything in STANDARD" and "everything in
 * INTELLIGENT_TIERING" (each kind still expiring as its policy says), with the savings and the
 * policy's warnings. Immutable.
 */
public final class CostComparison {

  private final CostProjection policy;
  private final CostProjection allStandard;
  private final CostProjection allIntelligentTiering;
  private final List<CostWarning> warnings;

  CostComparison(CostProjection policy, CostProjection allStandard,
      CostProjection allIntelligentTiering, List<CostWarning> warnings) {
    this.policy = policy;
    this.allStandard = allStandard;
    this.allIntelligentTiering = allIntelligentTiering;
    this.warnings = List.copyOf(warnings);
  }

  /** Returns the projection of the policy in force. */
  public CostProjection policy() {
    return policy;
  }

  /** Returns the projection with every kind uploaded to STANDARD and never moved. */
  public CostProjection allStandard() {
    return allStandard;
  }

  /** Returns the projection with every kind uploaded to INTELLIGENT_TIERING and never moved. */
  public CostProjection allIntelligentTiering() {
    return allIntelligentTiering;
  }

  /** Returns the three projections: policy, all STANDARD, all INTELLIGENT_TIERING. */
  public List<CostProjection> projections() {
    return List.of(policy, allStandard, allIntelligentTiering);
  }

  /** Returns the months projected. */
  public int months() {
    return policy.months();
  }

  /** Returns what the policy saves over every month against all STANDARD (negative: costs). */
  public double savingsVsStandard() {
    return allStandard.total() - policy.total();
  }

  /**
   * Returns what the policy saves in {@code month} against all STANDARD.
   *
   * @throws IllegalArgumentException if the month is out of range
   */
  public double savingsVsStandard(int month) {
    return allStandard.month(month) - policy.month(month);
  }

  /** Returns what the policy saves over every month against all INTELLIGENT_TIERING. */
  public double savingsVsIntelligentTiering() {
    return allIntelligentTiering.total() - policy.total();
  }

  /**
   * Returns what the policy saves in {@code month} against all INTELLIGENT_TIERING.
   *
   * @throws IllegalArgumentException if the month is out of range
   */
  public double savingsVsIntelligentTiering(int month) {
    return allIntelligentTiering.month(month) - policy.month(month);
  }

  /** Returns the rules of the policy that lose money on this workload. */
  public List<CostWarning> warnings() {
    return warnings;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CostComparison that && policy.equals(that.policy)
        && allStandard.equals(that.allStandard)
        && allIntelligentTiering.equals(that.allIntelligentTiering)
        && warnings.equals(that.warnings);
  }

  @Override
  public int hashCode() {
    return policy.hashCode() * 31 + allStandard.hashCode();
  }

  @Override
  public String toString() {
    return "CostComparison{months=" + months() + ", policy=" + Usd.format(policy.total())
        + ", all STANDARD=" + Usd.format(allStandard.total()) + ", all INTELLIGENT_TIERING="
        + Usd.format(allIntelligentTiering.total()) + ", saved vs STANDARD="
        + Usd.signed(savingsVsStandard()) + ", warnings=" + warnings.size() + '}';
  }
}
