package dev.stockroom.testing;

import dev.stockroom.Stockroom;
import dev.stockroom.transfer.StoredObject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Uploads one file as a product video and prints the JVM's peak heap use (sampled every 5 ms). Run in a forked JVM
 * with a small {@code -Xmx} to show that uploads stream instead of buffering.
 * Arguments: endpoint, bucket, file.
 */
public final class UploadOneFile {

  private UploadOneFile() {}

  public static void main(String[] args) {
    AtomicLong peak = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        peak.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
            Math::max);
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          return;
        }
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
      System.out.println("PEAK_HEAP=" + peak.get());
      System.out.println("MAX_HEAP=" + Runtime.getRuntime().maxMemory());
    }
  }
}
