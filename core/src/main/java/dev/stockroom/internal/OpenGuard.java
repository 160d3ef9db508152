package dev.stockroom.internal;

import dev.stockroom.validation.Require;
import java.util.concurrent.atomic.AtomicBoolean;

/** Remembers whether a Stockroom instance is closed, so every facade refuses work after close. */
public final class OpenGuard {

  private final AtomicBoolean closed = new AtomicBoolean();

  /** Marks the instance closed; returns whether this call closed it. */
  public boolean close() {
    return closed.compareAndSet(false, true);
  }

  /** Returns whether the instance is closed. */
  public boolean isClosed() {
    return closed.get();
  }

  /**
   * Throws if the instance is closed.
   *
   * @throws IllegalStateException "stockroom is closed"
   */
  public void check() {
    Require.state(!closed.get(), "stockroom is closed");
  }
}
