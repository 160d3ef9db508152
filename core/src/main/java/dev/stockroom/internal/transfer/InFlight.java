package dev.stockroom.internal.transfer;

import dev.stockroom.exception.TransferCancelledException;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.validation.Require;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every upload between its admission and its outcome, so that shutdown can find them: {@link
 * #admit} refuses work once the instance is closed, and {@link #shutDown} lets what is in flight
 * finish within a grace period, then stops the rest (their multipart uploads aborted) and fails
 * their futures with a {@link TransferCancelledException}. Nothing is left pending.
 */
public final class InFlight {

  private static final Logger log = LoggerFactory.getLogger(InFlight.class);
  /** How long shutdown waits for stopped uploads to abort their parts. */
  private static final Duration CLEANUP_WAIT = Duration.ofSeconds(30);

  private final String bucket;
  private final OpenGuard guard;
  private final Set<Stoppable> active = ConcurrentHashMap.newKeySet();

  /** Something in flight that shutdown can stop: one upload, or a whole directory upload. */
  interface Stoppable {

    /** Returns the future the caller holds. */
    CompletableFuture<?> result();

    /**
     * Stops the work, cleans up what it left in S3 and fails {@link #result()} with {@code
     * reason}; returns when the cleanup has finished (or failed).
     */
    CompletableFuture<Void> stop(TransferCancelledException reason);

    /** Returns the object key (or directory) the work is about, for messages. */
    String subject();
  }

  public InFlight(String bucket, OpenGuard guard) {
    this.bucket = bucket;
    this.guard = guard;
  }

  /**
   * Registers {@code work} until its result completes.
   *
   * @throws IllegalStateException "stockroom is closed" once shutdown has begun
   */
  synchronized void admit(Stoppable work) {
    guard.check();
    active.add(work);
    work.result().whenComplete((done, failure) -> active.remove(work));
  }

  /**
   * Throws if the instance is closed, for the calls that must refuse at once rather than in a
   * future.
   *
   * @throws IllegalStateException "stockroom is closed"
   */
  void checkOpen() {
    guard.check();
  }

  /** Returns whether shutdown has begun: nothing new is admitted. */
  boolean closed() {
    return guard.isClosed();
  }

  /** Returns how many uploads are in flight. */
  public int size() {
    return active.size();
  }

  /**
   * Waits up to {@code grace} for the work in flight to finish, then stops the rest and waits
   * (bounded) for their cleanup. The guard must already be closed, so nothing new is admitted.
   */
  public void shutDown(Duration grace) {
    Require.state(guard.isClosed(), "shut down only a closed Stockroom");
    List<Stoppable> running;
    synchronized (this) {
      running = new ArrayList<>(active);
    }
    if (running.isEmpty()) {
      return;
    }
    log.debug("Closing with {} upload(s) in flight; waiting up to {}", running.size(), grace);
    await(CompletableFuture.allOf(running.stream().map(Stoppable::result)
        .toArray(CompletableFuture[]::new)).exceptionally(failure -> null), grace);
    List<CompletableFuture<Void>> cleanups = new ArrayList<>();
    for (Stoppable work : running) {
      if (!work.result().isDone()) {
        cleanups.add(work.stop(new TransferCancelledException(Require.format(
            "Stockroom was closed before the upload of '%s' finished (grace period %s); it was "
                + "stopped and nothing was stored", work.subject(), grace),
            bucket, work.subject(), null)));
      }
    }
    if (!cleanups.isEmpty()) {
      log.warn("Stockroom for bucket '{}' closed with {} upload(s) unfinished after {}: stopped",
          bucket, cleanups.size(), grace);
      await(CompletableFuture.allOf(cleanups.toArray(CompletableFuture[]::new)), CLEANUP_WAIT);
    }
  }

  private static void await(CompletableFuture<?> future, Duration limit) {
    try {
      future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // what did not finish in time is stopped, or its cleanup logged
    }
  }
}
