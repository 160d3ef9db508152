package dev.stockroom.examples.benchmarks;

import dev.stockroom.internal.lifecycle.LifecyclePlanner;
import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * Classifying keys by prefix (1,000,000 keys spread over every kind) and planning a bucket's
 * lifecycle against a configuration that already holds 500 foreign rules and every owned rule.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClassificationBenchmark {

  static final int KEYS = 1_000_000;

  private final PolicyCatalog catalog = PolicyCatalog.defaults();
  private String[] keys;
  private List<LifecycleRule> current;

  @Setup
  public void setUp() {
    List<StoragePolicy> policies = catalog.policies();
    keys = new String[KEYS];
    for (int i = 0; i < KEYS; i++) {
      keys[i] = policies.get(i % policies.size()).prefix() + "sku-" + i + "/front.jpg";
    }
    current = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      int n = i;
      current.add(LifecycleRule.builder().id("team-rule-" + i).status(ExpirationStatus.ENABLED)
          .filter(f -> f.prefix("team/" + n + "/")).expiration(e -> e.days(30)).build());
    }
    current.addAll(LifecyclePlanner.plan("bench", List.of(), catalog).resultingRules());
  }

  @Benchmark
  @OperationsPerInvocation(KEYS)
  public void classifyOneKey(Blackhole hole) {
    for (String key : keys) {
      hole.consume(catalog.classify(key));
    }
  }

  @Benchmark
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public LifecyclePlan lifecyclePlan() {
    return LifecyclePlanner.plan("bench", current, catalog);
  }
}
