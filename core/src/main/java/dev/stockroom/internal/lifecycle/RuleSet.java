package dev.stockroom.internal.lifecycle;

import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * The rules one owner keeps in a bucket: the rules it wants, the id prefix of its own rules, and
 * the ids it may have written (a rule with its prefix but another id is someone else's mistake,
 * refused rather than deleted). The policy catalog owns {@code stockroom.} rules in the main bucket
 * but for those under {@code stockroom.backup.}, which the backups own in their buckets; each
 * keeps the other's rules as foreign ones, so a bucket may serve both.
 *
 * @param ownedPrefix the id prefix of the owner's rules
 * @param excludedPrefix an id prefix under {@code ownedPrefix} that another owner has, or null
 * @param desired the rules the owner wants, in order
 * @param knownIds every id the owner may have written, including ones it no longer wants
 */
public record RuleSet(String ownedPrefix, String excludedPrefix, List<LifecycleRule> desired,
    Set<String> knownIds) {

  public RuleSet {
    desired = List.copyOf(desired);
    knownIds = Set.copyOf(knownIds);
  }

  /** Returns whether the rule with {@code id} is the owner's (by its prefix). */
  public boolean owns(String id) {
    return id != null && id.startsWith(ownedPrefix)
        && (excludedPrefix == null || !id.startsWith(excludedPrefix));
  }
}
