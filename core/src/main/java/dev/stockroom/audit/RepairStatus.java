package dev.stockroom.audit;

/** How the repair of one object or upload ended. */
public enum RepairStatus {
  /** Changed as planned; the object now matches its policy. */
  REPAIRED,
  /** Not touched: its ETag is no longer the one the audit saw (someone wrote it since). */
  CHANGED_SINCE_AUDIT,
  /** Not touched: the object or upload is no longer there. */
  GONE,
  /** Not touched: archived, and not restored; ask for a restore or restore it and repair again. */
  NEEDS_RESTORE,
  /** A restore was requested; repair again once it completes. */
  RESTORE_REQUESTED,
  /** Not touched: under no known prefix, or its findings were not selected. */
  LEFT_ALONE,
  /** Not touched: the repair is impossible here (the detail says why). */
  NOT_REPAIRABLE,
  /** The request failed; the detail holds S3's error code. */
  FAILED,
  /**
   * Handed to an S3 Batch Operations job that has not ended yet: {@code Audit.awaitJobs} reads
   * the job's completion report into the statuses above.
   */
  SUBMITTED
}
