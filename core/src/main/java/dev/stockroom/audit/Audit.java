package dev.stockroom.audit;

import dev.stockroom.batch.BatchJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  /**
   * Waits up to {@code timeout} for the S3 Batch Operations jobs of a repair ({@link
   * RepairResult#jobs()}) to end, and returns their outcomes read from the jobs' completion
   * reports: each task as the outcome an in-process repair would have had, tasks a failed or
   * cancelled job never ran counted as FAILED (with the job's reasons in {@link
   * RepairResult#notes()}), and the objects of jobs still running as SUBMITTED — call again
   * (another process may, with the same jobs). A zero timeout asks once without waiting.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the timeout is negative or over 7 days, a job is not one a
   *     repair created, or a report is not one S3 wrote for its job (naming file, line and value)
   * @throws IllegalStateException if Batch Operations are not configured or Stockroom is closed
   * @throws dev.stockroom.exception.StorageException if S3 Control or S3 refuses a request
   */
  RepairResult awaitJobs(List<BatchJob> jobs, Duration timeout);

  /** As {@link #awaitJobs}, without blocking: failures complete the future exceptionally. */
  CompletableFuture<RepairResult> awaitJobsAsync(List<BatchJob> jobs, Duration timeout);
}
