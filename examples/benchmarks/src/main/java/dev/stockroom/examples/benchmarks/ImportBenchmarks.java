package dev.stockroom.examples.benchmarks;

import dev.stockroom.Stockroom;
import dev.stockroom.examples.support.LocalS3;
import dev.stockroom.transfer.ImportSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Imports at catalog scale, on trees of small files (1 to 50 KB): the heap each side keeps alive
 * in a forked JVM of {@code -Xmx128m} at 10,000 and 100,000 files, Stockroom's import against the
 * Transfer Manager's uploadDirectory, both uploading to a store that keeps nothing; throughput on
 * the same 10,000 files into S3Mock, interleaved; and the crash drill — an import killed halfway
 * (SIGKILL) and run again from its journal.
 */
final class ImportBenchmarks {

  static final String XMX = "-Xmx128m";

  private final LocalS3 s3;
  private final Path work;
  private final AtomicInteger buckets = new AtomicInteger();

  ImportBenchmarks(LocalS3 s3, Path work) {
    this.s3 = s3;
    this.work = work;
  }

  /** A probe's outcome: the live heap at most, and whether the run ran out of memory. */
  record Heap(long liveBytes, boolean outOfMemory) {}

  /**
   * Returns {Stockroom, raw} for a tree of {@code files}, both uploading to a {@link NullStore}
   * (S3Mock slows down as a bucket fills: at 100,000 files it, not the client, sets the pace).
   */
  Heap[] heap(Path tree) throws Exception {
    try (NullStore store = new NullStore()) {
      return new Heap[] {probe(tree, "stockroom-import", store.endpoint(), "null-bucket"),
          probe(tree, "sdk-directory", store.endpoint(), "null-bucket")};
    }
  }

  /** Files per second on {@code tree}: Stockroom's journaled import and uploadDirectory. */
  Rounds throughput(Path tree, int files) throws Exception {
    try (Stockroom stockroom = s3.configure(Stockroom.builder().bucket(bucket())
            .region(Region.US_EAST_1)).build();
        S3AsyncClient async = TransferBenchmarks.sdkAsyncClient(s3);
        S3TransferManager tm = S3TransferManager.builder().s3Client(async).build()) {
      String sdkBucket = bucket();
      Map<String, Callable<Double>> contenders = new LinkedHashMap<>();
      contenders.put("stockroom", () -> {
        Path journal = Files.createTempFile(work, "import", ".journal");
        Files.delete(journal);
        return files / Rounds.seconds(() -> stockroom.media().productImages().importFiles(
            ImportSource.directory(tree), r -> r.journal(journal)).requireAllSucceeded());
      });
      contenders.put("tm", () -> files / Rounds.seconds(() -> {
        var done = tm.uploadDirectory(u -> u.source(tree).bucket(sdkBucket)
            .s3Prefix("media/product-images")).completionFuture().join();
        if (!done.failedTransfers().isEmpty()) {
          throw new IllegalStateException(done.failedTransfers().size() + " files failed");
        }
        return null;
      }));
      return Rounds.run(1, 3, contenders);
    }
  }

  /**
   * The crash drill on {@code tree}: {uninterrupted seconds, seconds until the kill, seconds of
   * the re-run, files journaled when killed, files stored but not journaled (sent twice)}.
   */
  double[] crashDrill(Path tree, int files) throws Exception {
    double uninterrupted;
    try (Stockroom stockroom = s3.configure(Stockroom.builder().bucket(bucket())
        .region(Region.US_EAST_1)).build()) {
      Path journal = work.resolve("uninterrupted.journal");
      uninterrupted = Rounds.seconds(() -> stockroom.media().productImages().importFiles(
          ImportSource.directory(tree), r -> r.journal(journal)).requireAllSucceeded());
    }
    String bucket = bucket();
    Path journal = work.resolve("drill.journal");
    long start = System.nanoTime();
    Process child = new ProcessBuilder(List.of(java(), XMX, "-cp",
        System.getProperty("java.class.path"), ImportChild.class.getName(),
        s3.endpoint().toString(), bucket, tree.toString(), journal.toString()))
        .redirectErrorStream(true).start();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.equals("DONE " + files / 2)) {
          break;
        }
      }
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    double untilKill = (System.nanoTime() - start) / 1e9;
    long journaled = Files.readAllLines(journal).stream().filter(l -> l.startsWith("S\t"))
        .count();
    long stored;
    try (S3Client admin = s3.client(Region.US_EAST_1)) {
      stored = admin.listObjectsV2Paginator(l -> l.bucket(bucket)).contents().stream().count();
    }
    double rerun;
    try (Stockroom stockroom = s3.configure(Stockroom.builder().bucket(bucket)
        .region(Region.US_EAST_1)).build()) {
      rerun = Rounds.seconds(() -> stockroom.media().productImages().importFiles(
          ImportSource.directory(tree), r -> r.journal(journal)).requireAllSucceeded());
    }
    return new double[] {uninterrupted, untilKill, rerun, journaled, stored - journaled};
  }

  private Heap probe(Path tree, String what, java.net.URI endpoint, String bucket)
      throws Exception {
    Process child = new ProcessBuilder(List.of(java(), XMX, "-cp",
        System.getProperty("java.class.path"), HeapProbe.class.getName(),
        endpoint.toString(), bucket, tree.toString(), what))
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!child.waitFor(30, TimeUnit.MINUTES)) {
      child.destroyForcibly();
      throw new IllegalStateException(what + " did not finish:\n" + output);
    }
    if (!output.contains("LIVE_HEAP_MAX=")) {
      throw new IllegalStateException(what + " failed:\n" + output);
    }
    long live = Long.parseLong(output.replaceAll("(?s).*LIVE_HEAP_MAX=(\\d+).*", "$1"));
    return new Heap(live, output.contains("OUT_OF_MEMORY"));
  }

  private String bucket() throws IOException {
    String bucket = "bench-import-" + buckets.incrementAndGet();
    try (S3Client admin = s3.client(Region.US_EAST_1)) {
      LocalS3.createBucketIfMissing(admin, bucket);
    }
    return bucket;
  }

  private static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Writes {@code files} files of 1 to 50 KB, a thousand to a directory, seeded. */
  static Path tree(Path dir, int files) throws IOException {
    Random random = new Random(files);
    byte[] bytes = new byte[50 * 1024];
    for (int i = 0; i < files; i++) {
      Path file = dir.resolve(String.format("batch-%03d/sku-%06d.jpg", i / 1000, i));
      if (i % 1000 == 0) {
        Files.createDirectories(file.getParent());
      }
      random.nextBytes(bytes);
      Files.write(file, java.util.Arrays.copyOf(bytes, 1024 + random.nextInt(49 * 1024)));
    }
    return dir;
  }
}
