package dev.stockroom.examples.benchmarks;

import dev.stockroom.Stockroom;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Run in a forked JVM with a small {@code -Xmx}: uploads one file with Stockroom or with the raw
 * Transfer Manager and prints the peak heap in use, sampled every 5 ms.
 * Arguments: endpoint, bucket, file, "stockroom" or "sdk".
 */
public final class HeapProbe {

  private HeapProbe() {}

  public static void main(String[] args) throws Exception {
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
    URI endpoint = URI.create(args[0]);
    Path file = Path.of(args[2]);
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    if (args[3].equals("stockroom")) {
      try (Stockroom stockroom = Stockroom.builder().bucket(args[1]).region(Region.US_EAST_1)
          .credentialsProvider(credentials).endpointOverride(endpoint).forcePathStyle(true)
          .build()) {
        stockroom.media().productVideo("heap/stockroom.bin").upload(file);
      }
    } else {
      try (S3AsyncClient s3 = S3AsyncClient.builder().region(Region.US_EAST_1)
          .credentialsProvider(credentials).endpointOverride(endpoint).forcePathStyle(true)
          .multipartEnabled(true).build();
          S3TransferManager tm = S3TransferManager.builder().s3Client(s3).build()) {
        tm.uploadFile(u -> u.putObjectRequest(p -> p.bucket(args[1]).key("heap/sdk.bin"))
            .source(file)).completionFuture().join();
      }
    }
    sampler.interrupt();
    System.out.println("PEAK_HEAP=" + peak.get());
  }
}
