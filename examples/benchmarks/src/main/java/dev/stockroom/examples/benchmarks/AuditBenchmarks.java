package dev.stockroom.examples.benchmarks;

import dev.stockroom.testing.InventoryFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * An audit of a 1,000,000-row S3 Inventory report (CSV, gzipped, as S3 writes it), each run in a
 * forked JVM with {@value #XMX}: Stockroom's audit (every row checked against the policy, counts,
 * samples and a findings file) beside a bare parse of the same files (gzip, CSV, key, size and
 * date: what any reader pays), in interleaved rounds; and the most heap the audit keeps alive.
 */
final class AuditBenchmarks {

  static final String XMX = "-Xmx128m";
  static final long ROWS = 1_000_000;
  private static final String BUCKET = "shop-assets";

  private final Path work;
  private final Path manifest;

  AuditBenchmarks(Path work) throws java.io.IOException {
    this.work = work;
    this.manifest = InventoryFixture.generate(Files.createDirectories(work.resolve("inventory")),
        BUCKET, ROWS, Instant.now());
  }

  /** Returns rows per second for Stockroom's audit and for a bare parse, round by round. */
  Rounds speed() throws Exception {
    Map<String, Callable<Double>> contenders = new LinkedHashMap<>();
    contenders.put("stockroom", () -> rate(run("stockroom", false)));
    contenders.put("parse", () -> rate(run("parse", false)));
    return Rounds.run(1, 3, contenders);
  }

  /** Returns the most heap Stockroom's audit kept alive, in bytes. */
  long liveHeap() throws Exception {
    String output = run("stockroom", true);
    return Long.parseLong(output.replaceAll("(?s).*LIVE_HEAP_MAX=(\\d+).*", "$1"));
  }

  private static double rate(String output) {
    long rows = Long.parseLong(output.replaceAll("(?s).*ROWS=(\\d+).*", "$1"));
    double seconds = Double.parseDouble(output.replaceAll("(?s).*SECONDS=([0-9.]+).*", "$1"));
    if (rows != ROWS) {
      throw new IllegalStateException("read " + rows + " rows, not " + ROWS + ":\n" + output);
    }
    return rows / seconds;
  }

  private String run(String what, boolean heap) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path findings = work.resolve("findings.csv");
    List<String> command = new java.util.ArrayList<>(List.of(java, XMX, "-cp",
        System.getProperty("java.class.path"), AuditChild.class.getName(), what, BUCKET,
        manifest.toString(), findings.toString()));
    if (heap) {
      command.add("heap");
    }
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String output = new String(child.getInputStream().readAllBytes());
      if (!child.waitFor(10, TimeUnit.MINUTES) || child.exitValue() != 0
          || !output.contains("ROWS=")) {
        throw new IllegalStateException(what + " failed:\n" + output);
      }
      return output;
    } finally {
      child.destroyForcibly();
      Files.deleteIfExists(findings);
    }
  }
}
