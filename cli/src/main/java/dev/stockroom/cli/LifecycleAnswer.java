package dev.stockroom.cli;

import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.lifecycle.RuleChange;
import java.util.LinkedHashMap;
import java.util.Map;

/** A lifecycle plan as the {@code plan} and {@code apply} commands answer it. */
final class LifecycleAnswer {

  private LifecycleAnswer() {}

  static Map<String, Object> json(LifecyclePlan plan, boolean applied) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("bucket", plan.bucket());
    data.put("changes", plan.changes().stream().map(LifecycleAnswer::change).toList());
    data.put("unchanged", plan.unchanged().stream().map(rule -> rule.id()).toList());
    data.put("foreignRules", plan.foreignRules().stream().map(rule -> rule.id()).toList());
    data.put("applied", applied);
    return data;
  }

  private static Map<String, Object> change(RuleChange change) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("type", change.type().name());
    data.put("rule", change.ruleId());
    data.put("before", change.before().map(Object::toString).orElse(null));
    data.put("after", change.after().map(Object::toString).orElse(null));
    return data;
  }
}
