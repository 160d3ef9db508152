package dev.stockroom.internal.audit;

import dev.stockroom.audit.RepairAction;
import dev.stockroom.audit.RepairMode;
import dev.stockroom.audit.RepairOutcome;
import dev.stockroom.audit.RepairResult;
import dev.stockroom.audit.RepairStatus;
import dev.stockroom.exception.StockroomException;
import dev.stockroom.internal.OpenGuard;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * Runs a repair in-process: reads the findings file again, decides each line as the plan did, and
 * keeps at most {@code concurrency} repairs in flight. Returns once every repair it started has
 * ended, also when it stops early (Stockroom closed, thread interrupted).
 */
final class RepairRun {

  private final String bucket;
  private final RepairRules rules;
  private final InPlaceRepair repair;
  private final int concurrency;
  private final OpenGuard guard;

  RepairRun(String bucket, RepairRules rules, InPlaceRepair repair, int concurrency,
      OpenGuard guard) {
    this.bucket = bucket;
    this.rules = rules;
    this.repair = repair;
    this.concurrency = concurrency;
    this.guard = guard;
  }

  RepairResult run(Path findingsFile, Outcomes outcomes) {
    Semaphore permits = new Semaphore(concurrency);
    try {
      FindingsFile.read(findingsFile, bucket, row -> start(row, permits, outcomes));
    } finally {
      // every repair started ends before the result (or the failure) is returned
      permits.acquireUninterruptibly(concurrency);
    }
    return outcomes.result(RepairMode.IN_PROCESS);
  }

  private void start(FindingRow row, Semaphore permits, Outcomes outcomes) {
    guard.check();
    Optional<RepairRules.Decision> decision = rules.decide(row);
    if (decision.isEmpty()) {
      outcomes.accept(new RepairOutcome(row.key(), row.findings(), RepairAction.LEAVE,
          RepairStatus.LEFT_ALONE, "findings not selected"));
      return;
    }
    try {
      permits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StockroomException("interrupted while repairing", bucket, row.key(), e);
    }
    repair.repair(row, decision.get()).whenComplete((outcome, failure) -> {
      try {
        outcomes.accept(outcome != null ? outcome : new RepairOutcome(row.key(), row.findings(),
            decision.get().action(), RepairStatus.FAILED, failure.getClass().getSimpleName()));
      } finally {
        // released after the outcome is counted: the run returns only once all are
        permits.release();
      }
    });
  }
}
