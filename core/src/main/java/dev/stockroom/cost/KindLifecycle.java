package dev.stockroom.cost;

import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.policy.Transition;
import java.util.List;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * What happens to one kind's objects over time in a scenario: the class they are uploaded to,
 * the lifecycle transitions (in hours after creation) and the expiration.
 *
 * @param uploadClass the class objects are uploaded to
 * @param steps the transitions, in increasing time
 * @param expirationHours hours after creation at which objects are deleted, or
 *     {@link Long#MAX_VALUE} when they are kept
 */
record KindLifecycle(StorageClass uploadClass, List<Step> steps, long expirationHours) {

  static final long HOURS_PER_DAY = 24;
  static final long KEPT = Long.MAX_VALUE;

  KindLifecycle {
    steps = List.copyOf(steps);
  }

  /**
   * A lifecycle transition.
   *
   * @param days days after creation
   * @param target the class objects move to
   */
  record Step(int days, StorageClass target) {
    long hours() {
      return days * HOURS_PER_DAY;
    }
  }

  /** Returns the lifecycle a policy gives its kind. */
  static KindLifecycle of(StoragePolicy policy) {
    List<Step> steps = policy.transitions().stream().map(KindLifecycle::step).toList();
    return new KindLifecycle(policy.storageClass(), steps, expiration(policy));
  }

  /**
   * Returns the policy's kind uploaded to {@code storageClass} and expired as before; objects
   * already stored in a warmer class move there at once (a lifecycle rule at day 0, with its
   * transition fee), since "everything in that class" is the scenario. Objects in a colder class
   * stay: lifecycle never warms an object.
   */
  static KindLifecycle inOneClass(StoragePolicy policy, StorageClass storageClass) {
    return new KindLifecycle(storageClass, List.of(new Step(0, storageClass)), expiration(policy));
  }

  private static Step step(Transition transition) {
    return new Step(transition.days(), StorageClass.fromValue(transition.storageClass().toString()));
  }

  private static long expiration(StoragePolicy policy) {
    return policy.expirationDays().isPresent()
        ? policy.expirationDays().getAsInt() * HOURS_PER_DAY : KEPT;
  }
}
