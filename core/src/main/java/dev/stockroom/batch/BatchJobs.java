package dev.stockroom.batch;

/**
 * The S3 Batch Operations jobs of a Stockroom's account: their status, and cancelling one.
 * Reached through {@code stockroom.batchJobs()} when Batch Operations are configured.
 */
public interface BatchJobs {

  /** Returns the settings the jobs are created with. */
  BatchOperations settings();

  /**
   * Returns where job {@code jobId} stands.
   *
   * @throws NullPointerException if {@code jobId} is null
   * @throws IllegalArgumentException if the id is not one S3 gives (letters, digits, dashes)
   * @throws dev.stockroom.exception.StorageException if S3 Control refuses or cannot be reached
   * @throws IllegalStateException if Stockroom is closed
   */
  BatchJobStatus describe(String jobId);

  /**
   * Asks S3 to cancel job {@code jobId}; tasks already run stay done.
   *
   * @throws NullPointerException if {@code jobId} is null
   * @throws IllegalArgumentException if the id is not one S3 gives
   * @throws dev.stockroom.exception.StorageException if S3 Control refuses or cannot be reached
   * @throws IllegalStateException if Stockroom is closed
   */
  void cancel(String jobId);
}
