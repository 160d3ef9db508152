package dev.stockroom.internal.audit;

import dev.stockroom.audit.RepairAction;
import dev.stockroom.audit.RepairOutcome;
import dev.stockroom.audit.RepairRequest;
import dev.stockroom.audit.RepairStatus;
import dev.stockroom.internal.AwsAnswers;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.PartCopy;
import dev.stockroom.internal.s3.S3Answers;
import dev.stockroom.internal.transfer.Protection;
import dev.stockroom.policy.StoragePolicy;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.Tier;

/**
 * Repairs one object or upload from this process. Every change starts with a HEAD that holds the
 * object to the ETag the audit saw, and the change itself is conditional on it, so an object
 * written since the audit is never overwritten with older bytes.
 */
final class InPlaceRepair {

  /** The largest object one CopyObject writes; above it the copy goes part by part. */
  static final long COPY_LIMIT = PartCopy.COPY_LIMIT;

  private final S3AsyncClient s3;
  private final String bucket;
  private final RepairSettings settings;
  private final RepairRequest request;
  private final MultipartCopy multipartCopy;

  InPlaceRepair(S3AsyncClient s3, String bucket, RepairSettings settings, RepairRequest request) {
    this.s3 = s3;
    this.bucket = bucket;
    this.settings = settings;
    this.request = request;
    this.multipartCopy = new MultipartCopy(s3, bucket, settings.copyPartSize());
  }

  /** Carries out {@code decision} for {@code row}; the future never fails, its outcome says. */
  CompletableFuture<RepairOutcome> repair(FindingRow row, RepairRules.Decision decision) {
    return switch (decision.action()) {
      case LEAVE -> done(row, decision, RepairStatus.LEFT_ALONE, decision.detail());
      case CANNOT -> done(row, decision, RepairStatus.NOT_REPAIRABLE, decision.detail());
      case ABORT_UPLOAD -> abort(row, decision);
      case COPY, RESTORE -> checked(row, decision, head -> copy(row, decision, head));
      case SET_RETENTION -> checked(row, decision, head -> retain(row, decision, head));
    };
  }

  private CompletableFuture<RepairOutcome> checked(FindingRow row, RepairRules.Decision decision,
      java.util.function.Function<HeadObjectResponse, CompletableFuture<RepairOutcome>> change) {
    return Futures.capture(() -> s3.headObject(b -> b.bucket(bucket).key(row.key())))
        .thenCompose(head -> sameETag(row.eTag(), head.eTag()) ? change.apply(head)
            : done(row, decision, RepairStatus.CHANGED_SINCE_AUDIT, "ETag is now "
                + head.eTag() + ", the audit saw " + row.eTag()))
        .exceptionally(failure -> outcome(row, decision, failure));
  }

  private CompletableFuture<RepairOutcome> copy(FindingRow row, RepairRules.Decision decision,
      HeadObjectResponse head) {
    if (head.sseCustomerAlgorithm() != null) {
      return done(row, decision, RepairStatus.NOT_REPAIRABLE, "encrypted with SSE-C: Stockroom "
          + "does not hold the customer's key");
    }
    if (needsRestore(head)) {
      return restore(row, decision, head);
    }
    StoragePolicy policy = decision.policy().orElseThrow();
    return retained(policy).thenCompose(retained -> copy(row, decision, head, policy,
        retained ? retainUntil(policy, head) : null));
  }

  private CompletableFuture<RepairOutcome> copy(FindingRow row, RepairRules.Decision decision,
      HeadObjectResponse head, StoragePolicy policy, Instant retainUntil) {
    ObjectCopy target = new ObjectCopy(policy, Protection.encryptionFor(policy,
        settings.check().kmsKeyId(), bucket, row.key(), settings.check().sseHeaders()),
        settings.checksums(), retainUntil);
    var copy = target.request(bucket, row.key(), head.eTag(), head, decision.selected());
    CompletableFuture<String> written = head.contentLength() != null
        && head.contentLength() > settings.copyLimit()
        ? multipartCopy.copy(copy, head)
        : s3.copyObject(copy).thenApply(response -> response.copyObjectResult().eTag());
    return written
        .thenCompose(eTag -> target.retainUntil() == null ? CompletableFuture.completedFuture(eTag)
            : ensureRetention(row.key(), target.retainUntil()).thenApply(ignored -> eTag))
        .thenApply(eTag -> outcome(row, decision, RepairStatus.REPAIRED,
            copy.storageClassAsString() + ", " + copy.serverSideEncryptionAsString() + ", ETag "
                + eTag));
  }

  /**
   * Makes sure the copy holds the retention it was written with: S3 applies a copy's Object Lock
   * headers, but a store that ignores them would leave an audit log unprotected while the repair
   * reported it fixed. Reads the retention back and sets it where it is missing or short.
   */
  private CompletableFuture<Void> ensureRetention(String key, Instant until) {
    return Futures.capture(() -> s3.getObjectRetention(b -> b.bucket(bucket).key(key)))
        .handle((answer, failure) -> failure == null && answer.retention() != null
            && "COMPLIANCE".equals(answer.retention().modeAsString())
            && !answer.retention().retainUntilDate().isBefore(until))
        .thenCompose(held -> held ? CompletableFuture.<Void>completedFuture(null)
            : s3.putObjectRetention(b -> b.bucket(bucket).key(key).retention(r -> r
                .mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until)))
                .thenApply(response -> null));
  }

  /**
   * Returns whether the object must be restored before it can be copied: in an archive class
   * and not restored (or restoring), or in an Intelligent-Tiering archive tier.
   */
  private static boolean needsRestore(HeadObjectResponse head) {
    if (head.archiveStatus() != null) {
      return true;
    }
    return RepairRules.archived(head.storageClassAsString())
        && (head.restore() == null || head.restore().contains("ongoing-request=\"true\""));
  }

  private CompletableFuture<RepairOutcome> restore(FindingRow row, RepairRules.Decision decision,
      HeadObjectResponse head) {
    if (request.restoreDays().isEmpty()) {
      return done(row, decision, RepairStatus.NEEDS_RESTORE, "archived in "
          + head.storageClassAsString() + " and not restored");
    }
    if (head.restore() != null) {
      return done(row, decision, RepairStatus.RESTORE_REQUESTED, "restore already in progress");
    }
    int days = request.restoreDays().get();
    Tier tier = request.restoreTier();
    return s3.restoreObject(b -> b.bucket(bucket).key(row.key())
            .restoreRequest(r -> r.days(days).glacierJobParameters(g -> g.tier(tier))))
        .thenApply(response -> outcome(row, decision, RepairStatus.RESTORE_REQUESTED,
            "restore for " + days + " days (" + tier + ") requested"));
  }

  private CompletableFuture<RepairOutcome> retain(FindingRow row, RepairRules.Decision decision,
      HeadObjectResponse head) {
    StoragePolicy policy = decision.policy().orElseThrow();
    Instant until = PolicyCheck.retainUntil(policy, head.lastModified());
    // the version just checked: a version written since keeps whatever its writer gave it
    return s3.putObjectRetention(b -> b.bucket(bucket).key(row.key()).versionId(head.versionId())
            .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until)))
        .thenApply(response -> outcome(row, decision, RepairStatus.REPAIRED,
            "COMPLIANCE until " + until));
  }

  /**
   * Returns whether a copy carries a retention: not when the kind has none, it is off, or the
   * bucket lacks Object Lock. Asked without waiting: this runs on the SDK's response threads.
   */
  private CompletableFuture<Boolean> retained(StoragePolicy policy) {
    if (policy.retention().isEmpty() || !settings.check().objectLockRetention()) {
      return CompletableFuture.completedFuture(false);
    }
    return settings.bucketLock().get();
  }

  /**
   * Returns the retention a copy carries: the policy's, counted from the object's first write (a
   * copy must not shorten it).
   */
  private Instant retainUntil(StoragePolicy policy, HeadObjectResponse head) {
    Instant until = PolicyCheck.retainUntil(policy, head.lastModified());
    Instant held = head.objectLockRetainUntilDate();
    return held != null && held.isAfter(until) ? held : until;
  }

  private CompletableFuture<RepairOutcome> abort(FindingRow row, RepairRules.Decision decision) {
    return Futures.capture(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(row.key())
            .uploadId(row.uploadId())))
        .thenApply(response -> outcome(row, decision, RepairStatus.REPAIRED, "aborted"))
        .exceptionally(failure -> outcome(row, decision, failure));
  }

  private static boolean sameETag(String seen, String now) {
    return seen != null && now != null && unquoted(seen).equals(unquoted(now));
  }

  private static String unquoted(String eTag) {
    return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
        ? eTag.substring(1, eTag.length() - 1) : eTag;
  }

  private static CompletableFuture<RepairOutcome> done(FindingRow row,
      RepairRules.Decision decision, RepairStatus status, String detail) {
    return CompletableFuture.completedFuture(outcome(row, decision, status, detail));
  }

  private static RepairOutcome outcome(FindingRow row, RepairRules.Decision decision,
      RepairStatus status, String detail) {
    return new RepairOutcome(row.key(), row.findings(), decision.action(), status, detail);
  }

  /** Turns a failed request into its outcome: a changed, gone or archived object is no error. */
  private static RepairOutcome outcome(FindingRow row, RepairRules.Decision decision,
      Throwable failure) {
    if (S3Answers.preconditionFailed(failure)) {
      return outcome(row, decision, RepairStatus.CHANGED_SINCE_AUDIT, "written since the audit");
    }
    if (S3Answers.notFound(failure)) {
      return outcome(row, decision, RepairStatus.GONE, "no longer there");
    }
    if (S3Answers.archived(failure)) {
      return outcome(row, decision, RepairStatus.NEEDS_RESTORE, "archived and not restored");
    }
    return outcome(row, decision, RepairStatus.FAILED, AwsAnswers.shortReason(failure));
  }

  /** Whether the action changes S3 (counts toward the objects a plan changes). */
  static boolean changes(RepairAction action) {
    return action == RepairAction.COPY || action == RepairAction.SET_RETENTION
        || action == RepairAction.ABORT_UPLOAD;
  }
}
