package dev.stockroom.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Daemon threads for the blocking work around transfers: reading caller streams, hashing files,
 * asking KMS, walking directories. Bounded: work beyond the thread count waits in a queue, and no
 * task waits for another task of the pool. Idle threads end after a minute; all end at close.
 */
public final class IoThreads {

  private IoThreads() {}

  /** Returns the default size: twice the processors, at least 8. */
  public static int defaultSize() {
    return Math.max(8, 2 * Runtime.getRuntime().availableProcessors());
  }

  /** Returns a pool of at most {@code threads} threads. */
  public static ExecutorService create(int threads) {
    AtomicInteger count = new AtomicInteger();
    ThreadFactory daemons = runnable -> {
      Thread thread = new Thread(runnable, "stockroom-io-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>(), daemons);
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }
}
