package dev.stockroom.audit;

import dev.stockroom.cost.PriceList;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What a repair would do, made without changing anything: the steps with their objects and bytes,
 * where it would run and what its requests would cost. {@link #apply()} carries it out. Its {@code
 * toString()} is a table for people.
 */
public interface RepairPlan {

  /** Returns the bucket. */
  String bucket();

  /** Returns the findings file the plan was made from. */
  Path findingsFile();

  /** Returns the request the plan was made for. */
  RepairRequest request();

  /** Returns where {@link #apply()} runs: IN_PROCESS or BATCH_OPERATIONS (never AUTO). */
  RepairMode mode();

  /** Returns the steps, in the order of {@link RepairAction}. */
  List<RepairStep> steps();

  /** Returns how many objects and uploads the repair changes (copies, retentions, aborts). */
  long objectsToChange();

  /** Returns the bytes of the objects the repair copies. */
  long bytesToCopy();

  /** Returns whether the repair would change nothing. */
  default boolean isEmpty() {
    return objectsToChange() == 0 && steps().stream()
        .noneMatch(step -> step.action() == RepairAction.RESTORE);
  }

  /**
   * Returns an estimate of what the repair's requests cost at {@code prices} (HEAD, COPY, PUT
   * retention, restores; Batch Operations job and object fees in that mode; early-deletion charges
   * for objects replaced before their class's minimum duration), in the price list's currency.
   *
   * @throws NullPointerException if {@code prices} is null
   */
  double requestCost(PriceList prices);

  /** As {@link #requestCost(PriceList)} at the bundled us-east-1 prices. */
  default double requestCost() {
    return requestCost(PriceList.usEast1());
  }

  /**
   * Carries out the plan, reading the findings file again (it must be unchanged since the plan was
   * made), and returns how it went. In {@link RepairMode#BATCH_OPERATIONS} it returns once the
   * jobs are created: their objects count as {@link RepairStatus#SUBMITTED} and {@code
   * Audit.awaitJobs} reads their outcomes once they end.
   *
   * @throws IllegalArgumentException if the findings file changed since the plan was made
   * @throws IllegalStateException if Stockroom is closed
   * @throws dev.stockroom.exception.StorageException if a manifest cannot be written or a job
   *     cannot be created (naming the jobs already created, which run)
   */
  RepairResult apply();

  /** As {@link #apply()}, without blocking: failures complete the future exceptionally. */
  CompletableFuture<RepairResult> applyAsync();
}
