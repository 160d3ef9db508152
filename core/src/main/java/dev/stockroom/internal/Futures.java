package dev.stockroom.internal;

import dev.stockroom.exception.StockroomException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.Supplier;

/** Bridges the async implementation to the sync API without wrapping its exceptions twice. */
public final class Futures {

  private Futures() {}

  /**
   * Waits for {@code future} and returns its value, rethrowing an unchecked failure as itself
   * rather than wrapped in a {@link CompletionException}. An interrupt cancels the future, keeps
   * the thread's interrupt flag and throws a {@link StockroomException}.
   */
  public static <T> T join(CompletableFuture<T> future) {
    return join(future, interrupt -> new StockroomException("interrupted while waiting for AWS",
        null, null, interrupt));
  }

  /** As {@link #join(CompletableFuture)}, naming {@code bucket} in the interrupt's exception. */
  public static <T> T join(CompletableFuture<T> future, String bucket) {
    return join(future, interrupt -> new StockroomException(
        "interrupted while waiting for AWS (bucket '" + bucket + "')", bucket, null, interrupt));
  }

  /**
   * As {@link #join(CompletableFuture)}, throwing what {@code onInterrupt} makes of an interrupt
   * (after the future is cancelled).
   */
  public static <T> T join(CompletableFuture<T> future,
      Function<InterruptedException, RuntimeException> onInterrupt) {
    try {
      return future.get();
    } catch (InterruptedException e) {
      // cancel first: what the cancellation runs on this thread may clear the flag
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw onInterrupt.apply(e);
    } catch (CancellationException e) {
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = unwrap(e);
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new CompletionException(cause);
    }
  }

  /** Returns the first cause that is not a {@link CompletionException} or {@link ExecutionException}. */
  public static Throwable unwrap(Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause;
  }

  /** Returns {@code failure} as a {@link CompletionException}, to rethrow inside a stage. */
  public static CompletionException asCompletion(Throwable failure) {
    return failure instanceof CompletionException completion ? completion
        : new CompletionException(failure);
  }

  /**
   * Runs {@code work} on {@code executor} and returns its value as a future that always
   * completes: an executor that refuses the task (shut down with Stockroom) fails the future with
   * "stockroom is closed" instead of throwing.
   */
  public static <T> CompletableFuture<T> supplyAsync(Supplier<T> work, Executor executor) {
    try {
      return CompletableFuture.supplyAsync(work, executor);
    } catch (RejectedExecutionException e) {
      return CompletableFuture.failedFuture(new IllegalStateException("stockroom is closed", e));
    }
  }

  /** Runs {@code action} and returns its value as a future, putting any failure into the future. */
  public static <T> CompletableFuture<T> capture(Supplier<CompletableFuture<T>> action) {
    try {
      return action.get();
    } catch (RuntimeException | Error e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
