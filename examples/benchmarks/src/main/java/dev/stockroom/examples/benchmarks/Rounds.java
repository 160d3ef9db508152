package dev.stockroom.examples.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs contenders in interleaved rounds — each round runs every contender once, starting with a
 * different one each round — so that warm-up, the store's growing state and the machine's other
 * load fall on all of them alike; then compares them round by round. Rates are in units per
 * second, higher is better.
 */
final class Rounds {

  /** Every contender's rate in each measured round, in round order. */
  private final Map<String, double[]> rates;

  private Rounds(Map<String, double[]> rates) {
    this.rates = rates;
  }

  /**
   * Runs {@code warmups} unmeasured rounds, then {@code rounds} measured ones; each contender
   * returns its rate for one run.
   */
  static Rounds run(int warmups, int rounds, Map<String, Callable<Double>> contenders)
      throws Exception {
    List<String> names = new ArrayList<>(contenders.keySet());
    Map<String, double[]> rates = new LinkedHashMap<>();
    names.forEach(name -> rates.put(name, new double[rounds]));
    for (int round = 0; round < warmups + rounds; round++) {
      for (int i = 0; i < names.size(); i++) {
        String name = names.get((round + i) % names.size());
        double rate = contenders.get(name).call();
        if (round >= warmups) {
          rates.get(name)[round - warmups] = rate;
        }
      }
    }
    return new Rounds(rates);
  }

  /** Returns a contender's median rate. */
  double median(String name) {
    return median(rates.get(name));
  }

  /** Returns the median, lowest and highest of the round-by-round ratio {@code a / b}. */
  double[] ratio(String a, String b) {
    double[] x = rates.get(a);
    double[] y = rates.get(b);
    double[] ratios = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      ratios[i] = x[i] / y[i];
    }
    double[] sorted = ratios.clone();
    Arrays.sort(sorted);
    return new double[] {median(ratios), sorted[0], sorted[sorted.length - 1]};
  }

  /** Returns a contender's lowest and highest rate. */
  double[] spread(String name) {
    double[] sorted = rates.get(name).clone();
    Arrays.sort(sorted);
    return new double[] {sorted[0], sorted[sorted.length - 1]};
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** Returns the seconds {@code run} takes. */
  static double seconds(Callable<?> run) throws Exception {
    long start = System.nanoTime();
    run.call();
    return (System.nanoTime() - start) / 1e9;
  }
}
