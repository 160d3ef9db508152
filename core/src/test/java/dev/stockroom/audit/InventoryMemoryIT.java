package dev.stockroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.testing.AuditOneInventory;
import dev.stockroom.testing.InventoryFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An inventory of 1,000,000 rows is audited by a JVM limited to 128 MiB of heap: rows are read one
 * at a time and only counts and samples are kept, so the heap the audit keeps alive is a small
 * fraction of the report's size. The counts come from the fixture's pattern: a tenth of the rows
 * are orders under SSE-S3 (ENCRYPTION), a tenth are images archived to GLACIER at 10 days
 * (STORAGE_CLASS). Speed is measured in examples/benchmarks, not here.
 */
class InventoryMemoryIT {

  private static final long ROWS = 1_000_000;

  @TempDir
  Path dir;

  @Test
  void millionRowInventory_isAuditedInFlatMemory() throws Exception {
    long t0 = System.nanoTime();
    Path manifest = InventoryFixture.generate(dir, "shop-assets", ROWS, Instant.now());
    System.out.printf("generated in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    Path findings = dir.resolve("findings.csv");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-Xmx128m",
        "-cp", System.getProperty("java.class.path"), AuditOneInventory.class.getName(),
        "shop-assets", manifest.toString(), findings.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      assertThat(child.waitFor(3, TimeUnit.MINUTES)).as("child finished").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(dir.resolve("child.log"));
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(number(output, "OBJECTS")).isEqualTo(ROWS);
    assertThat(number(output, "ENCRYPTION")).isEqualTo(ROWS / 10);
    assertThat(number(output, "STORAGE_CLASS")).isEqualTo(ROWS / 10);
    assertThat(number(output, "WITH_FINDINGS")).isEqualTo(ROWS / 5);
    try (var lines = Files.lines(findings)) {
      assertThat(lines.count()).isEqualTo(4 + ROWS / 5);
    }
    long live = number(output, "LIVE_HEAP_MAX");
    // the report is ~100 MB of CSV; the audit keeps counts, samples and one parser's buffers
    // beside the SDK and Stockroom themselves (22-40 MiB measured, sampling decides where)
    assertThat(live).as(output).isPositive().isLessThan(64L << 20);
    System.out.printf("1,000,000-row inventory: live heap at most %.1f MiB (-Xmx128m), audit %s s%n",
        live / 1048576.0, output.replaceAll("(?s).*SECONDS=([0-9.]+).*", "$1"));
  }

  private static long number(String output, String name) {
    return Long.parseLong(output.replaceAll("(?s).*\\b" + name + "=(\\d+).*", "$1"));
  }
}
