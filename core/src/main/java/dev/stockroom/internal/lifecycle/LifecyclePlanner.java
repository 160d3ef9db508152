package dev.stockroom.internal.lifecycle;

import dev.stockroom.exception.LifecycleConflictException;
import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.lifecycle.RuleChange;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/** Compares a bucket's lifecycle rules with the ones the policy asks for. Pure: no I/O. */
public final class LifecyclePlanner {

  /** S3 accepts at most this many rules in one lifecycle configuration. */
  public static final int MAX_RULES = 1000;

  private LifecyclePlanner() {}

  /**
   * Returns the plan that turns {@code current} into the policy's rules plus every foreign rule.
   *
   * @throws LifecycleConflictException if a rule Stockroom does not write uses its id prefix, or if
   *     the result would pass {@value #MAX_RULES} rules
   */
  public static LifecyclePlan plan(String bucket, List<LifecycleRule> current,
      PolicyCatalog catalog) {
    return plan(bucket, current, OwnedRules.ruleSet(catalog));
  }

  /**
   * Returns the plan that turns {@code current} into {@code rules}' desired rules plus every rule
   * they do not own.
   *
   * @throws LifecycleConflictException if a rule with the owned id prefix is not one the owner
   *     writes, or if the result would pass {@value #MAX_RULES} rules
   */
  public static LifecyclePlan plan(String bucket, List<LifecycleRule> current, RuleSet rules) {
    Map<String, LifecycleRule> desired = new LinkedHashMap<>();
    rules.desired().forEach(rule -> desired.put(rule.id(), rule));

    List<RuleChange> changes = new ArrayList<>();
    List<LifecycleRule> unchanged = new ArrayList<>();
    List<LifecycleRule> foreign = new ArrayList<>();
    Map<String, LifecycleRule> present = new LinkedHashMap<>();
    for (LifecycleRule rule : current) {
      if (!rules.owns(rule.id())) {
        foreign.add(rule);
        continue;
      }
      refuseUnknownOwnedId(bucket, rule, rules);
      present.put(rule.id(), rule);
    }
    desired.forEach((id, wanted) -> {
      LifecycleRule existing = present.get(id);
      if (existing == null) {
        changes.add(DefaultRuleChange.add(wanted));
      } else if (RuleNormalizer.normalize(existing).equals(RuleNormalizer.normalize(wanted))) {
        unchanged.add(existing);
      } else {
        changes.add(DefaultRuleChange.change(existing, wanted));
      }
    });
    present.forEach((id, existing) -> {
      if (!desired.containsKey(id)) {
        changes.add(DefaultRuleChange.remove(existing));
      }
    });

    refuseOverLimit(bucket, foreign.size(), desired.size());
    return new DefaultLifecyclePlan(bucket, changes, unchanged, foreign,
        resulting(current, desired, rules));
  }

  /**
   * Returns the configuration to write: every rule in its place (a foreign rule as it is, an
   * owned one as the policy wants it; an owned rule the policy no longer has is left out), then
   * the owned rules the bucket lacks, in the policy's order.
   */
  private static List<LifecycleRule> resulting(List<LifecycleRule> current,
      Map<String, LifecycleRule> desired, RuleSet rules) {
    Map<String, LifecycleRule> left = new LinkedHashMap<>(desired);
    List<LifecycleRule> resulting = new ArrayList<>();
    for (LifecycleRule rule : current) {
      if (!rules.owns(rule.id())) {
        resulting.add(rule);
      } else if (left.containsKey(rule.id())) {
        resulting.add(left.remove(rule.id()));
      }
    }
    resulting.addAll(left.values());
    return resulting;
  }

  private static void refuseUnknownOwnedId(String bucket, LifecycleRule rule, RuleSet rules) {
    if (!rules.knownIds().contains(rule.id())) {
      // the id comes from the bucket: escaped like any value shown in a message
      throw new LifecycleConflictException(Require.format("lifecycle rule '%s' in bucket '%s' "
          + "uses the id prefix '%s' that Stockroom owns, but is not one of its rules; rename it "
          + "so that Stockroom can leave it alone", rule.id(), bucket, rules.ownedPrefix()),
          bucket, rule.id());
    }
  }

  private static void refuseOverLimit(String bucket, int foreign, int owned) {
    if (foreign + owned > MAX_RULES) {
      throw new LifecycleConflictException("bucket '" + bucket + "' would hold " + (foreign + owned)
          + " lifecycle rules (" + foreign + " foreign + " + owned + " owned by Stockroom), but S3 "
          + "allows at most " + MAX_RULES, bucket, null);
    }
  }
}
