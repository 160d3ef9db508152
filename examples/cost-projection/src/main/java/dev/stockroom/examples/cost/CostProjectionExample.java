package dev.stockroom.examples.cost;

import static software.amazon.awssdk.services.s3.model.StorageClass.INTELLIGENT_TIERING;

import dev.stockroom.cost.CostChart;
import dev.stockroom.cost.CostComparison;
import dev.stockroom.cost.CostModel;
import dev.stockroom.cost.CostTable;
import dev.stockroom.cost.CostWarning;
import dev.stockroom.cost.PriceList;
import dev.stockroom.cost.RuleBreakEven;
import dev.stockroom.cost.TransitionMinimumSize;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.Transition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Answers "a shop with 100,000 visitors a month: what does its storage cost, and how do we cut
 * it?" with Stockroom's default policy against keeping everything in STANDARD or
 * INTELLIGENT_TIERING, prints the tables, the rules that lose money and the effect of a few
 * changes, and writes the chart and the CSV under {@code target/}.
 */
public final class CostProjectionExample {

  static final int MONTHS = 36;

  private CostProjectionExample() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "target");
    Files.createDirectories(out);
    PriceList prices = PriceList.usEast1();
    Shop.printAssumptions(System.out);
    System.out.printf("Prices: %s, %s, checked %s%n%n", prices.region(), prices.currency(),
        prices.effective());

    CostModel model = CostModel.builder().prices(prices).workload(Shop.workload()).months(MONTHS)
        .build();
    PolicyCatalog policy = PolicyCatalog.defaults();
    CostComparison comparison = model.compare(policy);
    CostTable table = CostTable.of(comparison);
    System.out.println(table.markdown());
    printVerdict(comparison);
    printRules(model, policy, comparison);
    printChanges(model, policy);

    Path chart = out.resolve("cost-projection.png");
    CostChart.of(comparison).writePng(chart);
    Path csv = out.resolve("cost-projection.csv");
    table.writeCsv(csv);
    System.out.printf("%nChart: %s%nCSV:   %s%n", chart.toAbsolutePath(), csv.toAbsolutePath());
  }

  private static void printVerdict(CostComparison comparison) {
    System.out.printf("Month %d: the policy costs $%,.2f a month, all STANDARD $%,.2f, all "
            + "INTELLIGENT_TIERING $%,.2f. Over %d months the policy %s all STANDARD and %s all "
            + "INTELLIGENT_TIERING.%n%n", MONTHS, comparison.policy().month(MONTHS),
        comparison.allStandard().month(MONTHS), comparison.allIntelligentTiering().month(MONTHS),
        MONTHS, saves(comparison.savingsVsStandard()),
        saves(comparison.savingsVsIntelligentTiering()));
  }

  private static String saves(double usd) {
    return usd >= 0 ? String.format("saves $%,.2f against", usd)
        : String.format("costs $%,.2f more than", -usd);
  }

  private static void printRules(CostModel model, PolicyCatalog policy,
      CostComparison comparison) {
    System.out.println("Break-even object size of each rule:");
    for (RuleBreakEven rule : model.breakEvens(policy)) {
      System.out.println("- " + rule);
    }
    System.out.println();
    System.out.println(comparison.warnings().isEmpty()
        ? "No rule loses money with S3's default (objects under 128 KB never transition)."
        : "Rules that lose money:");
    comparison.warnings().forEach(w -> System.out.println("- " + w));
    CostModel smallObjectsMove = model.toBuilder()
        .transitionMinimumSize(TransitionMinimumSize.VARIES_BY_STORAGE_CLASS).build();
    System.out.println();
    System.out.println("If the bucket let objects under 128 KB go to GLACIER "
        + "(TransitionDefaultMinimumObjectSize varies_by_storage_class):");
    for (CostWarning warning : smallObjectsMove.warnings(policy)) {
      System.out.println("- " + warning);
    }
    System.out.printf("  36-month total: $%,.2f instead of $%,.2f%n%n",
        smallObjectsMove.project(policy).total(), comparison.policy().total());
  }

  private static void printChanges(CostModel model, PolicyCatalog policy) {
    System.out.println("How to cut it: what each change does to the monthly cost at month "
        + MONTHS + ":");
    PolicyCatalog servable = policy.toBuilder().policy(DataKind.PRODUCT_IMAGE, p -> p
        .transitions(Transition.of(90, TransitionStorageClass.STANDARD_IA),
            Transition.of(365, TransitionStorageClass.GLACIER_IR)))
        .build();
    printChange(model, policy, servable, " (and images stay servable without a restore)");
    PolicyCatalog tiering = policy.toBuilder()
        .policy(DataKind.PRODUCT_IMAGE, p -> p.storageClass(INTELLIGENT_TIERING).noTransitions())
        .policy(DataKind.PRODUCT_VIDEO, p -> p.storageClass(INTELLIGENT_TIERING).noTransitions())
        .build();
    printChange(model, policy, tiering, "");
    PolicyCatalog cheaper = tiering.toBuilder()
        .policy(DataKind.ACCESS_LOG, p -> p.expirationDays(400)).build();
    printChange(model, tiering, cheaper, "");
    System.out.printf("%nWith all three (images and videos in INTELLIGENT_TIERING, access logs "
            + "kept 400 days): $%,.2f over %d months, against $%,.2f for the default policy and "
            + "$%,.2f for all STANDARD.%n", model.project(cheaper).total(), MONTHS,
        model.project(policy).total(), model.projectInOneClass(policy, StorageClass.STANDARD)
            .total());
  }

  private static void printChange(CostModel model, PolicyCatalog before, PolicyCatalog after,
      String note) {
    model.change(before, after, MONTHS).kinds()
        .forEach(kind -> System.out.println("- " + kind + note));
  }
}
