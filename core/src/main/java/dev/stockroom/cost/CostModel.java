package dev.stockroom.cost;

import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Projects what storing a {@link Workload} costs, month by month, under a policy catalog and a
 * {@link PriceList}; compares it with keeping everything in STANDARD or INTELLIGENT_TIERING; finds
 * the lifecycle rules that lose money; and prices a policy change. Immutable and thread-safe; every
 * call computes afresh by cohorts, so 10 million objects over 36 months take milliseconds.
 *
 * <pre>{@code
 * CostModel model = CostModel.builder().workload(workload).months(36).build();
 * CostComparison comparison = model.compare(PolicyCatalog.defaults());
 * }</pre>
 */
public final class CostModel {

  /** The longest projection: 50 years. */
  public static final int MAX_MONTHS = 600;

  private final PriceList prices;
  private final Workload workload;
  private final int months;
  private final TransitionMinimumSize transitionMinimumSize;

  private CostModel(Builder builder) {
    this.prices = builder.prices;
    this.workload = builder.workload;
    this.months = builder.months;
    this.transitionMinimumSize = builder.transitionMinimumSize;
  }

  /** Returns a builder: us-east-1 prices, 36 months, S3's default 128 KB transition minimum. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this model's settings. */
  public Builder toBuilder() {
    return new Builder().prices(prices).workload(workload).months(months)
        .transitionMinimumSize(transitionMinimumSize);
  }

  /** Returns the prices. */
  public PriceList prices() {
    return prices;
  }

  /** Returns the workload. */
  public Workload workload() {
    return workload;
  }

  /** Returns the months projected. */
  public int months() {
    return months;
  }

  /** Returns which small objects lifecycle transitions. */
  public TransitionMinimumSize transitionMinimumSize() {
    return transitionMinimumSize;
  }

  /**
   * Projects the catalog's policies as they stand: each kind's upload class, transitions and
   * expiration.
   *
   * @throws IllegalArgumentException if the price list lacks a class the catalog or the workload
   *     uses
   */
  public CostProjection project(PolicyCatalog catalog) {
    return run(Scenario.policy(Require.nonNull(catalog, "catalog")));
  }

  /**
   * Projects every kind uploaded to {@code storageClass} and never moved, each still expiring as
   * the catalog says; objects already stored in a warmer class move to it at once, with their
   * transition fee (those in a colder class stay: lifecycle never warms an object).
   *
   * @throws IllegalArgumentException if the class is not one the model prices, or the price list
   *     lacks it
   */
  public CostProjection projectInOneClass(PolicyCatalog catalog, StorageClass storageClass) {
    Require.nonNull(catalog, "catalog");
    Require.nonNull(storageClass, "storageClass");
    Require.argument(StorageClasses.rank(storageClass) >= 0,
        "storageClass must be one of %s, but was %s", StorageClasses.names(), storageClass);
    return run(Scenario.inOneClass(catalog, storageClass));
  }

  /**
   * Projects the catalog side by side with all STANDARD and all INTELLIGENT_TIERING, with the
   * catalog's warnings.
   *
   * @throws IllegalArgumentException if the price list lacks a class one of them uses
   */
  public CostComparison compare(PolicyCatalog catalog) {
    CostProjection policy = project(catalog);
    CostProjection standard = projectInOneClass(catalog, StorageClass.STANDARD);
    return new CostComparison(policy, standard,
        projectInOneClass(catalog, StorageClass.INTELLIGENT_TIERING),
        warnings(catalog, policy, standard));
  }

  /**
   * Returns the catalog's rules that lose money on this workload: transitions of objects below
   * their break-even size, transitions whose fees exceed what they save, objects leaving a class
   * before its minimum storage duration, and kinds whose policy costs more than STANDARD over the
   * projection (reads of colder classes included).
   *
   * @throws IllegalArgumentException if the price list lacks a class the catalog uses
   */
  public List<CostWarning> warnings(PolicyCatalog catalog) {
    Require.nonNull(catalog, "catalog");
    return warnings(catalog, project(catalog), projectInOneClass(catalog, StorageClass.STANDARD));
  }

  private List<CostWarning> warnings(PolicyCatalog catalog, CostProjection policy,
      CostProjection standard) {
    PolicyReview review = new PolicyReview(prices, months, transitionMinimumSize);
    List<CostWarning> warnings = new ArrayList<>(review.warnings(catalog, workload));
    warnings.addAll(review.kindWarnings(catalog, policy, standard));
    return List.copyOf(warnings);
  }

  /**
   * Returns the break-even object size of every transition in the catalog, whatever the workload.
   *
   * @throws IllegalArgumentException if the price list lacks a class the catalog uses
   */
  public List<RuleBreakEven> breakEvens(PolicyCatalog catalog) {
    Require.nonNull(catalog, "catalog");
    return new PolicyReview(prices, months, transitionMinimumSize).breakEvens(catalog);
  }

  /**
   * Returns what changing from {@code before} to {@code after} does to each changed kind's
   * monthly cost at {@code month}.
   *
   * @throws IllegalArgumentException if the month is not between 1 and {@link #months()}, or the
   *     price list lacks a class either catalog uses
   */
  public PolicyChangeCost change(PolicyCatalog before, PolicyCatalog after, int month) {
    Require.nonNull(before, "before");
    Require.nonNull(after, "after");
    Require.argument(month >= 1 && month <= months, "month must be between 1 and %s, but was %s",
        months, month);
    CostProjection was = project(before);
    CostProjection is = project(after);
    List<KindCostChange> kinds = new ArrayList<>();
    for (StoragePolicy policy : after.policies()) {
      List<String> changes = PolicyDiff.changes(before.policy(policy.kind()), policy);
      if (!changes.isEmpty()) {
        kinds.add(new KindCostChange(policy.kind(), String.join("; ", changes), month,
            was.month(month, policy.kind()), is.month(month, policy.kind())));
      }
    }
    return new PolicyChangeCost(month, kinds);
  }

  /**
   * Returns what applying a lifecycle plan does to each kind's monthly cost at {@code month}: the
   * bucket's rules as they are today against {@code catalog}, the policy the plan brings in
   * ("PRODUCT_IMAGE: STANDARD_IA at 120 instead of 90 days: +$0.01 per month at month 12"). A kind
   * without a rule today is priced as staying in its upload class.
   *
   * @throws IllegalArgumentException as {@link #change(PolicyCatalog, PolicyCatalog, int)}
   */
  public PolicyChangeCost change(dev.stockroom.lifecycle.LifecyclePlan plan,
      PolicyCatalog catalog, int month) {
    Require.nonNull(plan, "plan");
    Require.nonNull(catalog, "catalog");
    return change(PlanCosts.current(plan, catalog), catalog, month);
  }

  private CostProjection run(Scenario scenario) {
    return new CostProjection(scenario.name(),
        Projector.project(scenario, workload, prices, months, transitionMinimumSize));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CostModel that && prices.equals(that.prices)
        && workload.equals(that.workload) && months == that.months
        && transitionMinimumSize == that.transitionMinimumSize;
  }

  @Override
  public int hashCode() {
    return workload.hashCode() * 31 + months;
  }

  @Override
  public String toString() {
    return "CostModel{prices=" + prices.region() + " " + prices.effective() + ", months=" + months
        + ", transitionMinimumSize=" + transitionMinimumSize + ", workload=" + workload + '}';
  }

  /** Builds a {@link CostModel}; setters check their argument, {@link #build()} the rest. */
  public static final class Builder {
    private PriceList prices;
    private Workload workload;
    private int months = 36;
    private TransitionMinimumSize transitionMinimumSize =
        TransitionMinimumSize.ALL_STORAGE_CLASSES_128K;

    private Builder() {}

    /** Sets the prices (default: {@link PriceList#usEast1()}). */
    public Builder prices(PriceList prices) {
      this.prices = Require.nonNull(prices, "prices");
      return this;
    }

    /** Sets the workload to project (required). */
    public Builder workload(Workload workload) {
      this.workload = Require.nonNull(workload, "workload");
      return this;
    }

    /**
     * Sets the months to project (default 36).
     *
     * @throws IllegalArgumentException if {@code months} is not between 1 and {@value CostModel#MAX_MONTHS}
     */
    public Builder months(int months) {
      Require.argument(months >= 1 && months <= MAX_MONTHS,
          "months must be between 1 and %s, but was %s", MAX_MONTHS, months);
      this.months = months;
      return this;
    }

    /** Sets which small objects lifecycle transitions (default: S3's 128 KB for every class). */
    public Builder transitionMinimumSize(TransitionMinimumSize transitionMinimumSize) {
      this.transitionMinimumSize = Require.nonNull(transitionMinimumSize,
          "transitionMinimumSize");
      return this;
    }

    /**
     * Returns the model; the builder stays usable.
     *
     * @throws IllegalArgumentException if no workload was set
     */
    public CostModel build() {
      Require.argument(workload != null, "workload must be set");
      if (prices == null) {
        prices = PriceList.usEast1();
      }
      return new CostModel(this);
    }
  }
}
