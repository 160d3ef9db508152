package dev.stockroom.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads for the blocking work around transfers: reading caller streams, hashing files,
 * asking KMS, feeding directory uploads. Idle threads end after a minute; all end at close.
 */
public final class IoThreads {

  private IoThreads() {}

  /** Returns a pool that grows on demand and shrinks when idle. */
  public static ExecutorService create() {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory daemons = runnable -> {
      Thread thread = new Thread(runnable, "stockroom-io-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemons);
  }
}
