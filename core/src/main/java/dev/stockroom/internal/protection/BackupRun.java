package dev.stockroom.internal.protection;

import dev.stockroom.exception.BackupException;
import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.S3Answers;
import dev.stockroom.protection.Backup;
import dev.stockroom.protection.BackupFailure;
import dev.stockroom.protection.BackupMode;
import dev.stockroom.protection.BackupResult;
import dev.stockroom.protection.BackupTier;
import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * One backup of one tier. The source's transactional objects are listed and compared, key by key
 * in S3's listing order, with the tier's last manifest: an object with the same ETag and size is
 * unchanged and its copy is reused; a new or changed one is copied; one gone from the source has
 * its copy marked deleted (a delete marker, so the copy expires with the retention). The
 * comparison goes to a draft on disk, so memory stays flat whatever the number of objects; the
 * copies then run in-process, or as one Batch Operations job above the in-process limit.
 */
final class BackupRun {

  private static final Logger LOG = LoggerFactory.getLogger(BackupRun.class);
  /** Copies (or HEADs) in flight at once in-process. */
  static final int WINDOW = 16;
  /** Draft rows handled per window round. */
  private static final int CHUNK = 256;
  static final String LOCAL = "local";

  private final BackupWiring wiring;

  BackupRun(BackupWiring wiring) {
    this.wiring = wiring;
  }

  /** What the comparison with the last manifest found. */
  record Draft(Path file, long pending, long pendingBytes, long unchanged, List<String> removed) {}

  BackupResult run(BackupTier tier, BackupMode mode) {
    wiring.guard().check();
    TierPlace place = wiring.layout().place(tier);
    requireVersioning(place);
    wiring.lifecycles().apply(place.bucket()).apply();
    Instant taken = wiring.clock().instant();
    String id = BackupLayout.newId(tier, taken);
    Backup backup = new Backup(id, tier, place.bucket(),
        wiring.layout().manifestKey(tier, id), taken);
    Optional<Backup> previous = wiring.manifests().latest(place);
    BackupMode resolved = resolve(mode);
    try (ManifestFile.Writer draftOut = new ManifestFile.Writer()) {
      Draft draft = compare(place, backup, previous, draftOut);
      long removed = markRemoved(place, draft.removed());
      if (resolved == BackupMode.AUTO) {
        resolved = wiring.jobs() != null
            && draft.pending() > wiring.jobs().settings().inProcessLimit()
            ? BackupMode.BATCH_OPERATIONS : BackupMode.IN_PROCESS;
      }
      BackupResult result = resolved == BackupMode.BATCH_OPERATIONS
          ? new BackupJob(wiring).submit(place, backup, draft, removed)
          : copyInProcess(place, backup, draft, removed);
      LOG.info("Backup {} of {} objects: {} to copy, {} unchanged, {} removed, {} failed ({})",
          id, result.objects(), draft.pending(), draft.unchanged(), removed,
          result.failures().size(), resolved);
      return result;
    }
  }

  private BackupMode resolve(BackupMode asked) {
    Require.state(asked != BackupMode.BATCH_OPERATIONS || wiring.jobs() != null, "Batch "
        + "Operations are not configured for bucket '%s': back up IN_PROCESS or configure them "
        + "with the Stockroom builder's batchOperations(...)", wiring.source());
    return asked;
  }

  private void requireVersioning(TierPlace place) {
    BucketVersioningStatus status;
    try {
      status = Futures.join(place.s3().getBucketVersioning(b -> b.bucket(place.bucket())))
          .status();
    } catch (RuntimeException e) {
      throw new StorageException("GetBucketVersioning", place.bucket(), null, Futures.unwrap(e));
    }
    if (status != BucketVersioningStatus.ENABLED) {
      throw new BackupException("backup bucket '" + place.bucket() + "' must have versioning "
          + "enabled (it is " + (status == null ? "off" : status) + "): each backup tier keeps "
          + "its past states as versions of its copies; nothing was copied", place.bucket(),
          null, null);
    }
  }

  ManifestHeader header(TierPlace place, Backup backup, long failed, String job) {
    return new ManifestHeader(backup.id(), place.tier(), wiring.source(), place.bucket(),
        wiring.layout().copyPrefix(place.tier()), backup.takenAt(), failed, job);
  }

  /** Compares the source's listing with the last manifest, writing the draft. */
  private Draft compare(TierPlace place, Backup backup, Optional<Backup> previous,
      ManifestFile.Writer draft) {
    long pending = 0;
    long pendingBytes = 0;
    long unchanged = 0;
    List<String> removed = new ArrayList<>();
    Iterator<S3Object> source = new SourceListing(wiring.s3(), wiring.source(),
        wiring.prefixes());
    try (ManifestStore.Opened last = previous.map(p -> wiring.manifests().open(place, p))
        .orElse(null)) {
      Iterator<ManifestRow> before = last != null ? last : Collections.emptyIterator();
      S3Object now = source.hasNext() ? source.next() : null;
      ManifestRow then = before.hasNext() ? before.next() : null;
      while (now != null || then != null) {
        wiring.guard().check();
        int order = now == null ? 1 : then == null ? -1
            : Utf8Order.INSTANCE.compare(now.key(), then.key());
        if (order > 0) {
          removed.add(then.key());
        } else if (order == 0 && same(now, then)) {
          draft.add(then);
          unchanged++;
        } else {
          long size = now.size() == null ? 0 : now.size();
          draft.add(new ManifestRow(now.key(), null, size, now.eTag(), null, null));
          pending++;
          pendingBytes += size;
        }
        if (order <= 0) {
          now = source.hasNext() ? source.next() : null;
        }
        if (order >= 0) {
          then = before.hasNext() ? before.next() : null;
        }
      }
    }
    return new Draft(draft.sign(header(place, backup, 0, LOCAL),
        wiring.manifests().signingKey()), pending, pendingBytes, unchanged, removed);
  }

  private static boolean same(S3Object now, ManifestRow then) {
    return then.backupVersion() != null && now.size() != null && now.size() == then.size()
        && unquoted(now.eTag()).equals(unquoted(then.eTag()));
  }

  static String unquoted(String eTag) {
    if (eTag == null) {
      return "";
    }
    return eTag.length() >= 2 && eTag.startsWith("\"") && eTag.endsWith("\"")
        ? eTag.substring(1, eTag.length() - 1) : eTag;
  }

  /** Reads the draft back: signed a moment ago, checked like any manifest all the same. */
  ManifestFile.Reader readDraft(TierPlace place, Backup backup, Path file) {
    String where = "draft " + file;
    ManifestFile.verify(file, wiring.manifests().signingKey(), where);
    return new ManifestFile.Reader(file, new ManifestFile.Expected(backup.id(), place.tier(),
        wiring.source(), place.bucket(), wiring.layout().copyPrefix(place.tier())),
        wiring.policies(), where);
  }

  private BackupResult copyInProcess(TierPlace place, Backup backup, Draft draft,
      long removed) {
    List<BackupFailure> failures = new ArrayList<>();
    long copied = 0;
    long copiedBytes = 0;
    try (ManifestFile.Reader rows = readDraft(place, backup, draft.file());
        ManifestFile.Writer out = new ManifestFile.Writer()) {
      List<ManifestRow> chunk = new ArrayList<>(CHUNK);
      while (rows.hasNext() || !chunk.isEmpty()) {
        if (rows.hasNext() && chunk.size() < CHUNK) {
          chunk.add(rows.next());
          continue;
        }
        wiring.guard().check();
        List<BackupCopier.Outcome> outcomes = InOrder.map(chunk, WINDOW, row ->
            row.backupVersion() != null
                ? CompletableFuture.completedFuture(BackupCopier.Outcome.copied(row))
                : wiring.copier().copy(place, S3Object.builder().key(row.key())
                    .eTag(row.eTag()).size(row.size()).build()));
        for (int i = 0; i < chunk.size(); i++) {
          BackupCopier.Outcome outcome = outcomes.get(i);
          if (outcome.row() != null) {
            out.add(outcome.row());
            if (chunk.get(i).backupVersion() == null) {
              copied++;
              copiedBytes += outcome.row().size();
            }
          } else if (!outcome.gone()) {
            failures.add(new BackupFailure(chunk.get(i).key(), outcome.failure()));
          }
        }
        chunk.clear();
      }
      wiring.manifests().put(place, backup.manifestKey(), out.sign(header(place, backup,
          failures.size(), null), wiring.manifests().signingKey()));
      return new BackupResult(backup, BackupMode.IN_PROCESS, false, out.objects(), out.bytes(),
          copied, copiedBytes, draft.unchanged(), removed, failures, List.of());
    }
  }

  /**
   * Marks the copies of objects gone from the source deleted. A copy already gone (erased, or
   * never made) is left alone: a delete marker would name its key again.
   */
  long markRemoved(TierPlace place, List<String> keys) {
    List<Boolean> marked = InOrder.map(keys, WINDOW, key -> {
      String copy = wiring.layout().copyKey(place.tier(), key);
      return Futures.capture(() -> place.s3().headObject(b -> b.bucket(place.bucket())
              .key(copy)))
          .handle((head, failure) -> failure == null ? Boolean.TRUE
              : S3Answers.notFound(failure) ? Boolean.FALSE
              : (Boolean) rethrow(failure, "HeadObject", place))
          .thenCompose(exists -> !exists ? CompletableFuture.completedFuture(false)
              : place.s3().deleteObject(b -> b.bucket(place.bucket()).key(copy))
                  .thenApply(done -> true));
    });
    return marked.stream().filter(Boolean::booleanValue).count();
  }

  private static Object rethrow(Throwable failure, String operation, TierPlace place) {
    throw Futures.asCompletion(new StorageException(operation, place.bucket(), null,
        Futures.unwrap(failure)));
  }
}
