package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Writes a {@link CostComparison} as text: Markdown tables for people (month by month side by
 * side, then by kind and by category) and a long-format CSV for spreadsheets (one row per
 * scenario, month, kind, storage class and category). Immutable.
 */
public final class CostTable {

  /** The CSV header. */
  public static final String CSV_HEADER = "scenario,month,kind,storage_class,category,usd";

  private final CostComparison comparison;

  private CostTable(CostComparison comparison) {
    this.comparison = comparison;
  }

  /** Returns a table of {@code comparison}. */
  public static CostTable of(CostComparison comparison) {
    return new CostTable(Require.nonNull(comparison, "comparison"));
  }

  /** Returns the Markdown tables: by month, by kind and by category. */
  public String markdown() {
    return monthly() + "\n" + byKind() + "\n" + byCategory();
  }

  /** Returns the month-by-month table, with a total row. */
  public String monthly() {
    StringBuilder out = new StringBuilder(
        "| month | policy | all STANDARD | all INTELLIGENT_TIERING | policy saves vs STANDARD "
            + "| GB stored (policy) |\n|---:|---:|---:|---:|---:|---:|\n");
    for (int m = 1; m <= comparison.months(); m++) {
      out.append(row(String.valueOf(m), comparison.policy().month(m),
          comparison.allStandard().month(m), comparison.allIntelligentTiering().month(m),
          comparison.savingsVsStandard(m)))
          .append(String.format(Locale.ROOT, " %,.1f |%n", comparison.policy().storedGb(m)));
    }
    return out.append(row("**total**", comparison.policy().total(),
        comparison.allStandard().total(), comparison.allIntelligentTiering().total(),
        comparison.savingsVsStandard())).append(" |\n").toString();
  }

  /** Returns the total of each kind over every month, in each scenario. */
  public String byKind() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "| kind (%d months) | policy | all STANDARD | all INTELLIGENT_TIERING | policy saves vs "
            + "STANDARD |%n|---|---:|---:|---:|---:|%n", comparison.months()));
    for (DataKind kind : DataKind.values()) {
      double policy = comparison.policy().total(kind);
      double standard = comparison.allStandard().total(kind);
      if (policy != 0 || standard != 0) {
        out.append(row(kind.name(), policy, standard,
            comparison.allIntelligentTiering().total(kind), standard - policy)).append('\n');
      }
    }
    return out.toString();
  }

  /** Returns the total of each category over every month, in each scenario. */
  public String byCategory() {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "| category (%d months) | policy | all STANDARD | all INTELLIGENT_TIERING |%n"
            + "|---|---:|---:|---:|%n", comparison.months()));
    for (CostCategory category : CostCategory.values()) {
      out.append("| ").append(category);
      for (CostProjection projection : comparison.projections()) {
        double total = 0;
        for (int m = 1; m <= comparison.months(); m++) {
          total += projection.month(m, category);
        }
        out.append(" | ").append(Usd.format(total));
      }
      out.append(" |\n");
    }
    return out.toString();
  }

  private static String row(String label, double policy, double standard, double tiering,
      double saved) {
    return "| " + label + " | " + Usd.format(policy) + " | " + Usd.format(standard) + " | "
        + Usd.format(tiering) + " | " + Usd.signed(saved) + " |";
  }

  /** Returns every non-zero cell of the three projections as CSV, header first. */
  public String csv() {
    StringBuilder out = new StringBuilder(CSV_HEADER).append('\n');
    for (CostProjection projection : comparison.projections()) {
      for (int m = 1; m <= projection.months(); m++) {
        appendMonth(out, projection, m);
      }
    }
    return out.toString();
  }

  private static void appendMonth(StringBuilder out, CostProjection projection, int month) {
    for (DataKind kind : DataKind.values()) {
      for (StorageClass storageClass : StorageClasses.WARM_TO_COLD) {
        for (CostCategory category : CostCategory.values()) {
          double usd = projection.cost(month, kind, storageClass, category);
          if (usd != 0) {
            out.append(String.join(",", List.of(csvField(projection.scenario()),
                String.valueOf(month), kind.name(), storageClass.toString(), category.name(),
                BigDecimal.valueOf(usd).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .toPlainString()))).append('\n');
          }
        }
      }
    }
  }

  /** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
  static String csvField(String value) {
    if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
      return value;
    }
    return '"' + value.replace("\"", "\"\"") + '"';
  }

  /**
   * Writes {@link #csv()} to {@code file} (UTF-8), replacing it.
   *
   * @throws IOException if the file cannot be written
   */
  public void writeCsv(Path file) throws IOException {
    Files.writeString(Require.nonNull(file, "file"), csv(), StandardCharsets.UTF_8);
  }

  /**
   * Writes {@link #markdown()} to {@code file} (UTF-8), replacing it.
   *
   * @throws IOException if the file cannot be written
   */
  public void writeMarkdown(Path file) throws IOException {
    Files.writeString(Require.nonNull(file, "file"), markdown(), StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "CostTable{" + comparison + '}';
  }
}
