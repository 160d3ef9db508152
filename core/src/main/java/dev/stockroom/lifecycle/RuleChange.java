package dev.stockroom.lifecycle;

import java.util.Optional;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * One change a {@link LifecyclePlan} makes to a rule Stockroom owns. {@link #toString()} shows it
 * in one or two readable lines.
 */
public interface RuleChange {

  /** What happens to the rule. */
  enum Type {
    /** The rule is missing and will be written. */
    ADD,
    /** The rule differs from the policy (edited by hand, or the policy changed) and will be replaced. */
    CHANGE,
    /** The rule belongs to no current policy and will be deleted. */
    REMOVE
  }

  /** Returns what happens to the rule. */
  Type type();

  /** Returns the rule's id. */
  String ruleId();

  /** Returns the rule as the bucket has it now; empty for {@link Type#ADD}. */
  Optional<LifecycleRule> before();

  /** Returns the rule as it will be written; empty for {@link Type#REMOVE}. */
  Optional<LifecycleRule> after();
}
