package dev.stockroom.audit;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * Audits the objects already in the bucket against the policy in force, and repairs them. Reached
 * through {@code stockroom.audit()}.
 */
public interface Audit {

  /**
   * Runs {@code request} and returns its report. Memory stays flat whatever the number of objects:
   * objects are read a page or a row at a time and only counts and samples are kept.
   *
   * @throws NullPointerException if {@code request} is null
   * @throws IllegalArgumentException if the inventory or its manifest is not one S3 writes, lists
   *     another bucket, or fails its checksums (nothing is written to the findings file)
   * @throws dev.stockroom.exception.StorageException if a request to S3 fails
   * @throws IllegalStateException if Stockroom is closed
   */
  AuditReport run(AuditRequest request);

  /** As {@link #run}, without blocking: failures complete the future exceptionally. */
  CompletableFuture<AuditReport> runAsync(AuditRequest request);

  /**
   * Plans the repair of what {@code report} found, from its findings file. Makes no change.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the report wrote no findings file
   */
  RepairPlan plan(AuditReport report, RepairRequest request);

  /**
   * Plans the repair of the findings in {@code findingsFile} (written by an earlier audit of this
   * bucket, perhaps in another process). The file is read as untrusted input: each line is checked,
   * each key is classified again by the policy in force, and the plan only ever moves an object
   * toward its policy. Makes no change.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the file is not a findings file of this bucket, naming the
   *     line, column and value of the first bad line
   */
  RepairPlan plan(Path findingsFile, RepairRequest request);
}
