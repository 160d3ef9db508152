package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.util.Objects;

/**
 * How one kind's policy changed and what that does to its monthly cost at a given month.
 * Immutable; {@link #toString()} reads "PRODUCT_IMAGE: STANDARD_IA at 120 instead of 90 days:
 * +$4.20 per month at month 12".
 */
public final class KindCostChange {

  private final DataKind kind;
  private final String description;
  private final int month;
  private final double before;
  private final double after;

  KindCostChange(DataKind kind, String description, int month, double before, double after) {
    this.kind = Require.nonNull(kind, "kind");
    this.description = Require.nonNull(description, "description");
    this.month = month;
    this.before = before;
    this.after = after;
  }

  /** Returns the kind. */
  public DataKind kind() {
    return kind;
  }

  /** Returns what changed in the kind's policy ("STANDARD_IA at 120 instead of 90 days"). */
  public String description() {
    return description;
  }

  /** Returns the month the costs are for. */
  public int month() {
    return month;
  }

  /** Returns the kind's cost in that month under the old policy. */
  public double before() {
    return before;
  }

  /** Returns the kind's cost in that month under the new policy. */
  public double after() {
    return after;
  }

  /** Returns {@code after - before}: positive when the change costs more. */
  public double difference() {
    return after - before;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KindCostChange that && kind == that.kind
        && description.equals(that.description) && month == that.month
        && before == that.before && after == that.after;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, description, month, before, after);
  }

  @Override
  public String toString() {
    return kind + ": " + description + ": " + Usd.signed(difference()) + " per month at month "
        + month;
  }
}
