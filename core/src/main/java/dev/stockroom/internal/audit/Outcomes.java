package dev.stockroom.internal.audit;

import dev.stockroom.audit.RepairMode;
import dev.stockroom.audit.RepairOutcome;
import dev.stockroom.audit.RepairResult;
import dev.stockroom.audit.RepairStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Collects a repair's outcomes from the threads that complete them: every count, the non-repaired
 * outcomes up to {@link RepairResult#MAX_PROBLEMS}, and each outcome passed on to the listener.
 */
final class Outcomes implements Consumer<RepairOutcome> {

  private final Map<RepairStatus, Long> counts = new EnumMap<>(RepairStatus.class);
  private final List<RepairOutcome> problems = new ArrayList<>();
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

  synchronized RepairResult result(RepairMode mode) {
    return new Result(mode, Collections.unmodifiableMap(new EnumMap<>(counts)),
        List.copyOf(problems));
  }

  private record Result(RepairMode mode, Map<RepairStatus, Long> counts,
      List<RepairOutcome> problems) implements RepairResult {

    @Override
    public String toString() {
      return "repair " + mode + ": " + counts;
    }
  }
}
