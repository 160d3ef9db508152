package dev.stockroom.internal.protection;

import dev.stockroom.internal.lifecycle.OwnedRules;
import dev.stockroom.internal.lifecycle.RuleSet;
import dev.stockroom.protection.BackupTier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * The lifecycle rules that enforce the tiers' retentions in a backup bucket, two per tier kept
 * there. On the copies ({@code stockroom.backup.<tier>}): a version the source replaced or deleted
 * expires {@code retention} days after it stopped being current, a delete marker left alone is
 * removed, and incomplete multipart copies are aborted after 7 days. On the manifests ({@code
 * stockroom.backup.<tier>-manifests}): a manifest expires {@code retention} days after its backup,
 * and is gone for good a day later. So every version a manifest names outlives the manifest.
 */
final class BackupRules {

  private static final int ABORT_DAYS = 7;

  private BackupRules() {}

  /** Returns the rule set of {@code bucket}: the rules of the tiers {@code places} put there. */
  static RuleSet ruleSet(BackupLayout layout, String bucket) {
    List<LifecycleRule> desired = new ArrayList<>();
    for (TierPlace place : layout.places()) {
      if (place.bucket().equals(bucket)) {
        desired.add(copies(layout, place));
        desired.add(manifests(layout, place));
      }
    }
    Set<String> known = new HashSet<>();
    for (BackupTier tier : BackupTier.values()) {
      known.add(copiesId(tier));
      known.add(manifestsId(tier));
    }
    return new RuleSet(OwnedRules.BACKUP_RULE_PREFIX, null, desired, known);
  }

  static String copiesId(BackupTier tier) {
    return OwnedRules.BACKUP_RULE_PREFIX + tier.id();
  }

  static String manifestsId(BackupTier tier) {
    return OwnedRules.BACKUP_RULE_PREFIX + tier.id() + "-manifests";
  }

  private static LifecycleRule copies(BackupLayout layout, TierPlace place) {
    return LifecycleRule.builder().id(copiesId(place.tier())).status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(layout.copyPrefix(place.tier())))
        .noncurrentVersionExpiration(n -> n.noncurrentDays(place.retentionDays()))
        .expiration(e -> e.expiredObjectDeleteMarker(true))
        .abortIncompleteMultipartUpload(a -> a.daysAfterInitiation(ABORT_DAYS))
        .build();
  }

  private static LifecycleRule manifests(BackupLayout layout, TierPlace place) {
    return LifecycleRule.builder().id(manifestsId(place.tier())).status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(layout.manifestPrefix(place.tier())))
        .expiration(e -> e.days(place.retentionDays()))
        .noncurrentVersionExpiration(n -> n.noncurrentDays(1))
        .build();
  }
}
