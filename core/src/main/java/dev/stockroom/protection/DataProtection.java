package dev.stockroom.protection;

import dev.stockroom.lifecycle.BucketLifecycle;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Data protection for what Stockroom stores: erasure of a data subject (GDPR's right to be
 * forgotten) across every version, in the bucket and its backups; incremental backups of the
 * transactional data in daily, weekly and monthly tiers, and restore drills that prove them.
 * Reached through {@code
 * stockroom.protection()}; backups need {@code backups(...)} on the Stockroom builder.
 */
public interface DataProtection {

  /**
   * Finds what erasing {@code request}'s subject would delete, without deleting anything: every
   * version and delete marker under the subject's prefixes and of the named keys, in the bucket
   * and (unless excluded) in each backup tier's copies, and the Object Lock state of each version.
   *
   * @throws NullPointerException if {@code request} is null
   * @throws dev.stockroom.exception.StorageException if a request to S3 fails
   * @throws IllegalStateException if Stockroom is closed
   */
  ErasurePlan planErasure(ErasureRequest request);

  /** As {@link #planErasure}, without blocking: failures complete the future exceptionally. */
  CompletableFuture<ErasurePlan> planErasureAsync(ErasureRequest request);

  /**
   * Plans and applies the erasure of {@code request}'s subject: {@code
   * planErasure(request).apply()}. Safe to run again: what is gone stays gone, and the receipt
   * says what is left.
   *
   * @throws NullPointerException if {@code request} is null
   * @throws ErasureReceiptException if the erasure ran but its receipt could not be stored
   * @throws dev.stockroom.exception.StorageException if a request to S3 fails
   * @throws IllegalStateException if Stockroom is closed
   */
  default ErasureReceipt erase(ErasureRequest request) {
    return planErasure(request).apply();
  }

  /**
   * Backs up the transactional data into {@code tier}, in AUTO mode: {@code backup(tier,
   * BackupMode.AUTO)}.
   *
   * @throws NullPointerException if {@code tier} is null
   * @throws dev.stockroom.exception.BackupException if the tier's bucket is not versioned
   * @throws IllegalArgumentException if the tier's last manifest was altered (naming what)
   * @throws dev.stockroom.exception.StorageException if a request to S3 fails
   * @throws IllegalStateException if backups are not configured, or Stockroom is closed
   */
  default BackupResult backup(BackupTier tier) {
    return backup(tier, BackupMode.AUTO);
  }

  /**
   * Backs up the transactional data into {@code tier}: brings the tier bucket's lifecycle rules
   * in line (they enforce the retention), lists the source, compares it with the tier's last
   * manifest (whose signature is checked first), copies what is new or changed server-side
   * (SSE-KMS with the tier's key), marks the copies of objects gone from the source deleted, and
   * writes the backup's signed manifest. Objects that fail are left out of the manifest and
   * reported. Above the Batch Operations {@code inProcessLimit} changed objects (AUTO), or when
   * asked, the copies run as one S3 Batch Operations job: the result is then {@link
   * BackupResult#submitted()} and {@link #awaitBackup} finishes it.
   *
   * @throws NullPointerException if an argument is null
   * @throws dev.stockroom.exception.BackupException if the tier's bucket is not versioned
   * @throws IllegalArgumentException if the tier's last manifest was altered (naming what)
   * @throws dev.stockroom.exception.StorageException if a request to S3 or S3 Control fails
   * @throws IllegalStateException if backups are not configured, BATCH_OPERATIONS is asked
   *     without Batch Operations configured, or Stockroom is closed
   */
  BackupResult backup(BackupTier tier, BackupMode mode);

  /** As {@link #backup(BackupTier, BackupMode)}, without blocking. */
  CompletableFuture<BackupResult> backupAsync(BackupTier tier, BackupMode mode);

  /**
   * Waits up to {@code timeout} for the Batch Operations job of a submitted backup; once it has
   * ended, reads its completion report and each copy's version and checksum, writes the
   * backup's manifest and returns the finished result. Returns {@code submitted} while the job
   * runs (call again, from this process or another holding the same result).
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the result was not submitted as a job, the timeout is
   *     negative or over 7 days, or the draft or the report was altered
   * @throws dev.stockroom.exception.StorageException if a request to S3 or S3 Control fails
   * @throws IllegalStateException if backups or Batch Operations are not configured, or
   *     Stockroom is closed
   */
  BackupResult awaitBackup(BackupResult submitted, Duration timeout);

  /**
   * Returns the backups of {@code tier} whose manifests are still kept, newest first.
   *
   * @throws NullPointerException if {@code tier} is null
   * @throws dev.stockroom.exception.StorageException if the listing fails
   * @throws IllegalStateException if backups are not configured, or Stockroom is closed
   */
  List<Backup> backups(BackupTier tier);

  /**
   * Restores {@code backup} into {@code target} and verifies it: reads its manifest (refused if
   * altered), copies each object server-side from the version the manifest names, reads it back
   * whole and compares its size and checksum with the manifest's. Reports the recovery time, the
   * backup's age, what was restored and every mismatch; deletes the restored copies afterwards
   * when the target {@linkplain RestoreTarget#cleanUp() cleans up}. A mismatch is reported, not
   * thrown.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the target overlaps the shop's data, Stockroom's working
   *     files or the backups, the backup is not in its tier's bucket, or its manifest was altered
   *     (naming what)
   * @throws dev.stockroom.exception.BackupException if the manifest is gone (expired)
   * @throws dev.stockroom.exception.StorageException if a request to S3 fails outside the
   *     per-object copies and reads
   * @throws IllegalStateException if backups are not configured, or Stockroom is closed
   */
  RestoreReport restore(Backup backup, RestoreTarget target);

  /** As {@link #restore}, without blocking: failures complete the future exceptionally. */
  CompletableFuture<RestoreReport> restoreAsync(Backup backup, RestoreTarget target);

  /**
   * Runs a restore drill of the latest backup of {@code tier} into {@code target}: {@code
   * restore(latest, target)}. For a scheduled job: its report's {@code toString()} is for people,
   * and {@link RestoreReport#passed()} says whether to page anyone.
   *
   * @throws NullPointerException if an argument is null
   * @throws dev.stockroom.exception.BackupException if the tier has no backup
   * @throws IllegalArgumentException as {@link #restore}
   * @throws dev.stockroom.exception.StorageException as {@link #restore}
   * @throws IllegalStateException if backups are not configured, or Stockroom is closed
   */
  RestoreReport drill(BackupTier tier, RestoreTarget target);

  /**
   * Returns the lifecycle of each backup bucket: the rules that enforce the tiers' retentions
   * (ids {@code stockroom.backup.*}; every other rule is kept). A backup applies them itself;
   * plan them to see drift.
   *
   * @throws IllegalStateException if backups are not configured
   */
  List<BucketLifecycle> backupLifecycles();
}
