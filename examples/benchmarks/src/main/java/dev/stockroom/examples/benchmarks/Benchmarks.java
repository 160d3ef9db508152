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
 * {@code transfers}, {@code links}, {@code classification}, {@code heap}, {@code cost}, or
 * {@code all}.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws Exception {
    Set<String> sections = args.length == 0 || args[0].equals("all")
        ? Set.of("transfers", "links", "classification", "heap", "cost")
        : Set.of(args[0].split(","));
    System.out.printf("Machine: %d cores, %d MiB max heap, Java %s, %s %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
        System.getProperty("java.version"), System.getProperty("os.name"),
        System.getProperty("os.arch"));
    Path work = Files.createTempDirectory("stockroom-bench-");
    try {
      if (sections.contains("transfers") || sections.contains("heap")) {
        try (LocalS3 s3 = LocalS3.startInProcess()) {
          if (sections.contains("transfers")) {
            transfers(new TransferBenchmarks(s3, work));
          }
          if (sections.contains("heap")) {
            heap(s3, work);
          }
        }
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

  private static void transfers(TransferBenchmarks bench) throws IOException {
    double[] catalog = bench.catalog();
    double[] large = bench.largeFile();
    System.out.println();
    System.out.printf("| Uploads (median of %d runs after %d warm-up) | Stockroom | raw SDK | ratio |%n",
        TransferBenchmarks.RUNS, TransferBenchmarks.WARMUPS);
    System.out.println("|---|---:|---:|---:|");
    System.out.printf("| %,d images of 50 KB: files/s vs S3TransferManager.uploadDirectory "
        + "| %.0f | %.0f | %.2f× |%n", TransferBenchmarks.IMAGES, catalog[0], catalog[1],
        catalog[0] / catalog[1]);
    System.out.printf("| %,d images of 50 KB: files/s vs a sequential putObject loop "
        + "| %.0f | %.0f | %.2f× |%n", TransferBenchmarks.IMAGES, catalog[0], catalog[2],
        catalog[0] / catalog[2]);
    System.out.printf("| one 256 MiB file: MiB/s vs S3TransferManager.uploadFile "
        + "| %.0f | %.0f | %.2f× |%n", large[0], large[1], large[0] / large[1]);
  }

  private static void heap(LocalS3 s3, Path work) throws Exception {
    Path file = TransferBenchmarks.random(work.resolve("one-gib.bin"), 1L << 30);
    try (var admin = s3.client(Region.US_EAST_1)) {
      LocalS3.createBucketIfMissing(admin, "bench-heap");
    }
    long stockroom = probe(s3, file, "stockroom");
    long sdk = probe(s3, file, "sdk");
    System.out.println();
    System.out.println("| 1 GiB upload in a JVM with -Xmx64m | Stockroom | raw Transfer Manager |");
    System.out.println("|---|---:|---:|");
    System.out.printf("| peak heap in use (sampled every 5 ms) | %.1f MiB | %.1f MiB |%n",
        stockroom / 1048576.0, sdk / 1048576.0);
    Files.delete(file);
  }

  private static long probe(LocalS3 s3, Path file, String who) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-Xmx64m", "-cp",
        System.getProperty("java.class.path"), HeapProbe.class.getName(),
        s3.endpoint().toString(), "bench-heap", file.toString(), who))
        .redirectErrorStream(true).start();
    String output = new String(child.getInputStream().readAllBytes());
    if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0) {
      throw new IllegalStateException(who + " failed under -Xmx64m:\n" + output);
    }
    return Long.parseLong(output.replaceAll("(?s).*PEAK_HEAP=(\\d+).*", "$1"));
  }

  private static void links() throws RunnerException {
    Map<String, Double> m = jmh(LinkBenchmark.class.getSimpleName());
    System.out.println();
    System.out.println("| CloudFront links (JMH, median µs/op) | Stockroom | CloudFrontUtilities | ratio |");
    System.out.println("|---|---:|---:|---|");
    System.out.printf("| signed URL, cold (a new resource) | %.1f | %.1f | %.2f× the SDK's time |%n",
        m.get("coldUrl_stockroom"), m.get("coldUrl_cloudFrontUtilities"),
        m.get("coldUrl_stockroom") / m.get("coldUrl_cloudFrontUtilities"));
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
    Options options = new OptionsBuilder().include(include).forks(1)
        .warmupIterations(3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(5).measurementTime(TimeValue.seconds(1))
        .build();
    return medians(new Runner(options).run());
  }

  private static Map<String, Double> medians(Collection<RunResult> results) {
    Map<String, Double> medians = new HashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      double[] scores = result.getBenchmarkResults().stream()
          .flatMap(b -> b.getIterationResults().stream())
          .mapToDouble(i -> i.getPrimaryResult().getScore()).sorted().toArray();
      int n = scores.length;
      medians.put(name.substring(name.lastIndexOf('.') + 1),
          n % 2 == 1 ? scores[n / 2] : (scores[n / 2 - 1] + scores[n / 2]) / 2);
    }
    return medians;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
