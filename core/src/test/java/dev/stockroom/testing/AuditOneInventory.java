package dev.stockroom.testing;

import dev.stockroom.Stockroom;
import dev.stockroom.audit.AuditReport;
import dev.stockroom.audit.AuditRequest;
import dev.stockroom.audit.Finding;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Audits one inventory report on disk and prints its counts and the most heap the audit kept
 * alive (sampled after forced collections, as {@link UploadOneFile} does). Makes no network call:
 * an inventory audit without headers reads only files. Run in a forked JVM with a small {@code
 * -Xmx}. Arguments: bucket, manifest, findings file.
 */
public final class AuditOneInventory {

  private AuditOneInventory() {}

  public static void main(String[] args) {
    AtomicLong live = new AtomicLong();
    Thread sampler = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        try {
          Thread.sleep(250);
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
    try (Stockroom stockroom = Stockroom.builder().bucket(args[0]).region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS)
        .endpointOverride(URI.create("http://127.0.0.1:9")).forcePathStyle(true)
        .kmsKeyId(SharedS3Mock.KMS_KEY_ID).kmsKeyCheck(false).build()) {
      long start = System.nanoTime();
      AuditReport report = stockroom.audit().run(AuditRequest.inventory(Path.of(args[1]))
          .findingsFile(Path.of(args[2])).build());
      double seconds = (System.nanoTime() - start) / 1e9;
      sampler.interrupt();
      System.out.println("OBJECTS=" + report.objects());
      System.out.println("ENCRYPTION=" + report.count(Finding.ENCRYPTION));
      System.out.println("STORAGE_CLASS=" + report.count(Finding.STORAGE_CLASS));
      System.out.println("WITH_FINDINGS=" + report.objectsWithFindings());
      System.out.printf("SECONDS=%.3f%n", seconds);
      System.out.println("LIVE_HEAP_MAX=" + live.get());
    }
  }
}
