package dev.stockroom.internal.lifecycle;

import dev.stockroom.lifecycle.RuleChange;
import dev.stockroom.validation.Require;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/** One change to an owned rule; see {@link RuleChange}. */
record DefaultRuleChange(Type type, String ruleId, LifecycleRule beforeOrNull,
    LifecycleRule afterOrNull) implements RuleChange {

  static RuleChange add(LifecycleRule rule) {
    return new DefaultRuleChange(Type.ADD, Require.nonNull(rule, "rule").id(), null, rule);
  }

  static RuleChange change(LifecycleRule before, LifecycleRule after) {
    Require.nonNull(before, "before");
    return new DefaultRuleChange(Type.CHANGE, Require.nonNull(after, "after").id(), before, after);
  }

  static RuleChange remove(LifecycleRule rule) {
    return new DefaultRuleChange(Type.REMOVE, Require.nonNull(rule, "rule").id(), rule, null);
  }

  @Override
  public Optional<LifecycleRule> before() {
    return Optional.ofNullable(beforeOrNull);
  }

  @Override
  public Optional<LifecycleRule> after() {
    return Optional.ofNullable(afterOrNull);
  }

  @Override
  public String toString() {
    return switch (type) {
      case ADD -> "+ " + RuleText.describe(afterOrNull);
      case REMOVE -> "- " + RuleText.describe(beforeOrNull);
      case CHANGE -> "~ " + RuleText.describe(beforeOrNull) + System.lineSeparator() + "  now "
          + RuleText.describe(afterOrNull);
    };
  }
}
