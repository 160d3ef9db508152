package dev.stockroom.lifecycle;

import dev.stockroom.internal.Require;
import dev.stockroom.internal.lifecycle.RuleText;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * The difference between a bucket's lifecycle configuration and the policy: the owned rules to
 * add, change or remove, the owned rules already right, and the foreign rules that stay as they are.
 */
public final class LifecyclePlan {

  private final String bucket;
  private final List<RuleChange> changes;
  private final List<LifecycleRule> unchanged;
  private final List<LifecycleRule> foreignRules;
  private final List<LifecycleRule> resultingRules;

  private LifecyclePlan(String bucket, List<RuleChange> changes, List<LifecycleRule> unchanged,
      List<LifecycleRule> foreignRules, List<LifecycleRule> resultingRules) {
    this.bucket = bucket;
    this.changes = List.copyOf(changes);
    this.unchanged = List.copyOf(unchanged);
    this.foreignRules = List.copyOf(foreignRules);
    this.resultingRules = List.copyOf(resultingRules);
  }

  /**
   * Returns a plan.
   *
   * @param bucket the bucket
   * @param changes the changes to owned rules
   * @param unchanged the owned rules that already match the policy
   * @param foreignRules the rules Stockroom does not own, in the bucket's order
   * @param resultingRules the whole configuration once the plan is applied
   */
  public static LifecyclePlan of(String bucket, List<RuleChange> changes,
      List<LifecycleRule> unchanged, List<LifecycleRule> foreignRules,
      List<LifecycleRule> resultingRules) {
    return new LifecyclePlan(Require.nonNull(bucket, "bucket"), Require.nonNull(changes, "changes"),
        Require.nonNull(unchanged, "unchanged"), Require.nonNull(foreignRules, "foreignRules"),
        Require.nonNull(resultingRules, "resultingRules"));
  }

  /** Returns the bucket the plan is for. */
  public String bucket() {
    return bucket;
  }

  /** Returns the changes to owned rules; empty when the bucket already matches the policy. */
  public List<RuleChange> changes() {
    return changes;
  }

  /** Returns the owned rules that already match the policy. */
  public List<LifecycleRule> unchanged() {
    return unchanged;
  }

  /** Returns the rules Stockroom does not own, which it keeps exactly as they are. */
  public List<LifecycleRule> foreignRules() {
    return foreignRules;
  }

  /** Returns the bucket's whole lifecycle configuration once the plan is applied. */
  public List<LifecycleRule> resultingRules() {
    return resultingRules;
  }

  /** Returns whether applying the plan writes anything. */
  public boolean hasChanges() {
    return !changes.isEmpty();
  }

  /** Returns the changes of one type. */
  public List<RuleChange> changes(RuleChange.Type type) {
    return changes.stream().filter(c -> c.type() == type).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LifecyclePlan that && bucket.equals(that.bucket)
        && changes.equals(that.changes) && unchanged.equals(that.unchanged)
        && foreignRules.equals(that.foreignRules) && resultingRules.equals(that.resultingRules);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, changes, unchanged, foreignRules, resultingRules);
  }

  /** Returns the plan as readable text: a summary line, then one line per rule. */
  @Override
  public String toString() {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    text.append("Lifecycle plan for bucket '").append(bucket).append("': ")
        .append(changes(RuleChange.Type.ADD).size()).append(" to add, ")
        .append(changes(RuleChange.Type.CHANGE).size()).append(" to change, ")
        .append(changes(RuleChange.Type.REMOVE).size()).append(" to remove, ")
        .append(unchanged.size()).append(" unchanged, ")
        .append(foreignRules.size()).append(" foreign kept");
    List<String> lines = new ArrayList<>();
    changes.forEach(c -> lines.add(c.toString()));
    unchanged.forEach(r -> lines.add("= " + RuleText.describe(r)));
    foreignRules.forEach(r -> lines.add("  foreign " + RuleText.describe(r)));
    lines.forEach(line -> text.append(nl).append("  ").append(line.replace(nl, nl + "  ")));
    return text.toString();
  }
}
