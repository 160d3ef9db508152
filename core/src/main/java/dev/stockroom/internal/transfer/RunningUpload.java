package dev.stockroom.internal.transfer;

import dev.stockroom.exception.TransferCancelledException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One upload from admission to outcome. The caller holds {@link #result()}; the pipeline runs each
 * stage (checks, hashing, the PUT) through {@link #stage}, so that whoever stops the upload —
 * the caller cancelling {@code result()}, an interrupt, or shutdown — can cancel the stage under
 * way and keep the next one from starting. A stopped upload's parts are aborted before its
 * failure is reported.
 */
final class RunningUpload implements InFlight.Stoppable {

  private final String key;
  private final Instant admitted;
  private final Function<RunningUpload, CompletableFuture<Void>> cleanup;
  private final CompletableFuture<dev.stockroom.transfer.StoredObject> result =
      new CompletableFuture<>();
  /** RUNNING until paused (parts kept for a resume) or stopped (parts aborted). */
  private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
  private final List<Runnable> onStop = new CopyOnWriteArrayList<>();
  private volatile boolean sending;

  /**
   * @param cleanup aborts what the upload left in S3 (its multipart upload); never fails
   */
  RunningUpload(String key, Instant admitted,
      Function<RunningUpload, CompletableFuture<Void>> cleanup) {
    this.key = key;
    this.admitted = admitted;
    this.cleanup = cleanup;
    // a caller who cancels the future stops the transfer and gets its parts aborted
    result.whenComplete((stored, failure) -> {
      if (failure instanceof CancellationException
          && state.compareAndSet(State.RUNNING, State.STOPPED)) {
        cancelCurrent();
        cleanup.apply(this);
      }
    });
  }

  @Override
  public CompletableFuture<dev.stockroom.transfer.StoredObject> result() {
    return result;
  }

  @Override
  public String subject() {
    return key;
  }

  /** Returns when the upload was admitted: its parts in S3 cannot be older (but for clock skew). */
  Instant admitted() {
    return admitted;
  }

  private enum State { RUNNING, PAUSED, STOPPED }

  /**
   * Notes that bytes may now go to S3 in parts: from here on a failure may leave parts to clean
   * up.
   */
  void sending() {
    sending = true;
  }

  /** Returns whether the upload got as far as sending, so it may have left parts in S3. */
  boolean mayHaveParts() {
    return sending;
  }

  /** Returns whether the upload was stopped (cancelled, interrupted or shut down). */
  boolean stopped() {
    return state.get() == State.STOPPED;
  }

  /** Returns whether the upload was paused: its parts stay for a resume. */
  boolean paused() {
    return state.get() == State.PAUSED;
  }

  /**
   * Marks the upload paused, so that the failure its pause causes is neither cleaned up nor
   * reported as one; returns false if it had already ended or been stopped.
   */
  boolean markPaused() {
    return state.compareAndSet(State.RUNNING, State.PAUSED) && !result.isDone();
  }

  /**
   * Starts the next stage unless the upload was stopped; a stage under way when the upload is
   * stopped is cancelled.
   */
  <T> CompletableFuture<T> stage(Supplier<CompletableFuture<T>> next) {
    if (state.get() != State.RUNNING) {
      return CompletableFuture.failedFuture(new CancellationException("the upload of '" + key
          + "' was stopped"));
    }
    CompletableFuture<T> started = next.get();
    onStop(() -> started.cancel(true));
    return started;
  }

  /**
   * Runs {@code action} when the upload is stopped (at once if it already is): how the
   * transfer's own futures and streams, which a stage's derived future cannot reach, are stopped.
   */
  void onStop(Runnable action) {
    onStop.add(action);
    if (state.get() == State.STOPPED && onStop.remove(action)) {
      action.run();
    }
  }

  @Override
  public CompletableFuture<Void> stop(TransferCancelledException reason) {
    if (!state.compareAndSet(State.RUNNING, State.STOPPED)) {
      return CompletableFuture.completedFuture(null);
    }
    cancelCurrent();
    return cleanup.apply(this).whenComplete((done, failure) -> result.completeExceptionally(
        reason));
  }

  private void cancelCurrent() {
    for (Runnable action : onStop) {
      if (onStop.remove(action)) {
        action.run();
      }
    }
  }
}
