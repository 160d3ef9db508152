package dev.stockroom.protection;

import java.util.concurrent.CompletableFuture;

/**
 * Data protection for what Stockroom stores: erasure of a data subject (GDPR's right to be
 * forgotten) across every version, in the bucket and its backups. Reached through {@code
 * stockroom.protection()}.
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
}
