package dev.stockroom.testing;

import dev.stockroom.Stockroom;
import dev.stockroom.transfer.StoredObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads one file as a product video and prints the most heap the upload kept alive: every half
 * second it forces a full collection and reads the heap in use right after, so the figure is what
 * the upload holds, not garbage not yet collected. Run in a forked JVM with a small {@code -Xmx}.
 * Arguments: endpoint, bucket, file.
 */
public final class UploadOneFile {

  private UploadOneFile() {}

  public static void main(String[] args) {
    AtomicLong live = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(500);
        } catch (InterruptedException e) {
          return;
        }
        System.gc();
        live.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
            Math::max);
      }
    });
    sampler.setDaemon(true);
    sampler.start();
    try (Stockroom stockroom = Stockroom.builder().bucket(args[1]).region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(URI.create(args[0]))
        .forcePathStyle(true).build()) {
      StoredObject stored = stockroom.media().productVideo("large.bin").upload(Path.of(args[2]));
      sampler.interrupt();
      System.out.println("STORED=" + stored.key() + " SIZE=" + stored.size());
      System.out.println("LIVE_HEAP_MAX=" + live.get());
      System.out.println("MAX_HEAP=" + Runtime.getRuntime().maxMemory());
    }
  }
}
