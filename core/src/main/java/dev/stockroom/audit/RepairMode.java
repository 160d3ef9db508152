package dev.stockroom.audit;

/** Where a repair runs. */
public enum RepairMode {
  /**
   * In-process up to the Batch Operations settings' {@code inProcessLimit} objects, as S3 Batch
   * Operations jobs above it (when Batch Operations are configured).
   */
  AUTO,
  /** Copies, retentions and aborts sent from this process, with bounded concurrency. */
  IN_PROCESS,
  /** S3 Batch Operations jobs over a manifest Stockroom writes to the bucket. */
  BATCH_OPERATIONS
}
