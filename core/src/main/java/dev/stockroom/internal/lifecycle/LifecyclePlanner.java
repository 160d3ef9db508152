package dev.stockroom.internal.lifecycle;

import dev.stockroom.exception.LifecycleConflictException;
import dev.stockroom.lifecycle.BucketLifecycle;
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
    Map<String, LifecycleRule> desired = new LinkedHashMap<>();
    OwnedRules.desired(catalog).forEach(rule -> desired.put(rule.id(), rule));

    List<RuleChange> changes = new ArrayList<>();
    List<LifecycleRule> unchanged = new ArrayList<>();
    List<LifecycleRule> foreign = new ArrayList<>();
    Map<String, LifecycleRule> present = new LinkedHashMap<>();
    for (LifecycleRule rule : current) {
      if (!OwnedRules.isOwnedId(rule.id())) {
        foreign.add(rule);
        continue;
      }
      refuseUnknownOwnedId(bucket, rule);
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
        resulting(current, desired));
  }

  /**
   * Returns the configuration to write: every rule in its place (a foreign rule as it is, an
   * owned one as the policy wants it; an owned rule the policy no longer has is left out), then
   * the owned rules the bucket lacks, in the policy's order.
   */
  private static List<LifecycleRule> resulting(List<LifecycleRule> current,
      Map<String, LifecycleRule> desired) {
    Map<String, LifecycleRule> left = new LinkedHashMap<>(desired);
    List<LifecycleRule> resulting = new ArrayList<>();
    for (LifecycleRule rule : current) {
      if (!OwnedRules.isOwnedId(rule.id())) {
        resulting.add(rule);
      } else if (left.containsKey(rule.id())) {
        resulting.add(left.remove(rule.id()));
      }
    }
    resulting.addAll(left.values());
    return resulting;
  }

  private static void refuseUnknownOwnedId(String bucket, LifecycleRule rule) {
    if (!OwnedRules.isKnownId(rule.id())) {
      // the id comes from the bucket: escaped like any value shown in a message
      throw new LifecycleConflictException(Require.format("lifecycle rule '%s' in bucket '%s' "
          + "uses the id prefix '%s' that Stockroom owns, but is not one of its rules; rename it "
          + "so that Stockroom can leave it alone", rule.id(), bucket,
          BucketLifecycle.OWNED_RULE_PREFIX), bucket, rule.id());
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
