package dev.stockroom.examples.benchmarks;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark and prints a Markdown table of medians with the ratio of Stockroom to the
 * raw AWS SDK doing the same work in the same run. Arguments: an optional JMH include regex.
 */
public final class Benchmarks {

  private Benchmarks() {}

  public static void main(String[] args) throws RunnerException {
    Options options = new OptionsBuilder()
        .include(args.length > 0 ? args[0] : LinkBenchmark.class.getSimpleName())
        .forks(1)
        .warmupIterations(3).warmupTime(TimeValue.seconds(1))
        .measurementIterations(5).measurementTime(TimeValue.seconds(1))
        .build();
    Map<String, Double> medians = medians(new Runner(options).run());

    System.out.println();
    System.out.printf("Machine: %d cores, Java %s, %s %s%n",
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
        System.getProperty("os.name"), System.getProperty("os.arch"));
    System.out.println();
    System.out.println("| CloudFront links (median µs/op) | Stockroom | CloudFrontUtilities | ratio |");
    System.out.println("|---|---:|---:|---|");
    row("signed URL, cold (a new resource)", medians.get("coldUrl_stockroom"),
        medians.get("coldUrl_cloudFrontUtilities"), "Stockroom time / SDK time");
    row("48-image page, warm", medians.get("warmPage_stockroom"),
        medians.get("page_cloudFrontUtilities"), "SDK time / Stockroom time");
    row("cookies for a page (one signature)", medians.get("pageCookies_stockroom"),
        medians.get("page_cloudFrontUtilities"), "SDK 48 URLs / Stockroom cookies");
  }

  private static void row(String what, Double stockroom, Double sdk, String ratioMeaning) {
    if (stockroom == null || sdk == null) {
      return;
    }
    double ratio = ratioMeaning.startsWith("Stockroom") ? stockroom / sdk : sdk / stockroom;
    System.out.printf("| %s | %.3f | %.3f | %.3g (%s) |%n", what, stockroom, sdk, ratio,
        ratioMeaning);
  }

  /** Returns each benchmark's median over its measured iterations. */
  private static Map<String, Double> medians(Collection<RunResult> results) {
    Map<String, Double> medians = new HashMap<>();
    for (RunResult result : results) {
      String name = result.getParams().getBenchmark();
      double[] scores = result.getBenchmarkResults().stream()
          .flatMap(b -> b.getIterationResults().stream())
          .mapToDouble(i -> i.getPrimaryResult().getScore()).sorted().toArray();
      medians.put(name.substring(name.lastIndexOf('.') + 1), median(scores));
    }
    return medians;
  }

  private static double median(double[] sorted) {
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }
}
