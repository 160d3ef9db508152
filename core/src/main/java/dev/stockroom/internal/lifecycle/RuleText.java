package dev.stockroom.internal.lifecycle;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;

/** Describes a lifecycle rule in one readable line, for plans and logs. */
final class RuleText {

  private RuleText() {}

  /** Returns e.g. {@code stockroom.product-image [media/product-images/]: STANDARD_IA at 90 days}. */
  static String describe(LifecycleRule rule) {
    LifecycleRule canonical = RuleNormalizer.normalize(rule);
    List<String> actions = new ArrayList<>();
    if (canonical.hasTransitions()) {
      canonical.transitions().forEach(t -> actions.add(t.storageClassAsString() + " at "
          + (t.days() != null ? t.days() + " days" : t.date())));
    }
    if (canonical.expiration() != null) {
      var expiration = canonical.expiration();
      if (expiration.days() != null) {
        actions.add("expire at " + expiration.days() + " days");
      } else if (expiration.date() != null) {
        actions.add("expire on " + expiration.date());
      }
      if (Boolean.TRUE.equals(expiration.expiredObjectDeleteMarker())) {
        actions.add("remove expired delete markers");
      }
    }
    if (canonical.hasNoncurrentVersionTransitions()) {
      canonical.noncurrentVersionTransitions().forEach(t -> actions.add("noncurrent versions to "
          + t.storageClassAsString() + " after " + t.noncurrentDays() + " days"));
    }
    if (canonical.noncurrentVersionExpiration() != null) {
      actions.add("noncurrent versions expire after "
          + canonical.noncurrentVersionExpiration().noncurrentDays() + " days");
    }
    if (canonical.abortIncompleteMultipartUpload() != null) {
      actions.add("abort incomplete multipart uploads after "
          + canonical.abortIncompleteMultipartUpload().daysAfterInitiation() + " days");
    }
    String status = canonical.status() == ExpirationStatus.ENABLED ? ""
        : " (" + canonical.statusAsString() + ")";
    return canonical.id() + " [" + scope(canonical.filter()) + "]" + status + ": "
        + (actions.isEmpty() ? "no action" : String.join(", ", actions));
  }

  private static String scope(LifecycleRuleFilter filter) {
    if (filter.tag() != null || filter.and() != null || filter.objectSizeGreaterThan() != null
        || filter.objectSizeLessThan() != null) {
      return "filter " + filter;
    }
    return filter.prefix().isEmpty() ? "whole bucket" : filter.prefix();
  }
}
