package dev.stockroom.internal.audit;

import dev.stockroom.audit.Finding;
import dev.stockroom.audit.RepairAction;
import dev.stockroom.internal.transfer.ContentTypes;
import dev.stockroom.internal.transfer.Protection;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The objects of a repair that one S3 Batch Operations job can carry: a job applies one operation
 * with one set of headers to every object in its manifest, so objects go together only when the
 * same copy (kind, encryption, headers, Content-Type) or the same retention or restore fixes
 * each of them.
 *
 * @param action COPY, SET_RETENTION or RESTORE
 * @param kind the objects' kind
 * @param headers whether the copy sets Cache-Control and Content-Type (replacing the objects'
 *     metadata) rather than keeping them
 * @param contentType the Content-Type a header copy sets, or null
 */
record JobGroup(RepairAction action, DataKind kind, boolean headers, String contentType) {

  /** The findings only a copy that replaces the objects' headers repairs. */
  static final Set<Finding> HEADER_FINDINGS = EnumSet.of(Finding.CACHE_CONTROL,
      Finding.CONTENT_TYPE);

  /** Returns the group of {@code row}, which {@code decision} sends to a job. */
  static JobGroup of(RepairRules.Decision decision, FindingRow row) {
    DataKind kind = decision.policy().orElseThrow().kind();
    if (decision.action() != RepairAction.COPY) {
      return new JobGroup(decision.action(), kind, false, null);
    }
    boolean headers = decision.selected().stream().anyMatch(HEADER_FINDINGS::contains);
    return new JobGroup(RepairAction.COPY, kind, headers,
        headers ? ContentTypes.forName(row.key()) : null);
  }

  /** Returns whether {@code action} runs as a job (the others are done in-process). */
  static boolean runsAsJob(RepairAction action) {
    return action == RepairAction.COPY || action == RepairAction.SET_RETENTION
        || action == RepairAction.RESTORE;
  }

  /** Returns a name for the group's manifest, unique within one repair. */
  String name(int index) {
    return String.format("%03d-%s-%s", index, action.name().toLowerCase(java.util.Locale.ROOT)
        .replace('_', '-'), kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
  }

  /** The objects of one group, and what its job needs to know about them all. */
  static final class Members {

    private final Set<Finding> findings = EnumSet.noneOf(Finding.class);
    private Instant latestRetainUntil;

    /** Counts {@code row} in: its findings, and the retention the policy gives it. */
    void add(RepairRules.Decision decision, FindingRow row, Instant audited) {
      findings.addAll(decision.selected());
      StoragePolicy policy = decision.policy().orElseThrow();
      if (policy.retention().isPresent()) {
        Instant written = row.lastModified() != null ? row.lastModified() : audited;
        Instant until = PolicyCheck.retainUntil(policy, written);
        if (latestRetainUntil == null || until.isAfter(latestRetainUntil)) {
          latestRetainUntil = until;
        }
      }
    }

    /** Returns the findings the group's job repairs. */
    Set<Finding> findings() {
      return findings;
    }

    /**
     * Returns the one retain-until date a job gives every object: the latest the policy gives
     * any of them, so none is kept shorter than its policy says.
     */
    Instant retainUntil() {
      return latestRetainUntil;
    }

    /** Returns the findings as a label value. */
    String findingsLabel() {
      return findings.stream().map(Enum::name).collect(Collectors.joining(" "));
    }
  }

  /** Returns the encryption the group's copies get, as a fresh upload of the kind would. */
  static Protection protection(StoragePolicy policy, PolicyCheck.Settings settings, String bucket) {
    return Protection.encryptionFor(policy, settings.kmsKeyId(), bucket, policy.prefix(),
        settings.sseHeaders());
  }
}
