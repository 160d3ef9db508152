package dev.stockroom.cli;

import dev.stockroom.audit.AuditRequest;
import dev.stockroom.cost.CostChart;
import dev.stockroom.cost.CostComparison;
import dev.stockroom.cost.CostModel;
import dev.stockroom.cost.CostTable;
import dev.stockroom.cost.CostWarning;
import dev.stockroom.cost.PriceList;
import dev.stockroom.cost.Workload;
import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Printable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final Pattern ADDED = Pattern.compile("([a-z_-]+)=(\\d{1,12})x(.+)",
      Pattern.CASE_INSENSITIVE);

  private final Context context;

  @Mixin
  Common common;

  @Option(names = "--months", paramLabel = "N", defaultValue = "36",
      description = "months to project (default ${DEFAULT-VALUE})")
  int months;

  @Option(names = "--add", paramLabel = "KIND=COUNTxSIZE",
      description = "objects added each month, e.g. product-image=2000x300KB (repeatable)")
  List<String> added = new ArrayList<>();

  @Option(names = "--inventory", paramLabel = "MANIFEST",
      description = "measure what is stored from an S3 Inventory report on disk")
  Path inventory;

  @Option(names = "--measure-live",
      description = "measure what is stored by listing the bucket (a LIST per 1,000 objects)")
  boolean live;

  @Option(names = "--prices", paramLabel = "FILE",
      description = "a price list (default: the bundled us-east-1 list)")
  Path prices;

  @Option(names = "--chart", paramLabel = "FILE.png", description = "write a PNG chart")
  Path chart;

  @Option(names = "--csv", paramLabel = "FILE", description = "write the table as CSV")
  Path csv;

  CostCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() throws IOException {
    if (inventory != null && live) {
      throw new UsageException("--inventory and --measure-live: choose one");
    }
    try (var stockroom = common.open(context)) {
      Workload.Builder workload = measured(stockroom).toBuilder();
      added.forEach(text -> add(workload, text));
      Workload built = workload.build();
      if (built.kinds().isEmpty()) {
        throw new UsageException("nothing to project: give --add, --inventory or --measure-live");
      }
      CostModel.Builder model = CostModel.builder().months(months).workload(built);
      if (prices != null) {
        model.prices(PriceList.load(prices));
      }
      CostComparison comparison = stockroom.cost(model.build());
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

  private Workload measured(dev.stockroom.Stockroom stockroom) {
    if (inventory != null) {
      return stockroom.audit().run(AuditRequest.inventory(inventory).build()).workload();
    }
    if (live) {
      return stockroom.audit().run(AuditRequest.liveBucket().readHeaders(false)
          .multipartUploads(false).build()).workload();
    }
    return Workload.builder().build();
  }

  private static void add(Workload.Builder workload, String text) {
    Matcher added = ADDED.matcher(text.strip());
    if (!added.matches()) {
      throw new UsageException("--add '" + Printable.of(text) + "': expected KIND=COUNTxSIZE, "
          + "e.g. product-image=2000x300KB");
    }
    DataKind kind;
    long bytes;
    try {
      kind = DataKind.fromId(added.group(1).toLowerCase(java.util.Locale.ROOT));
      bytes = Connection.bytes(added.group(3));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--add '" + Printable.of(text) + "': " + e.getMessage(), e);
    }
    long count = Long.parseLong(added.group(2));
    workload.kind(kind, k -> k.objectsPerMonth(count).size(bytes));
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
