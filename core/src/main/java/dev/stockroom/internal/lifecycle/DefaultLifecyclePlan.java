package dev.stockroom.internal.lifecycle;

import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.lifecycle.RuleChange;
import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/** A lifecycle plan; see {@link LifecyclePlan}. */
record DefaultLifecyclePlan(String bucket, List<RuleChange> changes, List<LifecycleRule> unchanged,
    List<LifecycleRule> foreignRules, List<LifecycleRule> resultingRules)
    implements LifecyclePlan {

  DefaultLifecyclePlan {
    Require.nonNull(bucket, "bucket");
    changes = List.copyOf(changes);
    unchanged = List.copyOf(unchanged);
    foreignRules = List.copyOf(foreignRules);
    resultingRules = List.copyOf(resultingRules);
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
