package dev.stockroom.internal.audit;

import dev.stockroom.audit.Finding;
import dev.stockroom.internal.transfer.ContentTypes;
import dev.stockroom.policy.EncryptionRequirement;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.policy.Transition;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules an existing object is held to: what its kind's policy says, read against what the
 * source knows of it. A check whose input the source did not provide is skipped, and the skip is
 * counted so the report can say what was not checked.
 */
final class PolicyCheck {

  /** The checks that can be skipped for want of input, for the report's "not checked" list. */
  enum Unknown {
    ENCRYPTION, KMS_KEY, RETENTION, HEADERS, STORAGE_CLASS
  }

  /** The outcome for one object: its policy (empty for an unknown prefix) and findings. */
  record Verdict(Optional<StoragePolicy> policy, Set<Finding> findings, Set<Unknown> unknown) {}

  /**
   * What uploads are configured to do, which the audit holds existing objects to.
   *
   * @param kmsKeyId the configured KMS key (id, ARN or alias), or null
   * @param kmsKeyArn the configured key's ARN when known (resolved through KMS), or null
   * @param sseHeaders whether non-transactional uploads carry an SSE header
   * @param objectLockRetention whether kinds with a retention get an Object Lock retention
   */
  record Settings(String kmsKeyId, String kmsKeyArn, boolean sseHeaders,
      boolean objectLockRetention) {}

  /** Slack for the retention date: the upload computes it moments before S3 stamps the object. */
  private static final Duration RETENTION_SLACK = Duration.ofDays(1);

  private final PolicyCatalog policies;
  private final Settings settings;
  private final Instant now;

  PolicyCheck(PolicyCatalog policies, Settings settings, Instant now) {
    this.policies = policies;
    this.settings = settings;
    this.now = now;
  }

  Verdict check(ObjectRecord object) {
    Optional<StoragePolicy> found = policies.find(object.key());
    if (found.isEmpty()) {
      return new Verdict(found, EnumSet.of(Finding.UNKNOWN_PREFIX), EnumSet.noneOf(Unknown.class));
    }
    StoragePolicy policy = found.get();
    Set<Finding> findings = EnumSet.noneOf(Finding.class);
    Set<Unknown> unknown = EnumSet.noneOf(Unknown.class);
    encryption(policy, object, findings, unknown);
    storageClass(policy, object, findings, unknown);
    retention(policy, object, findings, unknown);
    headers(policy, object, findings, unknown);
    return new Verdict(found, findings, unknown);
  }

  private void encryption(StoragePolicy policy, ObjectRecord object, Set<Finding> findings,
      Set<Unknown> unknown) {
    String sse = object.encryption();
    if (sse == null) {
      unknown.add(Unknown.ENCRYPTION);
      return;
    }
    if (ObjectRecord.SSE_C.equals(sse)) {
      findings.add(Finding.ENCRYPTION);
      return;
    }
    if (!kmsWanted(policy)) {
      if (ObjectRecord.NOT_SSE.equals(sse) && settings.sseHeaders()) {
        findings.add(Finding.ENCRYPTION);
      }
      return;
    }
    if (!ObjectRecord.SSE_KMS.equals(sse) && !ObjectRecord.DSSE_KMS.equals(sse)) {
      findings.add(Finding.ENCRYPTION);
      return;
    }
    // DSSE-KMS cannot use a bucket key; it is stronger than the policy asks, so left alone
    if (ObjectRecord.SSE_KMS.equals(sse) && Boolean.FALSE.equals(object.bucketKey())) {
      findings.add(Finding.BUCKET_KEY);
    }
    kmsKey(object, findings, unknown);
  }

  private void kmsKey(ObjectRecord object, Set<Finding> findings, Set<Unknown> unknown) {
    if (settings.kmsKeyId() == null) {
      return;
    }
    if (object.kmsKeyId() == null || !comparable()) {
      unknown.add(Unknown.KMS_KEY);
      return;
    }
    if (!sameKey(object.kmsKeyId())) {
      findings.add(Finding.KMS_KEY);
    }
  }

  /** Returns whether the configured key can be compared: an alias needs its resolved ARN. */
  private boolean comparable() {
    return settings.kmsKeyArn() != null || !settings.kmsKeyId().contains("alias/");
  }

  private boolean sameKey(String objectKey) {
    String configured = settings.kmsKeyId();
    return objectKey.equals(configured) || objectKey.equals(settings.kmsKeyArn())
        || objectKey.endsWith(":key/" + configured)
        || configured.endsWith(":key/" + objectKey);
  }

  /** Returns whether the kind's objects are to be SSE-KMS, as uploads decide it. */
  boolean kmsWanted(StoragePolicy policy) {
    EncryptionRequirement requirement = policy.encryption();
    return requirement == EncryptionRequirement.KMS_REQUIRED
        || requirement == EncryptionRequirement.KMS_IF_CONFIGURED && settings.kmsKeyId() != null
        && settings.sseHeaders();
  }

  private void storageClass(StoragePolicy policy, ObjectRecord object, Set<Finding> findings,
      Set<Unknown> unknown) {
    if (object.storageClass() == null || object.lastModified() == null) {
      unknown.add(Unknown.STORAGE_CLASS);
      return;
    }
    List<String> chain = chain(policy);
    int at = chain.indexOf(object.storageClass());
    // warmer than its age implies but on the chain: lifecycle's work, not a contradiction
    if (at < 0 || at > expectedIndex(policy, ageDays(object.lastModified()))) {
      findings.add(Finding.STORAGE_CLASS);
    }
  }

  /** Returns the kind's classes in the order lifecycle moves its objects through them. */
  static List<String> chain(StoragePolicy policy) {
    List<String> chain = new ArrayList<>();
    chain.add(policy.storageClass().toString());
    for (Transition transition : policy.transitions()) {
      chain.add(transition.storageClass().toString());
    }
    return chain;
  }

  private static int expectedIndex(StoragePolicy policy, long ageDays) {
    int index = 0;
    for (Transition transition : policy.transitions()) {
      if (transition.days() <= ageDays) {
        index++;
      }
    }
    return index;
  }

  private long ageDays(Instant lastModified) {
    return Math.max(0, Duration.between(lastModified, now).toDays());
  }

  private void retention(StoragePolicy policy, ObjectRecord object, Set<Finding> findings,
      Set<Unknown> unknown) {
    if (policy.retention().isEmpty() || !settings.objectLockRetention()) {
      return;
    }
    if (!object.lockKnown() || object.lastModified() == null) {
      unknown.add(Unknown.RETENTION);
      return;
    }
    if (!"COMPLIANCE".equalsIgnoreCase(object.lockMode()) || object.retainUntil() == null
        || object.retainUntil().isBefore(retainUntil(policy, object.lastModified())
            .minus(RETENTION_SLACK))) {
      findings.add(Finding.RETENTION);
    }
  }

  /** Returns the retain-until date the policy gives an object written at {@code written}. */
  static Instant retainUntil(StoragePolicy policy, Instant written) {
    return written.atZone(ZoneOffset.UTC).plus(policy.retention().orElseThrow()).toInstant();
  }

  private void headers(StoragePolicy policy, ObjectRecord object, Set<Finding> findings,
      Set<Unknown> unknown) {
    if (!object.headersKnown()) {
      unknown.add(Unknown.HEADERS);
      return;
    }
    if (!directives(object.cacheControl()).equals(directives(policy.cacheControl()))) {
      findings.add(Finding.CACHE_CONTROL);
    }
    if (!contentTypeFits(object.key(), object.contentType())) {
      findings.add(Finding.CONTENT_TYPE);
    }
  }

  /** Cache-Control directives, compared without regard to order, case or spacing. */
  private static Set<String> directives(String cacheControl) {
    return Arrays.stream(cacheControl.split(","))
        .map(directive -> directive.strip().toLowerCase(Locale.ROOT))
        .filter(directive -> !directive.isEmpty())
        .collect(Collectors.toSet());
  }

  /**
   * Returns whether the Content-Type fits the key: the media type its extension implies (charset
   * and other parameters aside), or any type when the extension says nothing, as long as there is
   * one.
   */
  static boolean contentTypeFits(String key, String contentType) {
    String expected = ContentTypes.forName(key);
    if (expected.equals(ContentTypes.DEFAULT)) {
      return !contentType.isBlank();
    }
    return mediaType(expected).equals(mediaType(contentType));
  }

  private static String mediaType(String contentType) {
    int semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
        .toLowerCase(Locale.ROOT);
  }
}
