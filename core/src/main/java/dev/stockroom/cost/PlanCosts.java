package dev.stockroom.cost;

import dev.stockroom.lifecycle.BucketLifecycle;
import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.lifecycle.RuleChange;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.policy.Transition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * The catalog a bucket's lifecycle rules amount to today, kind by kind, so that a lifecycle plan
 * can be priced: a kind with no owned rule keeps its objects in their upload class forever; a
 * kind whose rule is being changed or removed moves them as the bucket's rule does now.
 */
final class PlanCosts {

  private PlanCosts() {}

  /**
   * Returns {@code catalog} with each kind the plan touches set back to what the bucket does now;
   * a kind whose current rule cannot be expressed as a policy (e.g. a rule edited by hand into a
   * transition S3 would refuse) keeps the catalog's policy and so is not priced.
   */
  static PolicyCatalog current(LifecyclePlan plan, PolicyCatalog catalog) {
    PolicyCatalog.Builder now = catalog.toBuilder();
    for (RuleChange change : plan.changes()) {
      kindOf(change.ruleId()).ifPresent(kind -> {
        try {
          now.policy(asToday(catalog.policy(kind), change.before()));
        } catch (IllegalArgumentException notAPolicy) {
          // the kind keeps its policy: it shows no difference rather than a wrong one
        }
      });
    }
    return now.build();
  }

  private static Optional<DataKind> kindOf(String ruleId) {
    String id = ruleId.substring(BucketLifecycle.OWNED_RULE_PREFIX.length());
    for (DataKind kind : DataKind.values()) {
      if (kind.id().equals(id)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  private static StoragePolicy asToday(StoragePolicy policy, Optional<LifecycleRule> rule) {
    StoragePolicy.Builder today = policy.toBuilder().noTransitions().noExpiration();
    rule.ifPresent(r -> {
      List<Transition> transitions = new ArrayList<>();
      if (r.hasTransitions()) {
        r.transitions().stream().filter(t -> t.days() != null)
            .forEach(t -> transitions.add(Transition.of(t.days(),
                TransitionStorageClass.fromValue(t.storageClassAsString()))));
      }
      today.transitions(transitions);
      if (r.expiration() != null && r.expiration().days() != null) {
        today.expirationDays(r.expiration().days());
      }
    });
    return today.build();
  }
}
