package dev.stockroom.cli;

import dev.stockroom.cost.CostChart;
import dev.stockroom.cost.CostComparison;
import dev.stockroom.cost.CostTable;
import dev.stockroom.cost.CostWarning;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stockroom cost}: what the policy costs month by month beside all STANDARD and all
 * INTELLIGENT_TIERING, for what the bucket holds (measured from an S3 Inventory report or the
 * live bucket) and what the shop adds each month; the table, the warnings, and a chart.
 */
@Command(name = "cost", mixinStandardHelpOptions = true,
    description = "Project what the policy costs month by month beside all STANDARD and all "
        + "INTELLIGENT_TIERING, with the rules that lose money.")
final class CostCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  @Option(names = "--months", paramLabel = "N", defaultValue = "36",
      description = "months to project (default ${DEFAULT-VALUE})")
  int months;

  @Mixin
  WorkloadOptions workload;

  @Option(names = "--chart", paramLabel = "FILE.png", description = "write a PNG chart")
  Path chart;

  @Option(names = "--csv", paramLabel = "FILE", description = "write the table as CSV")
  Path csv;

  CostCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    try (var stockroom = common.open(context)) {
      CostComparison comparison = stockroom.cost(workload.model(stockroom, months));
      CostTable table = CostTable.of(comparison);
      if (chart != null) {
        CostChart.of(comparison).writePng(chart);
      }
      if (csv != null) {
        table.writeCsv(csv);
      }
      StringBuilder text = new StringBuilder(table.markdown());
      comparison.warnings().forEach(w -> text.append("Warning: ").append(w.message()).append('\n'));
      new Output(context, common.json).answer(text.toString(), json(comparison));
      return ExitCodes.OK;
    } catch (UncheckedIOException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private Map<String, Object> json(CostComparison comparison) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("months", comparison.months());
    data.put("totalUsd", Map.of("policy", comparison.policy().total(), "allStandard",
        comparison.allStandard().total(), "allIntelligentTiering",
        comparison.allIntelligentTiering().total()));
    data.put("savingsVsStandardUsd", comparison.savingsVsStandard());
    data.put("savingsVsIntelligentTieringUsd", comparison.savingsVsIntelligentTiering());
    List<Map<String, Object>> monthly = new ArrayList<>();
    for (int m = 1; m <= comparison.months(); m++) {
      monthly.add(Map.of("month", m, "policy", comparison.policy().month(m), "allStandard",
          comparison.allStandard().month(m), "allIntelligentTiering",
          comparison.allIntelligentTiering().month(m)));
    }
    data.put("monthlyUsd", monthly);
    data.put("warnings", comparison.warnings().stream().map(CostWarning::message).toList());
    return data;
  }
}
