package dev.stockroom.cost;

import static dev.stockroom.cost.CostModelTest.GIB;
import static dev.stockroom.policy.DataKind.PRODUCT_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.policy.PolicyCatalog;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostTableTest {

  static CostComparison oneImageForFourMonths() {
    return CostModel.builder().months(4).workload(Workload.builder().kind(PRODUCT_IMAGE, k -> k
        .objectsPerMonth(1).size(GIB).monthlyGrowth(-1).tagsPerObject(0)).build()).build()
        .compare(PolicyCatalog.defaults());
  }

  @Test
  void markdown_listsEveryMonthSideBySide() {
    String markdown = CostTable.of(oneImageForFourMonths()).markdown();

    // Month 1: STANDARD storage $0.023 + one PUT ($0.000005) in the policy and all STANDARD;
    // all INTELLIGENT_TIERING: 720 h Frequent + 10 h Infrequent + monitoring + PUT.
    double tiering = 0.023 * 720 / 730 + 0.0125 * 10 / 730 + 0.0025 / 1000 + 0.005 / 1000;
    assertThat(markdown).contains("| 1 | $0.023 | $0.023 | $" + String.format("%.3g", tiering)
        + " | +$0.00 | 1.0 |");
    assertThat(markdown).contains("| month | policy | all STANDARD | all INTELLIGENT_TIERING |");
    assertThat(markdown).contains("| PRODUCT_IMAGE | $0.0811 | $0.092 | $0.0515 | +$0.0109 |\n");
    assertThat(markdown).contains("| EARLY_DELETION | $0.00 | $0.00 | $0.00 |");
  }

  @Test
  void csv_holdsOneRowPerNonZeroCell() {
    List<String> rows = CostTable.of(oneImageForFourMonths()).csv().lines().toList();

    assertThat(rows.get(0)).isEqualTo("scenario,month,kind,storage_class,category,usd");
    assertThat(rows).contains("policy,1,PRODUCT_IMAGE,STANDARD,STORAGE,0.023",
        "policy,1,PRODUCT_IMAGE,STANDARD,REQUESTS,0.000005",
        "policy,3,PRODUCT_IMAGE,STANDARD_IA,TRANSITIONS,0.00001",
        "all STANDARD,4,PRODUCT_IMAGE,STANDARD,STORAGE,0.023");
    assertThat(rows).noneMatch(r -> r.endsWith(",0"));
  }

  @Test
  void csvField_quotesCommasAndQuotes() {
    assertThat(CostTable.csvField("plain")).isEqualTo("plain");
    assertThat(CostTable.csvField("a,b")).isEqualTo("\"a,b\"");
    assertThat(CostTable.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }
}
