package dev.stockroom.examples.benchmarks;

import dev.stockroom.Stockroom;
import dev.stockroom.audit.AuditReport;
import dev.stockroom.audit.AuditRequest;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Run in a forked JVM: audits an S3 Inventory report on disk with Stockroom, or only parses it
 * (gzip, CSV, the key decoded, size and date parsed: the floor any reader pays), and prints the
 * rows and seconds, and with {@code heap} the most heap the run kept alive. Makes no network
 * call. Arguments: {@code stockroom} or {@code parse}, bucket, manifest, findings file, and
 * optionally {@code heap}.
 */
public final class AuditChild {

  private AuditChild() {}

  public static void main(String[] args) throws Exception {
    boolean heap = args.length > 4 && args[4].equals("heap");
    try (LiveHeap live = heap ? new LiveHeap() : null) {
      long start = System.nanoTime();
      long rows = args[0].equals("stockroom") ? audit(args[1], Path.of(args[2]), Path.of(args[3]))
          : parse(Path.of(args[2]).getParent());
      System.out.println("ROWS=" + rows);
      System.out.printf("SECONDS=%.3f%n", (System.nanoTime() - start) / 1e9);
      if (live != null) {
        System.out.println("LIVE_HEAP_MAX=" + live.max());
      }
    }
  }

  private static long audit(String bucket, Path manifest, Path findings) {
    try (Stockroom stockroom = Stockroom.builder().bucket(bucket).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("bench",
            "bench")))
        .endpointOverride(URI.create("http://127.0.0.1:9")).forcePathStyle(true).build()) {
      AuditReport report = stockroom.audit().run(AuditRequest.inventory(manifest)
          .findingsFile(findings).build());
      return report.objects();
    }
  }

  private static long parse(Path directory) throws Exception {
    long rows = 0;
    try (var files = Files.list(directory)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".csv.gz"))
          .sorted().toList()) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file));
            CSVParser parser = CSVFormat.DEFAULT.parse(new BufferedReader(
                new InputStreamReader(in, StandardCharsets.UTF_8)))) {
          for (CSVRecord record : parser) {
            URLDecoder.decode(record.get(1), StandardCharsets.UTF_8);
            Long.parseLong(record.get(2));
            Instant.parse(record.get(3));
            rows++;
          }
        }
      }
    }
    return rows;
  }
}
