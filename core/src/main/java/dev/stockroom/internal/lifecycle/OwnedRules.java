package dev.stockroom.internal.lifecycle;

import static dev.stockroom.lifecycle.BucketLifecycle.OWNED_RULE_PREFIX;

import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.Transition;

/** The lifecycle rules the policy catalog asks for, one per kind with an action plus one bucket-wide. */
public final class OwnedRules {

  /** Id of the bucket-wide rule that aborts incomplete multipart uploads. */
  public static final String ABORT_MULTIPART_RULE_ID = OWNED_RULE_PREFIX + "abort-incomplete-uploads";

  /** The id prefix of the rules backups keep in their buckets, which the catalog does not own. */
  public static final String BACKUP_RULE_PREFIX = OWNED_RULE_PREFIX + "backup.";

  /** Every id Stockroom may have written, including those of kinds whose policy now has no rule. */
  private static final Set<String> KNOWN_IDS = Stream.concat(
      Stream.of(DataKind.values()).map(OwnedRules::ruleId), Stream.of(ABORT_MULTIPART_RULE_ID))
      .collect(Collectors.toUnmodifiableSet());

  private OwnedRules() {}

  /** Returns the id of the rule for {@code kind}: {@code stockroom.product-image}. */
  public static String ruleId(DataKind kind) {
    return OWNED_RULE_PREFIX + kind.id();
  }

  /**
   * Returns whether the policy catalog owns a rule with this id: it uses the owned prefix, and is
   * not one of the backups' rules.
   */
  public static boolean isOwnedId(String id) {
    return id != null && id.startsWith(OWNED_RULE_PREFIX) && !id.startsWith(BACKUP_RULE_PREFIX);
  }

  /** Returns the rules the catalog keeps in the main bucket, as a {@link RuleSet}. */
  public static RuleSet ruleSet(PolicyCatalog catalog) {
    return new RuleSet(OWNED_RULE_PREFIX, BACKUP_RULE_PREFIX, desired(catalog), KNOWN_IDS);
  }

  /** Returns whether {@code id} is one Stockroom writes (and so may change or remove). */
  public static boolean isKnownId(String id) {
    return KNOWN_IDS.contains(id);
  }

  /** Returns the rules the catalog asks for, in kind order, the bucket-wide rule last. */
  public static List<LifecycleRule> desired(PolicyCatalog catalog) {
    List<LifecycleRule> rules = new ArrayList<>();
    for (StoragePolicy policy : catalog.policies()) {
      if (policy.hasLifecycleActions()) {
        rules.add(ruleFor(policy));
      }
    }
    rules.add(LifecycleRule.builder()
        .id(ABORT_MULTIPART_RULE_ID)
        .status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix("").build())
        .abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload.builder()
            .daysAfterInitiation(catalog.abortIncompleteMultipartUploadDays()).build())
        .build());
    return rules;
  }

  private static LifecycleRule ruleFor(StoragePolicy policy) {
    LifecycleRule.Builder rule = LifecycleRule.builder()
        .id(ruleId(policy.kind()))
        .status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix(policy.prefix()).build());
    if (!policy.transitions().isEmpty()) {
      rule.transitions(policy.transitions().stream()
          .map(t -> Transition.builder().days(t.days()).storageClass(t.storageClass()).build())
          .toList());
    }
    policy.expirationDays().ifPresent(days ->
        rule.expiration(LifecycleExpiration.builder().days(days).build()));
    policy.noncurrentVersionExpirationDays().ifPresent(days ->
        rule.noncurrentVersionExpiration(
            NoncurrentVersionExpiration.builder().noncurrentDays(days).build()));
    return rule.build();
  }
}
