package dev.stockroom.examples.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap a run keeps alive: every half second a full collection is forced and the heap in
 * use read right after, so the figure is what the run holds, not garbage not yet collected (a
 * sampled peak only shows how far the JVM lets the heap fill before it collects).
 */
final class LiveHeap implements AutoCloseable {

  private final AtomicLong max = new AtomicLong();
  private final Thread sampler;

  LiveHeap() {
    sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
        System.gc();
        max.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
            Math::max);
      }
    }, "live-heap");
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Returns the most heap kept alive so far, in bytes. */
  long max() {
    return max.get();
  }

  @Override
  public void close() {
    sampler.interrupt();
  }
}
