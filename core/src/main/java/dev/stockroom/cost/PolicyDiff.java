package dev.stockroom.cost;

import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.policy.Transition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Describes, in a few words, how a kind's storage changed between two policies: the upload class,
 * each transition and the expiration ("STANDARD_IA at 120 instead of 90 days"). Only what costs
 * money is compared.
 */
final class PolicyDiff {

  private PolicyDiff() {}

  /** Returns the changes, or an empty list when the two store the kind alike. */
  static List<String> changes(StoragePolicy before, StoragePolicy after) {
    List<String> changes = new ArrayList<>();
    if (before.storageClass() != after.storageClass()) {
      changes.add("uploads to " + after.storageClass() + " instead of " + before.storageClass());
    }
    transitionChanges(before, after, changes);
    expirationChange(before.expirationDays(), after.expirationDays(), changes);
    return changes;
  }

  private static void transitionChanges(StoragePolicy before, StoragePolicy after,
      List<String> changes) {
    Map<String, Integer> was = byTarget(before.transitions());
    Map<String, Integer> is = byTarget(after.transitions());
    for (Map.Entry<String, Integer> entry : is.entrySet()) {
      Integer old = was.get(entry.getKey());
      if (old == null) {
        changes.add("adds " + entry.getKey() + " at " + entry.getValue() + " days");
      } else if (!old.equals(entry.getValue())) {
        changes.add(entry.getKey() + " at " + entry.getValue() + " instead of " + old + " days");
      }
    }
    was.forEach((target, days) -> {
      if (!is.containsKey(target)) {
        changes.add("drops " + target + " at " + days + " days");
      }
    });
  }

  private static Map<String, Integer> byTarget(List<Transition> transitions) {
    Map<String, Integer> byTarget = new LinkedHashMap<>();
    transitions.forEach(t -> byTarget.put(t.storageClass().toString(), t.days()));
    return byTarget;
  }

  private static void expirationChange(OptionalInt before, OptionalInt after,
      List<String> changes) {
    if (before.equals(after)) {
      return;
    }
    if (after.isEmpty()) {
      changes.add("kept instead of expiring at " + before.getAsInt() + " days");
    } else if (before.isEmpty()) {
      changes.add("expires at " + after.getAsInt() + " days instead of being kept");
    } else {
      changes.add("expires at " + after.getAsInt() + " instead of " + before.getAsInt() + " days");
    }
  }
}
