package dev.stockroom.internal;

import dev.stockroom.validation.Require;
import java.util.function.Supplier;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * An AWS client that is either the caller's (used as is, never closed) or created on first use
 * (most Stockroom instances never need a KMS or CloudFront client) and closed with Stockroom.
 */
public final class LazyClient<T extends SdkAutoCloseable> implements Supplier<T>, SdkAutoCloseable {

  private final T callers;
  private final Supplier<T> factory;
  private T created;
  private boolean closed;

  /** Uses {@code callers} when not null, else creates one with {@code factory} when first asked. */
  public LazyClient(T callers, Supplier<T> factory) {
    this.callers = callers;
    this.factory = factory;
  }

  @Override
  public synchronized T get() {
    if (callers != null) {
      return callers;
    }
    if (created == null) {
      Require.state(!closed, "stockroom is closed");
      created = factory.get();
    }
    return created;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (created != null) {
      created.close();
    }
  }
}
