package dev.stockroom.cli;

import dev.stockroom.Stockroom;
import dev.stockroom.audit.AuditRequest;
import dev.stockroom.cost.CostModel;
import dev.stockroom.cost.PriceList;
import dev.stockroom.cost.Workload;
import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Printable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Option;

/**
 * What a cost is computed for: what the bucket holds (an S3 Inventory report or the live bucket),
 * what is added each month, and the prices. Shared by {@code cost} and {@code plan}.
 */
final class WorkloadOptions {

  private static final Pattern ADDED = Pattern.compile("([a-z_-]+)=(\\d{1,12})x(.+)",
      Pattern.CASE_INSENSITIVE);

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

  /** Returns whether any workload was given. */
  boolean given() {
    return !added.isEmpty() || inventory != null || live;
  }

  /**
   * Returns a cost model over {@code months} for the workload given.
   *
   * @throws UsageException if the options contradict each other, a value is malformed, or no
   *     workload was given
   */
  CostModel model(Stockroom stockroom, int months) {
    if (inventory != null && live) {
      throw new UsageException("--inventory and --measure-live: choose one");
    }
    Workload.Builder workload = measured(stockroom).toBuilder();
    added.forEach(text -> add(workload, text));
    Workload built = workload.build();
    if (built.kinds().isEmpty()) {
      throw new UsageException("nothing to price: give --add, --inventory or --measure-live");
    }
    CostModel.Builder model = CostModel.builder().months(months).workload(built);
    if (prices != null) {
      try {
        model.prices(PriceList.load(prices));
      } catch (IOException e) {
        throw new UsageException("--prices '" + Printable.of(prices.toString()) + "': cannot be "
            + "read: " + Printable.of(String.valueOf(e.getMessage())), e);
      }
    }
    return model.build();
  }

  private Workload measured(Stockroom stockroom) {
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
      kind = DataKind.fromId(added.group(1).toLowerCase(Locale.ROOT));
      bytes = Connection.bytes(added.group(3));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--add '" + Printable.of(text) + "': " + e.getMessage(), e);
    }
    long count = Long.parseLong(added.group(2));
    workload.kind(kind, k -> k.objectsPerMonth(count).size(bytes));
  }
}
