package dev.stockroom.protection;

/** Where a backup's copies run. */
public enum BackupMode {
  /**
   * In-process up to the Batch Operations {@code inProcessLimit} objects to copy, as a Batch
   * Operations job above it (when Batch Operations are configured; in-process otherwise).
   */
  AUTO,
  /** Every copy from this process (CopyObject, or UploadPartCopy above 5 GiB). */
  IN_PROCESS,
  /** One S3 Batch Operations copy job for the changed objects. */
  BATCH_OPERATIONS
}
