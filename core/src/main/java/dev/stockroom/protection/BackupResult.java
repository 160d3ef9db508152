package dev.stockroom.protection;

import dev.stockroom.batch.BatchJob;
import dev.stockroom.validation.Require;
import java.util.List;

/**
 * How one backup went: the backup, what it copied and what it found unchanged since the tier's
 * previous backup, the objects gone from the source since (their copies are marked deleted, and
 * expire with the tier's retention), and what failed. A backup run as a Batch Operations job is
 * {@link #submitted()} until {@code awaitBackup} finds the job ended and writes its manifest.
 *
 * @param backup the backup
 * @param mode where its copies ran (IN_PROCESS or BATCH_OPERATIONS)
 * @param submitted whether its copy job is still to be awaited (its manifest is not written yet)
 * @param objects the objects the manifest lists (the source's transactional objects, less failures)
 * @param bytes their size
 * @param copied the objects copied, new or changed since the previous backup
 * @param copiedBytes their size
 * @param unchanged the objects unchanged since the previous backup, whose copies are reused
 * @param removed the objects gone from the source since the previous backup
 * @param failures the objects not copied, with why
 * @param jobs the Batch Operations jobs of the backup (empty in-process)
 */
public record BackupResult(Backup backup, BackupMode mode, boolean submitted, long objects,
    long bytes, long copied, long copiedBytes, long unchanged, long removed,
    List<BackupFailure> failures, List<BatchJob> jobs) {

  /**
   * Checks the result.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a count is negative
   */
  public BackupResult {
    Require.nonNull(backup, "backup");
    Require.nonNull(mode, "mode");
    Require.argument(objects >= 0 && bytes >= 0 && copied >= 0 && copiedBytes >= 0
        && unchanged >= 0 && removed >= 0, "backup counts must not be negative");
    failures = List.copyOf(Require.nonNull(failures, "failures"));
    jobs = List.copyOf(Require.nonNull(jobs, "jobs"));
  }

  /** Returns whether every object was backed up and the manifest is written. */
  public boolean complete() {
    return !submitted && failures.isEmpty();
  }

  /** Returns the result as readable text, without keys. */
  @Override
  public String toString() {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder("Backup ").append(backup.id()).append(" (")
        .append(backup.tier()).append(", s3://").append(backup.bucket()).append(") ")
        .append(submitted ? "SUBMITTED as " + jobs.size() + " Batch Operations job(s)"
            : complete() ? "complete" : "INCOMPLETE").append(nl)
        .append(String.format("  %,d objects, %,d bytes: %,d copied (%,d bytes), %,d unchanged, "
            + "%,d removed since the previous backup, %,d failed%n", objects, bytes, copied,
            copiedBytes, unchanged, removed, failures.size()));
    failures.stream().map(BackupFailure::detail).distinct().limit(10)
        .forEach(detail -> text.append("  failed: ").append(detail).append(nl));
    return text.toString();
  }
}
