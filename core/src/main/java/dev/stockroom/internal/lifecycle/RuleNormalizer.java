package dev.stockroom.internal.lifecycle;

import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.Transition;

/**
 * Brings a lifecycle rule into one canonical form, so that a rule read back from S3 equals the rule
 * that was written when they mean the same: S3 (and S3-compatible stores) may answer with the
 * legacy top-level prefix, omit an empty filter prefix, spell out default flags or reorder
 * transitions.
 */
// The deprecated top-level prefix is read (and cleared) on purpose: S3 still answers with it for
// rules written by older tools.
@SuppressWarnings("deprecation")
final class RuleNormalizer {

  private RuleNormalizer() {}

  static LifecycleRule normalize(LifecycleRule rule) {
    LifecycleRule.Builder canonical = rule.toBuilder()
        .prefix(null)
        .filter(filter(rule))
        .expiration(expiration(rule.expiration()));
    if (rule.hasTransitions() && !rule.transitions().isEmpty()) {
      canonical.transitions(rule.transitions().stream()
          .sorted(Comparator.comparing(Transition::days, Comparator.nullsFirst(Integer::compare)))
          .toList());
    } else {
      canonical.transitions((List<Transition>) null);
    }
    if (!rule.hasNoncurrentVersionTransitions() || rule.noncurrentVersionTransitions().isEmpty()) {
      canonical.noncurrentVersionTransitions((List<software.amazon.awssdk.services.s3.model
          .NoncurrentVersionTransition>) null);
    }
    return canonical.build();
  }

  private static LifecycleRuleFilter filter(LifecycleRule rule) {
    LifecycleRuleFilter filter = rule.filter();
    if (filter == null) {
      return LifecycleRuleFilter.builder().prefix(rule.prefix() == null ? "" : rule.prefix())
          .build();
    }
    boolean onlyPrefix = filter.tag() == null && filter.and() == null
        && filter.objectSizeGreaterThan() == null && filter.objectSizeLessThan() == null;
    if (onlyPrefix && filter.prefix() == null) {
      return filter.toBuilder().prefix("").build();
    }
    return filter;
  }

  private static LifecycleExpiration expiration(LifecycleExpiration expiration) {
    if (expiration == null) {
      return null;
    }
    LifecycleExpiration canonical = Boolean.FALSE.equals(expiration.expiredObjectDeleteMarker())
        ? expiration.toBuilder().expiredObjectDeleteMarker(null).build()
        : expiration;
    boolean empty = canonical.days() == null && canonical.date() == null
        && canonical.expiredObjectDeleteMarker() == null;
    return empty ? null : canonical;
  }
}
