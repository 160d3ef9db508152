package dev.stockroom.cli;

import dev.stockroom.audit.AuditReport;
import dev.stockroom.audit.AuditRequest;
import dev.stockroom.audit.FindingCount;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stockroom audit}: the objects already in the bucket against the policy, from the live
 * bucket or an S3 Inventory report; every finding to a file that {@code repair} reads.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = "Audit the objects in the bucket against the policy: from the live bucket, or "
        + "from an S3 Inventory report (CSV). Writes every finding to --findings for repair.")
final class AuditCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  @Option(names = "--inventory", paramLabel = "MANIFEST",
      description = "an S3 Inventory report on disk: its manifest.json")
  Path inventory;

  @Option(names = "--inventory-bucket", paramLabel = "BUCKET",
      description = "the bucket an S3 Inventory report lies in (with --manifest-key)")
  String inventoryBucket;

  @Option(names = "--manifest-key", paramLabel = "KEY",
      description = "the key of the report's manifest.json in --inventory-bucket")
  String manifestKey;

  @Option(names = "--prefix", paramLabel = "PREFIX", description = "audit only keys under it")
  String prefix = "";

  @Option(names = "--headers", negatable = true, defaultValue = "_NULL_", paramLabel = "",
      description = "read each object's headers with a HEAD (default: on for the live bucket, off "
          + "for an inventory)")
  Boolean headers;

  @Option(names = "--findings", paramLabel = "FILE",
      description = "write every finding to this CSV file (repair reads it)")
  Path findings;

  @Option(names = "--sample", paramLabel = "N", defaultValue = "10",
      description = "keys kept per finding and kind (default ${DEFAULT-VALUE})")
  int sample;

  AuditCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    AuditRequest.Builder request = source().prefix(prefix).sampleSize(sample);
    if (headers != null) {
      request.readHeaders(headers);
    }
    if (findings != null) {
      request.findingsFile(findings);
    }
    try (var stockroom = common.open(context)) {
      AuditReport report = stockroom.audit().run(request.build());
      new Output(context, common.json).answer(report.toString(), json(report));
      return ExitCodes.OK;
    }
  }

  private AuditRequest.Builder source() {
    if (inventory != null) {
      if (inventoryBucket != null || manifestKey != null) {
        throw new UsageException("--inventory and --inventory-bucket/--manifest-key: choose one");
      }
      return AuditRequest.inventory(inventory);
    }
    if (inventoryBucket != null || manifestKey != null) {
      if (inventoryBucket == null || manifestKey == null) {
        throw new UsageException("--inventory-bucket and --manifest-key go together");
      }
      return AuditRequest.inventory(inventoryBucket, manifestKey);
    }
    return AuditRequest.liveBucket();
  }

  private static Map<String, Object> json(AuditReport report) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("bucket", report.bucket());
    data.put("startedAt", report.startedAt().toString());
    data.put("objects", report.objects());
    data.put("bytes", report.bytes());
    data.put("skipped", report.skipped());
    data.put("objectsWithFindings", report.objectsWithFindings());
    data.put("findings", report.findings().stream().map(AuditCommand::finding).toList());
    data.put("notChecked", report.notChecked());
    data.put("findingsFile", report.findingsFile().map(Path::toString).orElse(null));
    return data;
  }

  private static Map<String, Object> finding(FindingCount count) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("finding", count.finding().name());
    data.put("kind", count.kind().map(Enum::name).orElse(null));
    data.put("objects", count.objects());
    data.put("bytes", count.bytes());
    data.put("sample", count.sample());
    return data;
  }
}
