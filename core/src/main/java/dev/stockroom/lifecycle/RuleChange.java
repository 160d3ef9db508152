package dev.stockroom.lifecycle;

import dev.stockroom.internal.Require;
import dev.stockroom.internal.lifecycle.RuleText;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/** One change a {@link LifecyclePlan} makes to a rule Stockroom owns. */
public final class RuleChange {

  /** What happens to the rule. */
  public enum Type {
    /** The rule is missing and will be written. */
    ADD,
    /** The rule differs from the policy (edited by hand, or the policy changed) and will be replaced. */
    CHANGE,
    /** The rule belongs to no current policy and will be deleted. */
    REMOVE
  }

  private final Type type;
  private final String ruleId;
  private final LifecycleRule before;
  private final LifecycleRule after;

  private RuleChange(Type type, String ruleId, LifecycleRule before, LifecycleRule after) {
    this.type = type;
    this.ruleId = ruleId;
    this.before = before;
    this.after = after;
  }

  /** Returns a change that adds {@code rule}. */
  public static RuleChange add(LifecycleRule rule) {
    return new RuleChange(Type.ADD, Require.nonNull(rule, "rule").id(), null, rule);
  }

  /** Returns a change that replaces {@code before} with {@code after}. */
  public static RuleChange change(LifecycleRule before, LifecycleRule after) {
    Require.nonNull(before, "before");
    return new RuleChange(Type.CHANGE, Require.nonNull(after, "after").id(), before, after);
  }

  /** Returns a change that removes {@code rule}. */
  public static RuleChange remove(LifecycleRule rule) {
    return new RuleChange(Type.REMOVE, Require.nonNull(rule, "rule").id(), rule, null);
  }

  /** Returns what happens to the rule. */
  public Type type() {
    return type;
  }

  /** Returns the rule's id. */
  public String ruleId() {
    return ruleId;
  }

  /** Returns the rule as the bucket has it now; empty for {@link Type#ADD}. */
  public Optional<LifecycleRule> before() {
    return Optional.ofNullable(before);
  }

  /** Returns the rule as it will be written; empty for {@link Type#REMOVE}. */
  public Optional<LifecycleRule> after() {
    return Optional.ofNullable(after);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RuleChange that && type == that.type && ruleId.equals(that.ruleId)
        && Objects.equals(before, that.before) && Objects.equals(after, that.after);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, ruleId, before, after);
  }

  /** Returns the change in one or two readable lines. */
  @Override
  public String toString() {
    switch (type) {
      case ADD:
        return "+ " + RuleText.describe(after);
      case REMOVE:
        return "- " + RuleText.describe(before);
      default:
        return "~ " + RuleText.describe(before) + System.lineSeparator() + "  now "
            + RuleText.describe(after);
    }
  }
}
