package dev.stockroom.internal.protection;

import dev.stockroom.internal.OpenGuard;
import dev.stockroom.protection.ErasureEntry;
import dev.stockroom.protection.ErasureEntry.Outcome;
import dev.stockroom.protection.ErasureReceipt;
import dev.stockroom.protection.ErasureReceiptException;
import dev.stockroom.protection.ErasureRequest;
import dev.stockroom.protection.LockConflict;
import dev.stockroom.protection.ObjectVersion;
import dev.stockroom.transfer.KindObjects;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an erasure plan: deletes each target's deletable versions, lists the targets again,
 * and writes the receipt from what S3 answered and what the second listing found, never from what
 * was asked. Logs counts and the receipt id only: the subject and the keys are personal data.
 */
final class ErasureRun {

  private static final Logger LOG = LoggerFactory.getLogger(ErasureRun.class);
  private static final DateTimeFormatter ID_TIME = DateTimeFormatter
      .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final String bucket;
  private final KeyHasher hasher;
  private final KindObjects auditLogs;
  private final Clock clock;
  private final OpenGuard guard;
  private final ManifestScrub scrub;
  private final Function<ErasureRequest, Predicate<String>> erasedKeys;

  /**
   * Erases in {@code bucket}; {@code scrub} (null without backups) takes the erased keys, as
   * {@code erasedKeys} tells them, out of the backups' manifests.
   */
  ErasureRun(String bucket, KeyHasher hasher, KindObjects auditLogs, Clock clock,
      OpenGuard guard, ManifestScrub scrub,
      Function<ErasureRequest, Predicate<String>> erasedKeys) {
    this.bucket = bucket;
    this.scrub = scrub;
    this.erasedKeys = erasedKeys;
    this.hasher = hasher;
    this.auditLogs = auditLogs;
    this.clock = clock;
    this.guard = guard;
  }

  ErasureReceipt apply(DefaultErasurePlan plan) {
    guard.check();
    Instant started = clock.instant();
    Map<VersionDeleter.Id, String> failed = new HashMap<>();
    Set<VersionDeleter.Id> deleted = new LinkedHashSet<>();
    for (SearchTarget target : plan.targets()) {
      List<ObjectVersion> mine = plan.deletable().stream()
          .filter(v -> v.bucket().equals(target.bucket())).toList();
      if (!mine.isEmpty()) {
        VersionDeleter.Result result = VersionDeleter.delete(target.s3(), target.bucket(), mine);
        result.deleted().forEach(id -> deleted.add(qualified(target.bucket(), id)));
        result.errors().forEach((id, code) -> failed.put(qualified(target.bucket(), id), code));
      }
    }
    List<ErasureEntry> manifests = scrub == null || !plan.request().includeBackups() ? List.of()
        : manifestEntries(scrub.scrub(erasedKeys.apply(plan.request())));
    Set<VersionDeleter.Id> left = new LinkedHashSet<>();
    List<ObjectVersion> found = new ArrayList<>();
    for (SearchTarget target : plan.targets()) {
      for (ObjectVersion version : VersionSearch.find(target)) {
        if (left.add(qualified(version))) {
          found.add(version);
        }
      }
    }
    List<ErasureEntry> entries = new ArrayList<>(entries(plan, deleted, failed, left, found));
    entries.addAll(manifests);
    ErasureReceipt receipt = new ErasureReceipt(receiptId(started),
        hasher.subject(plan.request().subject()), hasher.keyId(), plan.request().reference(),
        plan.plannedAt(), started, clock.instant(), plan.buckets(), entries, Optional.empty());
    ErasureReceipt stored = store(receipt);
    LOG.info("Erasure {}: {} erased, {} held by Object Lock, {} failed, {} remaining in {} "
        + "bucket(s)", receipt.receiptId(), receipt.count(Outcome.ERASED),
        receipt.count(Outcome.HELD), receipt.count(Outcome.FAILED),
        receipt.count(Outcome.REMAINING), plan.buckets().size());
    return stored;
  }

  private List<ErasureEntry> entries(DefaultErasurePlan plan, Set<VersionDeleter.Id> deleted,
      Map<VersionDeleter.Id, String> failed, Set<VersionDeleter.Id> left,
      List<ObjectVersion> found) {
    Map<ObjectVersion, LockConflict> held = new HashMap<>();
    plan.conflicts().forEach(conflict -> held.put(conflict.version(), conflict));
    Set<VersionDeleter.Id> planned = new LinkedHashSet<>();
    List<ErasureEntry> entries = new ArrayList<>();
    for (ObjectVersion version : plan.versions()) {
      VersionDeleter.Id id = qualified(version);
      planned.add(id);
      LockConflict conflict = held.get(version);
      if (conflict != null) {
        entries.add(entry(version, Outcome.HELD, conflict.reason(), conflict.retainUntil()));
      } else if (failed.containsKey(id)) {
        entries.add(entry(version, Outcome.FAILED, failed.get(id), Optional.empty()));
      } else if (left.contains(id)) {
        entries.add(entry(version, Outcome.REMAINING, "still listed after its deletion",
            Optional.empty()));
      } else if (!deleted.contains(id)) {
        entries.add(entry(version, Outcome.REMAINING, "S3 did not confirm its deletion",
            Optional.empty()));
      } else {
        entries.add(entry(version, Outcome.ERASED, "", Optional.empty()));
      }
    }
    for (ObjectVersion version : found) {
      if (!planned.contains(qualified(version))) {
        entries.add(entry(version, Outcome.REMAINING, "written since the plan: erase again",
            Optional.empty()));
      }
    }
    return entries;
  }

  /** The manifests' old versions deleted, and those that could not be rewritten. */
  private List<ErasureEntry> manifestEntries(List<ManifestScrub.Outcome> outcomes) {
    List<ErasureEntry> entries = new ArrayList<>();
    for (ManifestScrub.Outcome outcome : outcomes) {
      for (ObjectVersion version : outcome.deleted()) {
        entries.add(new ErasureEntry(version.bucket(), hasher.key(version.key()),
            version.versionId(), false, Outcome.ERASED, "a backup manifest naming the subject, "
                + "written again without it", Optional.empty()));
      }
      if (outcome.failure() != null) {
        entries.add(new ErasureEntry(outcome.bucket(), hasher.key(outcome.key()),
            outcome.failedVersion(), false, Outcome.FAILED, outcome.failure(),
            Optional.empty()));
      }
    }
    return entries;
  }

  private ErasureEntry entry(ObjectVersion version, Outcome outcome, String detail,
      Optional<Instant> retainUntil) {
    return new ErasureEntry(version.bucket(), hasher.key(version.key()), version.versionId(),
        version.deleteMarker(), outcome, detail, retainUntil);
  }

  private ErasureReceipt store(ErasureReceipt receipt) {
    String name = "erasure/" + receipt.receiptId() + ".json";
    try {
      return receipt.storedAs(auditLogs.object(name).upload(
          receipt.toJson().getBytes(StandardCharsets.UTF_8), "application/json").key());
    } catch (RuntimeException e) {
      throw new ErasureReceiptException("erasure " + receipt.receiptId() + " ran ("
          + receipt.count(Outcome.ERASED) + " erased, " + receipt.notErased().size()
          + " not erased), but its receipt could not be stored as audit log '" + name
          + "': keep the attached receipt elsewhere", bucket, receipt, e);
    }
  }

  /** A version's id with its bucket in front, to tell the same key in two buckets apart. */
  private static VersionDeleter.Id qualified(ObjectVersion version) {
    return new VersionDeleter.Id(version.bucket() + "\n" + version.key(), version.versionId());
  }

  private static VersionDeleter.Id qualified(String bucket, VersionDeleter.Id id) {
    return new VersionDeleter.Id(bucket + "\n" + id.key(), id.versionId());
  }

  private static String receiptId(Instant started) {
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return "erasure-" + ID_TIME.format(started) + "-" + HexFormat.of().formatHex(random);
  }
}
