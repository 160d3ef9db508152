package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The object size from which one lifecycle transition saves money: below it, the transition fee
 * (and any minimum-duration charge) exceeds what the colder class saves over the days the object
 * spends there. Immutable.
 */
public final class RuleBreakEven {

  private final DataKind kind;
  private final StorageClass from;
  private final StorageClass to;
  private final int days;
  private final long daysInTarget;
  private final Long breakEvenBytes;

  RuleBreakEven(DataKind kind, StorageClass from, StorageClass to, int days, long daysInTarget,
      OptionalLong breakEvenBytes) {
    this.kind = Require.nonNull(kind, "kind");
    this.from = Require.nonNull(from, "from");
    this.to = Require.nonNull(to, "to");
    this.days = days;
    this.daysInTarget = daysInTarget;
    this.breakEvenBytes = breakEvenBytes.isPresent() ? breakEvenBytes.getAsLong() : null;
  }

  /** Returns the kind whose rule this is. */
  public DataKind kind() {
    return kind;
  }

  /** Returns the class objects leave. */
  public StorageClass from() {
    return from;
  }

  /** Returns the class objects move to. */
  public StorageClass to() {
    return to;
  }

  /** Returns the rule's day count: objects move this many days after creation. */
  public int days() {
    return days;
  }

  /**
   * Returns the days objects spend in the target class: until the next transition or expiration,
   * or the projection's length when the policy keeps them there.
   */
  public long daysInTarget() {
    return daysInTarget;
  }

  /** Returns the break-even size in bytes, or empty when no object (up to 5 TiB) saves money. */
  public OptionalLong breakEvenBytes() {
    return breakEvenBytes == null ? OptionalLong.empty() : OptionalLong.of(breakEvenBytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleBreakEven that && kind == that.kind && from == that.from
        && to == that.to && days == that.days && daysInTarget == that.daysInTarget
        && Objects.equals(breakEvenBytes, that.breakEvenBytes);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, from, to, days, daysInTarget, breakEvenBytes);
  }

  @Override
  public String toString() {
    return kind + ": " + to + " at " + days + " days (from " + from + ", " + daysInTarget
        + " days there): " + (breakEvenBytes == null ? "never breaks even"
            : "breaks even at " + Sizes.format(breakEvenBytes));
  }
}
