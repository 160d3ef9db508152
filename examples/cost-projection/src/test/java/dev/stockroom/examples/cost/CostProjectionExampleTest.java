package dev.stockroom.examples.cost;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost example, run as a user runs it: it states its assumptions and prices, prints the table,
 * the verdict and the break-even sizes, and writes a PNG chart and a CSV table covering every
 * month.
 */
class CostProjectionExampleTest {

  @TempDir
  Path dir;

  @Test
  void printsAssumptionsTableAndVerdict_andWritesTheChartAndCsv() throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      CostProjectionExample.main(new String[] {dir.toString()});
    } finally {
      System.setOut(out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);

    assertThat(text).contains("Assumptions: a shop with 100,000 visitors a month",
        "Prices: us-east-1, USD, checked ", "Break-even object size of each rule:",
        "the policy costs $", "Chart: ", "CSV:   ");
    byte[] png = Files.readAllBytes(dir.resolve("cost-projection.png"));
    assertThat(Arrays.copyOf(png, 8)).as("a PNG signature").containsExactly(0x89, 'P', 'N',
        'G', '\r', '\n', 0x1a, '\n');
    List<String> csv = Files.readAllLines(dir.resolve("cost-projection.csv"));
    assertThat(csv.get(0)).isEqualTo("scenario,month,kind,storage_class,category,usd");
    // every month of the policy's projection has rows
    for (int month = 1; month <= CostProjectionExample.MONTHS; month++) {
      String prefix = "policy," + month + ",";
      assertThat(csv).as("month %s", month).anyMatch(row -> row.startsWith(prefix));
    }
  }
}
