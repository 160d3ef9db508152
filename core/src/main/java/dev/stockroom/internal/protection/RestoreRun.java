package dev.stockroom.internal.protection;

import dev.stockroom.internal.AwsAnswers;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.S3Answers;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.protection.Backup;
import dev.stockroom.protection.RestoreMismatch;
import dev.stockroom.protection.RestoreMismatch.Problem;
import dev.stockroom.protection.RestoreReport;
import dev.stockroom.protection.RestoreTarget;
import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Restores one backup into a scratch place and verifies it: each object of the manifest is
 * copied server-side from the version of its copy the manifest names, then read back whole and
 * its size and checksum recomputed and compared with the manifest's. The clock of the recovery
 * runs from the first request to the last object verified; clean-up, if asked, comes after.
 */
final class RestoreRun {

  private static final Logger LOG = LoggerFactory.getLogger(RestoreRun.class);
  private static final int CHUNK = 256;

  /**
   * What became of one object.
   *
   * @param written whether the restore wrote it (its copy succeeded)
   * @param restoredVersion the version written, or null in an unversioned bucket
   */
  private record Outcome(long bytes, boolean byChecksum, RestoreMismatch mismatch,
      boolean written, String restoredVersion) {}

  private final BackupWiring wiring;
  private final String kmsKeyId;

  /** Restores with {@code wiring}'s source client; {@code kmsKeyId} is Stockroom's key, or null. */
  RestoreRun(BackupWiring wiring, String kmsKeyId) {
    this.wiring = wiring;
    this.kmsKeyId = kmsKeyId;
  }

  RestoreReport run(Backup backup, RestoreTarget target) {
    wiring.guard().check();
    TierPlace place = wiring.layout().place(backup.tier());
    Require.argument(place.bucket().equals(backup.bucket()), "backup %s is in bucket '%s', but "
        + "the %s tier is kept in '%s'", backup.id(), backup.bucket(), backup.tier(),
        place.bucket());
    String bucket = target.bucket().orElse(wiring.source());
    checkTarget(bucket, target);
    String key = target.kmsKeyId().orElse(kmsKeyId != null ? kmsKeyId
        : wiring.layout().settings().kmsKeyId().orElseThrow());
    Instant started = wiring.clock().instant();
    long start = System.nanoTime();
    List<RestoreMismatch> mismatches = new ArrayList<>();
    AtomicLong restored = new AtomicLong();
    AtomicLong bytes = new AtomicLong();
    AtomicLong byChecksum = new AtomicLong();
    AtomicLong bySize = new AtomicLong();
    long objects = 0;
    long missing;
    long cleaned = 0;
    try (ManifestStore.Opened rows = wiring.manifests().open(place, backup);
        RestoredVersions written = new RestoredVersions()) {
      missing = rows.header().failed();
      List<ManifestRow> chunk = new ArrayList<>(CHUNK);
      long line = 10;
      while (rows.hasNext() || !chunk.isEmpty()) {
        if (rows.hasNext() && chunk.size() < CHUNK) {
          chunk.add(rows.next());
          continue;
        }
        wiring.guard().check();
        long first = line + 1;
        List<Outcome> outcomes = InOrder.map(chunk, BackupRun.WINDOW, row -> restore(place, row,
            bucket, target.prefix() + row.key(), key));
        for (int i = 0; i < chunk.size(); i++) {
          Outcome outcome = outcomes.get(i);
          objects++;
          if (outcome.written()) {
            written.add(target.prefix() + chunk.get(i).key(), outcome.restoredVersion());
          }
          if (outcome.mismatch() != null) {
            RestoreMismatch m = outcome.mismatch();
            mismatches.add(new RestoreMismatch(first + i, m.key(), m.problem(), m.expected(),
                m.actual()));
          } else {
            restored.incrementAndGet();
            bytes.addAndGet(outcome.bytes());
            (outcome.byChecksum() ? byChecksum : bySize).incrementAndGet();
          }
        }
        line += chunk.size();
        chunk.clear();
      }
      Duration recovery = Duration.ofNanos(System.nanoTime() - start);
      Instant finished = wiring.clock().instant();
      if (target.cleansUp()) {
        cleaned = written.deleteAll(wiring.s3(), bucket);
      }
      RestoreReport report = new RestoreReport(backup, target, started, finished, recovery,
          Duration.between(backup.takenAt(), started), objects, restored.get(), bytes.get(),
          byChecksum.get(), bySize.get(), missing, mismatches, cleaned);
      LOG.info("Restore drill of backup {}: {} of {} objects restored and verified in {}, "
          + "{} mismatches, backup age {}", backup.id(), report.restored(), report.objects(),
          recovery, mismatches.size(), report.backupAge());
      return report;
    }
  }

  /**
   * Refuses a target where restored copies would mix with what they must stay apart from: the
   * shop's data (a kind's prefix) or Stockroom's working files, or the backups themselves.
   */
  private void checkTarget(String bucket, RestoreTarget target) {
    String prefix = target.prefix();
    if (bucket.equals(wiring.source())) {
      for (StoragePolicy policy : wiring.policies().policies()) {
        Require.argument(!overlap(prefix, policy.prefix()), "restore prefix '%s' overlaps the "
            + "prefix '%s' of %s: restore into a scratch prefix outside every kind's", prefix,
            policy.prefix(), policy.kind());
      }
      if (wiring.jobs() != null) {
        String work = wiring.jobs().settings().workPrefix();
        Require.argument(!overlap(prefix, work), "restore prefix '%s' overlaps Batch "
            + "Operations' work prefix '%s'", prefix, work);
      }
    }
    String backups = wiring.layout().settings().prefix();
    wiring.layout().places().stream().map(TierPlace::bucket).distinct()
        .filter(bucket::equals).findAny().ifPresent(backupBucket -> Require.argument(
            !overlap(prefix, backups), "restore prefix '%s' of backup bucket '%s' overlaps the "
                + "backups' prefix '%s'", prefix, backupBucket, backups));
  }

  private static boolean overlap(String a, String b) {
    return a.startsWith(b) || b.startsWith(a);
  }

  private CompletableFuture<Outcome> restore(TierPlace place, ManifestRow row, String bucket,
      String targetKey, String key) {
    if (ObjectKeys.problem(targetKey).isPresent()) {
      return CompletableFuture.completedFuture(new Outcome(0, false, mismatch(row,
          Problem.UNREADABLE, "", "its key is too long under the restore prefix"), false,
          null));
    }
    S3AsyncClient s3 = wiring.s3();
    return Futures.capture(() -> s3.copyObject(b -> b.sourceBucket(place.bucket())
            .sourceKey(wiring.layout().copyKey(place.tier(), row.key()))
            .sourceVersionId(row.backupVersion()).destinationBucket(bucket)
            .destinationKey(targetKey).metadataDirective(MetadataDirective.COPY)
            .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(key)
            .bucketKeyEnabled(true)))
        .thenCompose(copied -> verify(row, bucket, targetKey, copied.versionId())
            .exceptionally(failure -> new Outcome(0, false, failed(row, failure, false), true,
                copied.versionId())))
        .exceptionally(failure -> new Outcome(0, false, failed(row, failure, true), false,
            null));
  }

  private CompletableFuture<Outcome> verify(ManifestRow row, String bucket, String targetKey,
      String version) {
    SdkChecksum checksum = row.checksum() == null ? null : Checksums.start(row.checksum());
    AtomicLong read = new AtomicLong();
    return Futures.capture(() -> wiring.s3().getObject(b -> b.bucket(bucket).key(targetKey)
            .versionId(version), AsyncResponseTransformer.toPublisher()))
        .thenCompose(body -> body.subscribe(buffer -> {
          read.addAndGet(buffer.remaining());
          if (checksum != null) {
            checksum.update(buffer);
          }
        }))
        .thenApply(done -> {
          if (read.get() != row.size()) {
            return new Outcome(read.get(), false, mismatch(row, Problem.SIZE, row.size()
                + " bytes", read.get() + " bytes"), true, version);
          }
          if (checksum == null) {
            return new Outcome(read.get(), false, null, true, version);
          }
          String actual = Checksums.finish(row.checksum(), checksum);
          return actual.equals(row.checksum())
              ? new Outcome(read.get(), true, null, true, version)
              : new Outcome(read.get(), false, mismatch(row, Problem.CHECKSUM, row.checksum(),
                  actual), true, version);
        });
  }

  private static RestoreMismatch failed(ManifestRow row, Throwable failure, boolean copying) {
    Throwable cause = Futures.unwrap(failure);
    if (copying && (S3Answers.notFound(cause)
        || AwsAnswers.errorCode(cause).filter("NoSuchVersion"::equals).isPresent())) {
      return mismatch(row, Problem.MISSING, "version " + row.backupVersion(), "not there");
    }
    String message = String.valueOf(cause.getMessage());
    if (!copying && message.contains("checksum")) {
      return mismatch(row, Problem.CHECKSUM, row.checksum() == null ? "" : row.checksum(),
          "the client's own checksum check failed while reading");
    }
    return mismatch(row, Problem.UNREADABLE, "", (copying ? "CopyObject: " : "GetObject: ")
        + AwsAnswers.shortReason(cause));
  }

  private static RestoreMismatch mismatch(ManifestRow row, Problem problem, String expected,
      String actual) {
    // the line is set by the caller, which knows where the row stood in the manifest
    return new RestoreMismatch(0, row.key(), problem, expected, actual);
  }
}
