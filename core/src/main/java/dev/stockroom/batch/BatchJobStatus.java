package dev.stockroom.batch;

import dev.stockroom.validation.Require;
import java.util.List;
import java.util.Set;

/**
 * Where a job stands, as S3 Batch Operations describes it.
 *
 * @param id the job id
 * @param status S3's status ({@code New}, {@code Preparing}, {@code Ready}, {@code Active},
 *     {@code Complete}, {@code Failed}, {@code Cancelled}, …)
 * @param totalTasks how many objects the job has (0 until S3 has read the manifest)
 * @param succeeded how many tasks succeeded so far
 * @param failed how many tasks failed so far
 * @param failureReasons why the job failed, if it did (S3's codes and reasons)
 */
public record BatchJobStatus(String id, String status, long totalTasks, long succeeded,
    long failed, List<String> failureReasons) {

  private static final Set<String> TERMINAL = Set.of("Complete", "Failed", "Cancelled");

  /**
   * Checks the status.
   *
   * @throws NullPointerException if an argument is null
   */
  public BatchJobStatus {
    Require.nonNull(id, "id");
    Require.nonNull(status, "status");
    failureReasons = List.copyOf(Require.nonNull(failureReasons, "failureReasons"));
  }

  /** Returns whether the job has ended (Complete, Failed or Cancelled) and will not change. */
  public boolean terminal() {
    return TERMINAL.contains(status);
  }

  /** Returns whether the job ended with every task run (some may still have failed). */
  public boolean complete() {
    return "Complete".equals(status);
  }
}
