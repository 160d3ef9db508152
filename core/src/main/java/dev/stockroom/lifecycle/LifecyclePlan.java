package dev.stockroom.lifecycle;

import java.util.List;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * The difference between a bucket's lifecycle configuration and the policy: the owned rules to
 * add, change or remove, the owned rules already right, and the foreign rules that stay as they
 * are. Immutable. {@link #toString()} shows the plan as readable text, one line per rule.
 */
public interface LifecyclePlan {

  /** Returns the bucket the plan is for. */
  String bucket();

  /** Returns the changes to owned rules; empty when the bucket already matches the policy. */
  List<RuleChange> changes();

  /** Returns the owned rules that already match the policy. */
  List<LifecycleRule> unchanged();

  /** Returns the rules Stockroom does not own, which it keeps exactly as they are. */
  List<LifecycleRule> foreignRules();

  /**
   * Returns the bucket's whole lifecycle configuration once the plan is applied: every rule in
   * its place (foreign rules as they are, owned rules as the policy wants them), then the owned
   * rules the bucket lacks.
   */
  List<LifecycleRule> resultingRules();

  /** Returns whether applying the plan writes anything. */
  default boolean hasChanges() {
    return !changes().isEmpty();
  }

  /** Returns the changes of one type. */
  default List<RuleChange> changes(RuleChange.Type type) {
    return changes().stream().filter(c -> c.type() == type).toList();
  }
}
