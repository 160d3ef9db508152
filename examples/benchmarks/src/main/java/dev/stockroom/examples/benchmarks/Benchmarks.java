package dev.stockroom.examples.benchmarks;

import dev.stockroom.examples.support.LocalS3;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import software.amazon.awssdk.regions.Region;

/**
 * Runs the benchmarks and prints Markdown tables of medians, with the ratio of Stockroom to the raw
 * AWS SDK doing the same work in the same run. The argument picks sections, comma-separated:
 * {@code transfers}, {@code links}, {@code classification}, {@code heap}, {@code cost},
 * {@code import-heap}, {@code import-speed} ({@code imports} for both), {@code audit}, or
 * {@code all}.
 */
public final class Benchmarks {

  /** JMH forks per benchmark: the spread between forks shows how stable a ratio is. */
  static final int FORKS = 3;

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    Set<String> sections = args.length == 0 || args[0].equals("all")
        ? Set.of("transfers", "links", "classification", "heap", "cost", "import-heap",
            "import-speed", "audit")
        : expand(args[0].split(","));
    System.out.printf("Machine: %d cores, %d MiB max heap, Java %s, %s %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), System.getProperty("os.name"),
        System.getProperty("os.arch"));
    Path work = Files.createTempDirectory("stockroom-bench-");
    try {
      if (sections.contains("transfers") || sections.contains("heap")
          || sections.contains("import-heap") || sections.contains("import-speed")) {
        try (LocalS3 s3 = LocalS3.startInProcess()) {
          if (sections.contains("transfers")) {
            transfers(new TransferBenchmarks(s3, work));
          }
          if (sections.contains("heap")) {
            heap(s3, work);
          }
          if (sections.contains("import-heap")) {
            importHeap(new ImportBenchmarks(s3, work), work);
          }
          if (sections.contains("import-speed")) {
            importSpeed(new ImportBenchmarks(s3, work), work);
          }
        }
      }
      if (sections.contains("audit")) {
        audit(new AuditBenchmarks(work));
      }
      if (sections.contains("links")) {
        links();
      }
      if (sections.contains("classification")) {
        classification();
      }
      if (sections.contains("cost")) {
        cost();
      }
    } finally {
      delete(work);
    }
  }

  private static void transfers(TransferBenchmarks bench) throws Exception {
    Rounds catalog = bench.catalog();
    Rounds large = bench.largeFile();
    System.out.println();
    System.out.printf("| Uploads (%d interleaved rounds after %d warm-up; medians) | Stockroom "
        + "| raw SDK | ratio, median (lowest–highest round) |%n", TransferBenchmarks.RUNS,
        TransferBenchmarks.WARMUPS);
    System.out.println("|---|---:|---:|---|");
    row("%,d images of 50 KB: files/s vs S3TransferManager.uploadDirectory", catalog, "tm",
        TransferBenchmarks.IMAGES);
    row("%,d images of 50 KB: files/s vs a sequential putObject loop", catalog, "loop",
        TransferBenchmarks.IMAGES);
    row("one 256 MiB file: MiB/s vs S3TransferManager.uploadFile%s", large, "tm", "");
  }

  private static void row(String what, Rounds rounds, String other, Object arg) {
    double[] ratio = rounds.ratio("stockroom", other);
    System.out.printf("| " + what + " | %.0f | %.0f | %.2f× (%.2f–%.2f) |%n", arg,
        rounds.median("stockroom"), rounds.median(other), ratio[0], ratio[1], ratio[2]);
  }

  private static void heap(LocalS3 s3, Path work) throws Exception {
    Path file = TransferBenchmarks.random(work.resolve("one-gib.bin"), 1L << 30);
    try (var admin = s3.client(Region.US_EAST_1)) {
      LocalS3.createBucketIfMissing(admin, "bench-heap");
    }
    long stockroom = probe(s3, file, "stockroom-file");
    long sdk = probe(s3, file, "sdk-file");
    System.out.println();
    System.out.println("| 1 GiB upload, forked JVM " + ImportBenchmarks.XMX + " | Stockroom "
        + "| raw Transfer Manager |");
    System.out.println("|---|---:|---:|");
    System.out.printf("| live heap at most (after forced collections) | %.1f MiB | %.1f MiB |%n",
        stockroom / 1048576.0, sdk / 1048576.0);
    Files.delete(file);
  }

  private static long probe(LocalS3 s3, Path file, String who) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, ImportBenchmarks.XMX, "-cp",
        System.getProperty("java.class.path"), HeapProbe.class.getName(),
        s3.endpoint().toString(), "bench-heap", file.toString(), who))
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes());
    if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0
        || !output.contains("FILES=")) {
      throw new IllegalStateException(who + " failed:\n" + output);
    }
    return Long.parseLong(output.replaceAll("(?s).*LIVE_HEAP_MAX=(\\d+).*", "$1"));
  }

  /** {@code imports} stands for both import sections. */
  private static Set<String> expand(String[] names) {
    Set<String> sections = new java.util.HashSet<>(List.of(names));
    if (sections.remove("imports")) {
      sections.addAll(List.of("import-heap", "import-speed"));
    }
    return sections;
  }

  private static void importHeap(ImportBenchmarks bench, Path work) throws Exception {
    Path small = ImportBenchmarks.tree(work.resolve("tree-10k"), 10_000);
    ImportBenchmarks.Heap[] at10k = bench.heap(small);
    delete(small);
    Path large = ImportBenchmarks.tree(work.resolve("tree-100k"), 100_000);
    ImportBenchmarks.Heap[] at100k = bench.heap(large);
    delete(large);
    System.out.println();
    System.out.println("| Imports of small files (1–50 KB) to a store that keeps nothing, forked JVM "
        + ImportBenchmarks.XMX
        + ": live heap at most | 10,000 files | 100,000 files | 100k / 10k |");
    System.out.println("|---|---:|---:|---:|");
    heapRow("Stockroom importFiles", at10k[0], at100k[0]);
    heapRow("raw S3TransferManager.uploadDirectory", at10k[1], at100k[1]);
  }

  private static void importSpeed(ImportBenchmarks bench, Path work) throws Exception {
    Path small = ImportBenchmarks.tree(work.resolve("tree-10k"), 10_000);
    Rounds throughput = bench.throughput(small, 10_000);
    double[] ratio = throughput.ratio("stockroom", "tm");
    System.out.println();
    System.out.println("| 10,000 small files, files/s (3 interleaved rounds after 1 warm-up) "
        + "| Stockroom import (journaled) | raw uploadDirectory | ratio (lowest–highest) |");
    System.out.println("|---|---:|---:|---|");
    System.out.printf("| median | %.0f | %.0f | %.2f× (%.2f–%.2f) |%n",
        throughput.median("stockroom"), throughput.median("tm"), ratio[0], ratio[1], ratio[2]);
    double[] drill = bench.crashDrill(small, 10_000);
    System.out.println();
    System.out.println("| Crash drill, 10,000 files: killed (SIGKILL) halfway, run again "
        + "from the journal | |");
    System.out.println("|---|---:|");
    System.out.printf("| uninterrupted import | %.1f s |%n", drill[0]);
    System.out.printf("| until the kill + the re-run | %.1f s + %.1f s = %.1f s (%.2f×) |%n",
        drill[1], drill[2], drill[1] + drill[2], (drill[1] + drill[2]) / drill[0]);
    System.out.printf("| files journaled when killed | %,.0f |%n", drill[3]);
    System.out.printf("| files stored but not yet journaled, sent again | %,.0f (64 in flight at "
        + "most) |%n", drill[4]);
  }

  private static void heapRow(String who, ImportBenchmarks.Heap at10k,
      ImportBenchmarks.Heap at100k) {
    System.out.printf("| %s | %s | %s | %s |%n", who, mib(at10k), mib(at100k),
        at10k.outOfMemory() || at100k.outOfMemory() ? "—"
            : String.format("%.2f×", (double) at100k.liveBytes() / at10k.liveBytes()));
  }

  private static String mib(ImportBenchmarks.Heap heap) {
    return heap.outOfMemory() ? String.format("ran out of memory (%.1f MiB live before)",
        heap.liveBytes() / 1048576.0) : String.format("%.1f MiB", heap.liveBytes() / 1048576.0);
  }

  private static void audit(AuditBenchmarks bench) throws Exception {
    Rounds speed = bench.speed();
    long heap = bench.liveHeap();
    double[] ratio = speed.ratio("stockroom", "parse");
    System.out.println();
    System.out.printf("| Audit of a %,d-row S3 Inventory report (CSV, gzipped), forked JVM %s, "
        + "3 interleaved rounds after 1 warm-up | rows/s |%n", AuditBenchmarks.ROWS,
        AuditBenchmarks.XMX);
    System.out.println("|---|---:|");
    System.out.printf("| Stockroom audit (checks, counts, samples, findings file), median "
        + "| %,.0f |%n", speed.median("stockroom"));
    System.out.printf("| bare parse of the same files (gzip, CSV, key, size, date), median "
        + "| %,.0f |%n", speed.median("parse"));
    System.out.printf("| ratio, median (lowest–highest round) | %.2f× (%.2f–%.2f) |%n", ratio[0],
        ratio[1], ratio[2]);
    System.out.printf("| live heap at most, Stockroom audit (after forced collections) "
        + "| %.1f MiB |%n", heap / 1048576.0);
  }

  private static void links() throws RunnerException {
    Map<String, Double> m = jmh(LinkBenchmark.class.getSimpleName());
    System.out.println();
    System.out.println("| CloudFront links (JMH, " + FORKS + " forks, median µs/op) | Stockroom "
        + "| CloudFrontUtilities | ratio |");
    System.out.println("|---|---:|---:|---|");
    double[] cold = forkRatios(m, "coldUrl_stockroom", "coldUrl_cloudFrontUtilities");
    System.out.printf("| signed URL, cold (a new resource) | %.1f | %.1f | %.2f× the SDK's time "
            + "(forks %.2f–%.2f) |%n", m.get("coldUrl_stockroom"),
        m.get("coldUrl_cloudFrontUtilities"),
        m.get("coldUrl_stockroom") / m.get("coldUrl_cloudFrontUtilities"), cold[0], cold[1]);
    System.out.printf("| 48-image page, warm | %.2f | %.0f | %,.0f× faster |%n",
        m.get("warmPage_stockroom"), m.get("page_cloudFrontUtilities"),
        m.get("page_cloudFrontUtilities") / m.get("warmPage_stockroom"));
    System.out.printf("| cookies for a page (one signature) vs 48 signed URLs | %.1f | %.0f "
        + "| %.0f× faster |%n", m.get("pageCookies_stockroom"), m.get("page_cloudFrontUtilities"),
        m.get("page_cloudFrontUtilities") / m.get("pageCookies_stockroom"));
  }

  private static void classification() throws RunnerException {
    Map<String, Double> m = jmh(ClassificationBenchmark.class.getSimpleName());
    System.out.println();
    System.out.println("| Policy work (JMH, median) | time per operation |");
    System.out.println("|---|---:|");
    System.out.printf("| classify a key (1,000,000 keys over every kind) | %.1f ns |%n",
        m.get("classifyOneKey"));
    System.out.printf("| lifecycle plan against 500 foreign + 10 owned rules | %.1f µs |%n",
        m.get("lifecyclePlan"));
  }

  private static void cost() throws RunnerException {
    Map<String, Double> m = jmh(CostProjectionBenchmark.class.getSimpleName());
    System.out.println();
    System.out.println("| Cost projection, 10,000,000 objects over 36 months (JMH, median) "
        + "| time per operation |");
    System.out.println("|---|---:|");
    System.out.printf("| project the default policy | %.2f ms |%n", m.get("projectPolicy"));
    System.out.printf("| compare with all STANDARD and all INTELLIGENT_TIERING, with warnings "
        + "| %.2f ms |%n", m.get("compareWithWarnings"));
  }

  /** Runs the JMH benchmarks matching {@code include}; returns each one's median score. */
  private static Map<String, Double> jmh(String include) throws RunnerException {
    Options options = new OptionsBuilder().include(include).forks(FORKS)
        .warmupIterations(3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(5).measurementTime(TimeValue.seconds(1))
        .build();
    return medians(new Runner(options).run());
  }

  private static Map<String, Double> medians(Collection<RunResult> results) {
    Map<String, Double> medians = new HashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      String shortName = name.substring(name.lastIndexOf('.') + 1);
      medians.put(shortName, median(result.getBenchmarkResults().stream()
          .flatMap(b -> b.getIterationResults().stream())
          .mapToDouble(i -> i.getPrimaryResult().getScore()).toArray()));
      // each fork's own median, to show how far a ratio moves from one JVM to the next
      int fork = 0;
      for (var forkResult : result.getBenchmarkResults()) {
        medians.put(shortName + "#" + fork++, median(forkResult.getIterationResults().stream()
            .mapToDouble(i -> i.getPrimaryResult().getScore()).toArray()));
      }
    }
    return medians;
  }

  private static double median(double[] values) {
    double[] scores = values.clone();
    java.util.Arrays.sort(scores);
    int n = scores.length;
    return n % 2 == 1 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2;
  }

  /** Returns the lowest and highest per-fork ratio {@code a / b}. */
  private static double[] forkRatios(Map<String, Double> m, String a, String b) {
    double low = Double.MAX_VALUE;
    double high = 0;
    for (int fork = 0; m.containsKey(a + "#" + fork) && m.containsKey(b + "#" + fork); fork++) {
      double ratio = m.get(a + "#" + fork) / m.get(b + "#" + fork);
      low = Math.min(low, ratio);
      high = Math.max(high, ratio);
    }
    return new double[] {low, high};
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
