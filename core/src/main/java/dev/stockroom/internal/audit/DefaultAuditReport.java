package dev.stockroom.internal.audit;

import dev.stockroom.audit.AuditReport;
import dev.stockroom.audit.AuditRequest;
import dev.stockroom.audit.Finding;
import dev.stockroom.audit.FindingCount;
import dev.stockroom.audit.KindCount;
import dev.stockroom.cost.Sizes;
import dev.stockroom.cost.Workload;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The report of one audit run. */
record DefaultAuditReport(String bucket, AuditRequest request, Instant startedAt,
    Instant finishedAt, long objects, long bytes, long skipped, List<KindCount> kinds,
    List<FindingCount> findings, long objectsWithFindings, List<String> notChecked,
    Optional<Path> findingsFile, Workload workload) implements AuditReport {

  @Override
  public long count(Finding finding) {
    return findings.stream().filter(count -> count.finding() == finding)
        .mapToLong(FindingCount::objects).sum();
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    text.append(String.format("Audit of bucket '%s' (%s), %s: %,d objects, %s; %,d passed over%n",
        bucket, request, startedAt, objects, Sizes.format(bytes), skipped));
    if (findings.isEmpty()) {
      text.append("No findings.\n");
    } else {
      text.append(String.format("%-24s %-16s %12s %12s  %s%n", "finding", "kind", "objects",
          "bytes", "sample"));
      for (FindingCount count : findings) {
        text.append(String.format("%-24s %-16s %,12d %12s  %s%n", count.finding(),
            count.kind().map(Enum::name).orElse("-"), count.objects(),
            Sizes.format(count.bytes()), String.join(", ", count.sample().subList(0,
                Math.min(3, count.sample().size())))));
      }
      text.append(String.format("%,d objects or uploads with findings%n", objectsWithFindings));
    }
    notChecked.forEach(line -> text.append("Not checked: ").append(line).append('\n'));
    findingsFile.ifPresent(file -> text.append("Every finding: ").append(file).append('\n'));
    return text.toString();
  }
}
