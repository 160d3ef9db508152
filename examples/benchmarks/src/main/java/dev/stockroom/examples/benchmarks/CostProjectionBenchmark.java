package dev.stockroom.examples.benchmarks;

import dev.stockroom.cost.CostComparison;
import dev.stockroom.cost.CostModel;
import dev.stockroom.cost.CostProjection;
import dev.stockroom.cost.SizeDistribution;
import dev.stockroom.cost.Workload;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Projecting 10 million objects over 36 months: 7.12 million stored at the start (every kind,
 * four sizes, three ages) and 80,000 added a month (8,000 per kind, four sizes), under the
 * default policy; alone, and side by side with all STANDARD and all INTELLIGENT_TIERING plus the
 * warnings.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CostProjectionBenchmark {

  static final int MONTHS = 36;
  static final long EXISTING_PER_KIND = 712_000;
  static final long ADDED_PER_KIND_PER_MONTH = 8_000;

  private final PolicyCatalog catalog = PolicyCatalog.defaults();
  private CostModel model;

  @Setup
  public void setUp() {
    SizeDistribution sizes = SizeDistribution.builder().bucket(20 << 10, 4).bucket(100 << 10, 3)
        .bucket(600 << 10, 2).bucket(5 << 20, 1).build();
    Workload.Builder workload = Workload.builder();
    for (DataKind kind : DataKind.values()) {
      workload.kind(kind, k -> {
        k.objectsPerMonth(ADDED_PER_KIND_PER_MONTH).sizes(sizes).readsPerMonth(50_000);
        for (int age : new int[] {45, 200, 500}) {
          for (var bucket : sizes.buckets()) {
            k.existing(Math.round(EXISTING_PER_KIND / 3.0 * bucket.share()), bucket.bytes(), age,
                StorageClass.STANDARD);
          }
        }
      });
    }
    model = CostModel.builder().workload(workload.build()).months(MONTHS).build();
  }

  @Benchmark
  public CostProjection projectPolicy() {
    return model.project(catalog);
  }

  @Benchmark
  public CostComparison compareWithWarnings() {
    return model.compare(catalog);
  }
}
