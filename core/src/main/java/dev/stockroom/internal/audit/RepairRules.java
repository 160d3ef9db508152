package dev.stockroom.internal.audit;

import dev.stockroom.audit.Finding;
import dev.stockroom.audit.RepairAction;
import dev.stockroom.audit.RepairRequest;
import dev.stockroom.internal.transfer.Protection;
import dev.stockroom.policy.EncryptionRequirement;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Decides what a repair does with one line of a findings file, from the policy in force (never
 * from what the file says the kind is). The plan counts these decisions and the repair carries
 * them out, so both always agree.
 */
final class RepairRules {

  /** A decision: what to do, in words for the plan, and under which policy. */
  record Decision(RepairAction action, String detail, Optional<StoragePolicy> policy,
      Set<Finding> selected) {}

  /** The findings a copy in place fixes. */
  static final Set<Finding> COPY_FINDINGS = EnumSet.of(Finding.ENCRYPTION, Finding.KMS_KEY,
      Finding.BUCKET_KEY, Finding.STORAGE_CLASS, Finding.CACHE_CONTROL, Finding.CONTENT_TYPE);

  private final PolicyCatalog policies;
  private final PolicyCheck.Settings settings;
  private final BooleanSupplier bucketLock;
  private final RepairRequest request;

  /** {@code bucketLock} is asked (once) only if a line needs it. */
  RepairRules(PolicyCatalog policies, PolicyCheck.Settings settings, BooleanSupplier bucketLock,
      RepairRequest request) {
    this.policies = policies;
    this.settings = settings;
    this.bucketLock = bucketLock;
    this.request = request;
  }

  /** Returns what to do with {@code row}, or empty when none of its findings is selected. */
  Optional<Decision> decide(FindingRow row) {
    Optional<StoragePolicy> found = policies.find(row.key());
    if (found.isEmpty() || row.findings().contains(Finding.UNKNOWN_PREFIX)) {
      return Optional.of(new Decision(RepairAction.LEAVE, "under no known prefix", found,
          row.findings()));
    }
    Set<Finding> selected = EnumSet.noneOf(Finding.class);
    selected.addAll(row.findings());
    selected.retainAll(request.findings());
    if (selected.isEmpty()) {
      return Optional.empty();
    }
    if (row.isUpload()) {
      return Optional.of(new Decision(RepairAction.ABORT_UPLOAD, "incomplete multipart upload",
          found, selected));
    }
    StoragePolicy policy = found.get();
    if (selected.stream().anyMatch(COPY_FINDINGS::contains)) {
      return Optional.of(copy(policy, row, selected));
    }
    if (selected.contains(Finding.RETENTION) && settings.objectLockRetention()) {
      return Optional.of(bucketLock.getAsBoolean()
          ? new Decision(RepairAction.SET_RETENTION, "COMPLIANCE for " + policy.retention()
              .orElseThrow(), found, selected)
          : cannot("the bucket has no Object Lock (enabling it cannot be undone: a decision for "
              + "the bucket's owner)", policy, selected));
    }
    return Optional.empty();
  }

  private Decision copy(StoragePolicy policy, FindingRow row, Set<Finding> selected) {
    if (policy.encryption() == EncryptionRequirement.KMS_REQUIRED && settings.kmsKeyId() == null) {
      return cannot("no KMS key is configured for " + policy.kind() + " objects", policy,
          selected);
    }
    if (archived(row.storageClass())) {
      return request.restoreDays().isPresent()
          ? new Decision(RepairAction.RESTORE, row.storageClass() + ", restored for "
              + request.restoreDays().get() + " days (" + request.restoreTier() + ")",
              Optional.of(policy), selected)
          : cannot("archived in " + row.storageClass() + ": restore first (RepairRequest "
              + "restoreArchived)", policy, selected);
    }
    return new Decision(RepairAction.COPY, copyDetail(policy, row), Optional.of(policy),
        selected);
  }

  private String copyDetail(StoragePolicy policy, FindingRow row) {
    String from = row.storageClass() == null ? "?" : row.storageClass();
    ServerSideEncryption sse = Protection.encryptionFor(policy, settings.kmsKeyId(), "", row.key(),
        settings.sseHeaders()).encryption();
    String encryption = sse == null ? "store default encryption"
        : sse == ServerSideEncryption.AWS_KMS ? "SSE-KMS" : "SSE-S3";
    return from + " → " + policy.storageClass() + ", " + encryption;
  }

  private static Decision cannot(String why, StoragePolicy policy, Set<Finding> selected) {
    return new Decision(RepairAction.CANNOT, why, Optional.of(policy), selected);
  }

  /** Returns whether objects of the class must be restored before they can be read or copied. */
  static boolean archived(String storageClass) {
    return "GLACIER".equals(storageClass) || "DEEP_ARCHIVE".equals(storageClass);
  }
}
