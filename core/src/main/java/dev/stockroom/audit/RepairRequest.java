package dev.stockroom.audit;

import dev.stockroom.validation.Require;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.Tier;

/**
 * How to repair: which findings, where (in-process or Batch Operations), whether to restore
 * archived objects first, how many requests at once, and who hears of each outcome.
 */
public final class RepairRequest {

  /** The most requests in flight at once in-process. */
  public static final int MAX_CONCURRENCY = 256;

  private final Set<Finding> findings;
  private final RepairMode mode;
  private final int restoreDays;
  private final Tier restoreTier;
  private final int concurrency;
  private final Consumer<RepairOutcome> listener;

  private RepairRequest(Builder builder) {
    this.findings = Set.copyOf(builder.findings);
    this.mode = builder.mode;
    this.restoreDays = builder.restoreDays;
    this.restoreTier = builder.restoreTier;
    this.concurrency = builder.concurrency;
    this.listener = builder.listener;
  }

  /** Returns the defaults: every finding, AUTO mode, no restores, 16 requests at once. */
  public static RepairRequest defaults() {
    return builder().build();
  }

  /** Returns a new builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the findings to repair; objects with none of them are left alone. */
  public Set<Finding> findings() {
    return findings;
  }

  /** Returns where the repair runs. */
  public RepairMode mode() {
    return mode;
  }

  /** Returns for how many days archived objects are restored before their copy, if asked. */
  public Optional<Integer> restoreDays() {
    return restoreDays == 0 ? Optional.empty() : Optional.of(restoreDays);
  }

  /** Returns the restore tier (BULK by default: the cheapest, within about 48 hours). */
  public Tier restoreTier() {
    return restoreTier;
  }

  /** Returns the most requests in flight at once in-process. */
  public int concurrency() {
    return concurrency;
  }

  /** Returns who hears of each outcome of an in-process repair, if anyone. */
  public Optional<Consumer<RepairOutcome>> listener() {
    return Optional.ofNullable(listener);
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.findings = EnumSet.noneOf(Finding.class);
    builder.findings.addAll(findings);
    builder.mode = mode;
    builder.restoreDays = restoreDays;
    builder.restoreTier = restoreTier;
    builder.concurrency = concurrency;
    builder.listener = listener;
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RepairRequest other && findings.equals(other.findings)
        && mode == other.mode && restoreDays == other.restoreDays
        && restoreTier == other.restoreTier && concurrency == other.concurrency
        && Objects.equals(listener, other.listener);
  }

  @Override
  public int hashCode() {
    return Objects.hash(findings, mode, restoreDays, restoreTier, concurrency, listener);
  }

  @Override
  public String toString() {
    return "repair of " + (findings.size() == Finding.values().length ? "every finding"
        : findings) + ", " + mode + (restoreDays == 0 ? "" : ", restoring archived objects for "
        + restoreDays + " days (" + restoreTier + ")") + ", " + concurrency + " at once";
  }

  /** Builds a {@link RepairRequest}; each setter checks its value. */
  public static final class Builder {

    private Set<Finding> findings = EnumSet.allOf(Finding.class);
    private RepairMode mode = RepairMode.AUTO;
    private int restoreDays;
    private Tier restoreTier = Tier.BULK;
    private int concurrency = 16;
    private Consumer<RepairOutcome> listener;

    private Builder() {}

    /**
     * Repairs only these findings (an object's other findings stay as they are, unless the copy
     * that fixes a selected one fixes them too).
     *
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if none is given
     */
    public Builder only(Finding... findings) {
      Require.nonNull(findings, "findings");
      Require.argument(findings.length > 0, "only needs at least one finding");
      Arrays.stream(findings).forEach(finding -> Require.nonNull(finding, "finding"));
      this.findings = EnumSet.copyOf(Arrays.asList(findings));
      return this;
    }

    /**
     * Sets where the repair runs.
     *
     * @throws NullPointerException if {@code mode} is null
     */
    public Builder mode(RepairMode mode) {
      this.mode = Require.nonNull(mode, "mode");
      return this;
    }

    /**
     * Restores archived objects (GLACIER, DEEP_ARCHIVE) that need a copy, for {@code days} days
     * at {@code tier}; the copy happens in a later repair, once the restore completes. Restores
     * cost a retrieval fee per GB and per request.
     *
     * @throws NullPointerException if {@code tier} is null
     * @throws IllegalArgumentException unless 1 ≤ days ≤ 30 and the tier is one S3 knows
     */
    public Builder restoreArchived(int days, Tier tier) {
      Require.nonNull(tier, "tier");
      Require.argument(days >= 1 && days <= 30, "restore days must be between 1 and 30, but was "
          + "%s", days);
      Require.argument(tier != Tier.UNKNOWN_TO_SDK_VERSION, "restore tier must be one S3 knows, "
          + "but was %s", tier);
      this.restoreDays = days;
      this.restoreTier = tier;
      return this;
    }

    /**
     * Sends at most {@code concurrency} requests at once in-process.
     *
     * @throws IllegalArgumentException unless 1 ≤ concurrency ≤ {@value RepairRequest#MAX_CONCURRENCY}
     */
    public Builder concurrency(int concurrency) {
      Require.argument(concurrency >= 1 && concurrency <= MAX_CONCURRENCY,
          "concurrency must be between 1 and %s, but was %s", MAX_CONCURRENCY, concurrency);
      this.concurrency = concurrency;
      return this;
    }

    /**
     * Tells {@code listener} of each outcome as it happens (in-process), from the threads that
     * complete the requests: keep it quick and thread-safe.
     *
     * @throws NullPointerException if {@code listener} is null
     */
    public Builder listener(Consumer<RepairOutcome> listener) {
      this.listener = Require.nonNull(listener, "listener");
      return this;
    }

    /** Returns the request. */
    public RepairRequest build() {
      return new RepairRequest(this);
    }
  }
}
