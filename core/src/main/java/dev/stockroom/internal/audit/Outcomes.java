package dev.stockroom.internal.audit;

import dev.stockroom.audit.RepairMode;
import dev.stockroom.audit.RepairOutcome;
import dev.stockroom.audit.RepairResult;
import dev.stockroom.audit.RepairStatus;
import dev.stockroom.batch.BatchJob;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects a repair's outcomes from the threads that complete them: every count, the non-repaired
 * outcomes up to {@link RepairResult#MAX_PROBLEMS}, and each outcome passed on to the listener;
 * and, for work handed to Batch Operations, the jobs, counts without keys and notes.
 */
final class Outcomes implements Consumer<RepairOutcome> {

  private final Map<RepairStatus, Long> counts = new EnumMap<>(RepairStatus.class);
  private final List<RepairOutcome> problems = new ArrayList<>();
  private final List<BatchJob> jobs = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final Consumer<RepairOutcome> listener;

  Outcomes(Consumer<RepairOutcome> listener) {
    this.listener = listener;
  }

  @Override
  public void accept(RepairOutcome outcome) {
    synchronized (this) {
      counts.merge(outcome.status(), 1L, Long::sum);
      if (outcome.status() != RepairStatus.REPAIRED && problems.size() < RepairResult.MAX_PROBLEMS) {
        problems.add(outcome);
      }
    }
    if (listener != null) {
      listener.accept(outcome);
    }
  }

  /** Counts {@code objects} objects whose keys the result does not list (a job's). */
  synchronized void count(RepairStatus status, long objects) {
    if (objects > 0) {
      counts.merge(status, objects, Long::sum);
    }
  }

  synchronized void job(BatchJob job) {
    jobs.add(job);
  }

  synchronized void note(String note) {
    notes.add(note);
  }

  synchronized RepairResult result(RepairMode mode) {
    return new Result(mode, Collections.unmodifiableMap(new EnumMap<>(counts)),
        List.copyOf(problems), List.copyOf(jobs), List.copyOf(notes));
  }

  private record Result(RepairMode mode, Map<RepairStatus, Long> counts,
      List<RepairOutcome> problems, List<BatchJob> jobs, List<String> notes)
      implements RepairResult {

    @Override
    public String toString() {
      return "repair " + mode + ": " + counts + (jobs.isEmpty() ? "" : ", jobs "
          + jobs.stream().map(BatchJob::id).toList()) + (notes.isEmpty() ? "" : ", " + notes);
    }
  }
}
