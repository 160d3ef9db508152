package dev.stockroom.audit;

import dev.stockroom.batch.BatchJob;
import java.util.List;
import java.util.Map;

/**
 * How a repair went: the count per status, and every outcome that was not {@link
 * RepairStatus#REPAIRED} (up to {@link #MAX_PROBLEMS}; the counts are always complete). Each
 * outcome also went to the request's listener as it happened.
 */
public interface RepairResult {

  /** The most non-repaired outcomes a result keeps. */
  int MAX_PROBLEMS = 10_000;

  /** Returns where the repair ran. */
  RepairMode mode();

  /** Returns how many objects and uploads ended in each status (statuses that occurred). */
  Map<RepairStatus, Long> counts();

  /** Returns how many ended in {@code status}. */
  default long count(RepairStatus status) {
    return counts().getOrDefault(status, 0L);
  }

  /** Returns the outcomes that were not REPAIRED, in the order they ended. */
  List<RepairOutcome> problems();

  /** Returns the S3 Batch Operations jobs the repair created (none in-process). */
  default List<BatchJob> jobs() {
    return List.of();
  }

  /**
   * Returns what the counts cannot say for one object, each as a sentence: jobs that failed or
   * were cancelled with tasks never run, and why. Empty when there is nothing to add.
   */
  default List<String> notes() {
    return List.of();
  }

  /** Returns whether every object and upload the plan meant to change was changed. */
  default boolean complete() {
    return counts().keySet().stream()
        .allMatch(status -> status == RepairStatus.REPAIRED || status == RepairStatus.LEFT_ALONE);
  }
}
