package dev.stockroom.internal.protection;

import dev.stockroom.batch.BatchJob;
import dev.stockroom.batch.BatchJobStatus;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.batch.JobDriver;
import dev.stockroom.internal.batch.ManifestWriter;
import dev.stockroom.internal.s3.S3Answers;
import dev.stockroom.protection.Backup;
import dev.stockroom.protection.BackupFailure;
import dev.stockroom.protection.BackupMode;
import dev.stockroom.protection.BackupResult;
import dev.stockroom.validation.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3control.model.JobOperation;
import software.amazon.awssdk.services.s3control.model.S3ChecksumAlgorithm;
import software.amazon.awssdk.services.s3control.model.S3CopyObjectOperation;
import software.amazon.awssdk.services.s3control.model.S3MetadataDirective;
import software.amazon.awssdk.services.s3control.model.S3SSEAlgorithm;
import software.amazon.awssdk.services.s3control.model.S3StorageClass;

/**
 * A backup whose copies run as one S3 Batch Operations job: S3PutObjectCopy of the changed
 * objects into the tier's bucket under its copies' prefix ({@code targetKeyPrefix}), SSE-KMS with
 * the tier's key, the metadata and tags kept, a CRC32C computed. The draft (with the job's id) is
 * stored signed beside the manifests until the job ends; {@link #await} then reads the job's
 * completion report, reads each copy's version and checksum (a HEAD each: the report does not
 * give them), and writes the manifest.
 */
final class BackupJob {

  static final String BACKUP = "backup";
  static final String TIER = "tier";

  private final BackupWiring wiring;

  BackupJob(BackupWiring wiring) {
    this.wiring = wiring;
  }

  BackupResult submit(TierPlace place, Backup backup, BackupRun.Draft draft, long removed) {
    JobDriver jobs = wiring.jobs();
    BackupRun run = new BackupRun(wiring);
    try (ManifestWriter manifest = jobs.newManifest();
        ManifestFile.Reader rows = run.readDraft(place, backup, draft.file());
        ManifestFile.Writer pending = new ManifestFile.Writer()) {
      rows.forEachRemaining(row -> {
        pending.add(row);
        if (row.backupVersion() == null) {
          manifest.add(row.key(), row.size());
        }
      });
      BatchJob job = jobs.submit(backup.id(), "copy", manifest, operation(jobs, place),
          "Stockroom backup " + backup.id() + " (" + manifest.objects() + " objects)",
          Map.of(BACKUP, backup.id(), TIER, place.tier().name()));
      // the draft, now naming its job, waits beside the manifests for await()
      wiring.manifests().put(place, wiring.layout().pendingKey(place.tier(), backup.id()),
          pending.sign(run.header(place, backup, 0, job.id()), wiring.manifests().signingKey()));
      return new BackupResult(backup, BackupMode.BATCH_OPERATIONS, true, pending.objects(),
          pending.bytes(), draft.pending(), draft.pendingBytes(), draft.unchanged(), removed,
          List.of(), List.of(job));
    }
  }

  private JobOperation operation(JobDriver jobs, TierPlace place) {
    S3CopyObjectOperation.Builder copy = S3CopyObjectOperation.builder()
        .targetResource(jobs.arn(place.bucket()))
        .targetKeyPrefix(wiring.layout().copyPrefix(place.tier()))
        .storageClass(S3StorageClass.fromValue(place.storageClass().toString()))
        .metadataDirective(S3MetadataDirective.COPY)
        .newObjectMetadata(m -> m.sseAlgorithm(S3SSEAlgorithm.KMS))
        .sseAwsKmsKeyId(place.kmsKeyId()).bucketKeyEnabled(true)
        .checksumAlgorithm(S3ChecksumAlgorithm.CRC32_C);
    return JobOperation.builder().s3PutObjectCopy(copy.build()).build();
  }

  /**
   * Waits up to {@code timeout} for the job of {@code submitted}; once it has ended, writes the
   * backup's manifest and returns the backup's result. Returns {@code submitted} while it runs.
   */
  BackupResult await(BackupResult submitted, Duration timeout) {
    Require.argument(submitted.submitted() && submitted.jobs().size() == 1, "backup %s was not "
        + "submitted as a Batch Operations job: there is nothing to wait for",
        submitted.backup().id());
    BatchJob job = submitted.jobs().get(0);
    Require.argument(submitted.backup().id().equals(job.labels().get(BACKUP)), "job %s is not "
        + "the copy job of backup %s", job.id(), submitted.backup().id());
    BatchJobStatus status = wiring.jobs().await(List.of(job), timeout).get(job.id());
    if (!status.terminal()) {
      return submitted;
    }
    Map<String, String> outcomes = new HashMap<>();
    if (status.complete()) {
      wiring.jobs().readReport(job, row -> outcomes.put(row.key(), row.succeeded() ? ""
          : row.errorCode() + " (HTTP " + row.httpStatus() + ") in job " + job.id()));
    }
    return finish(submitted, job, status, outcomes);
  }

  private BackupResult finish(BackupResult submitted, BatchJob job, BatchJobStatus status,
      Map<String, String> outcomes) {
    Backup backup = submitted.backup();
    TierPlace place = wiring.layout().place(backup.tier());
    String pendingKey = wiring.layout().pendingKey(place.tier(), backup.id());
    List<BackupFailure> failures = new ArrayList<>();
    long copied = 0;
    long copiedBytes = 0;
    try (ManifestStore.Opened rows = wiring.manifests().open(place, pendingKey, backup.id());
        ManifestFile.Writer out = new ManifestFile.Writer()) {
      Require.argument(job.id().equals(rows.header().job()), "the draft of backup %s names job "
          + "'%s', not %s", backup.id(), rows.header().job(), job.id());
      List<ManifestRow> chunk = new ArrayList<>();
      while (rows.hasNext() || !chunk.isEmpty()) {
        if (rows.hasNext() && chunk.size() < 256) {
          chunk.add(rows.next());
          continue;
        }
        List<Optional<ManifestRow>> done = InOrder.map(chunk, BackupRun.WINDOW,
            row -> resolve(place, row, outcomes.get(row.key()), failures, status));
        for (int i = 0; i < chunk.size(); i++) {
          if (done.get(i).isPresent()) {
            ManifestRow row = done.get(i).get();
            out.add(row);
            if (chunk.get(i).backupVersion() == null) {
              copied++;
              copiedBytes += row.size();
            }
          }
        }
        chunk.clear();
      }
      wiring.manifests().put(place, backup.manifestKey(), out.sign(new BackupRun(wiring)
          .header(place, backup, failures.size(), null), wiring.manifests().signingKey()));
      deletePending(place, pendingKey);
      return new BackupResult(backup, BackupMode.BATCH_OPERATIONS, false, out.objects(),
          out.bytes(), copied, copiedBytes, submitted.unchanged(), submitted.removed(),
          failures, submitted.jobs());
    }
  }

  /** Returns the manifest row of a draft row once the job has run, or empty if it failed. */
  private CompletableFuture<Optional<ManifestRow>> resolve(TierPlace place, ManifestRow row,
      String outcome, List<BackupFailure> failures, BatchJobStatus status) {
    if (row.backupVersion() != null) {
      return CompletableFuture.completedFuture(Optional.of(row));
    }
    if (outcome == null || !outcome.isEmpty()) {
      synchronized (failures) {
        failures.add(new BackupFailure(row.key(), outcome != null ? outcome
            : "not run: job ended " + status.status()));
      }
      return CompletableFuture.completedFuture(Optional.empty());
    }
    String copy = wiring.layout().copyKey(place.tier(), row.key());
    return Futures.capture(() -> place.s3().headObject(b -> b.bucket(place.bucket()).key(copy)
            .checksumMode(ChecksumMode.ENABLED)))
        .handle((head, failure) -> {
          if (failure != null) {
            synchronized (failures) {
              failures.add(new BackupFailure(row.key(), S3Answers.notFound(failure)
                  ? "the job reported it copied, but the copy is not there" : "HeadObject "
                  + "failed: " + Futures.unwrap(failure).getClass().getSimpleName()));
            }
            return Optional.empty();
          }
          return Optional.of(row.copied(head.versionId(), Checksums.of(head),
              head.contentLength() == null ? row.size() : head.contentLength()));
        });
  }

  /** Deletes every version of the draft: it names keys, and the manifest now holds them. */
  private static void deletePending(TierPlace place, String key) {
    VersionDeleter.delete(place.s3(), place.bucket(), VersionSearch.find(new SearchTarget(
        place.s3(), place.bucket(), List.of(), List.of(key))));
  }
}
