package dev.stockroom.cli;

import dev.stockroom.protection.BackupTier;
import dev.stockroom.protection.RestoreReport;
import dev.stockroom.protection.RestoreTarget;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stockroom restore-drill}: restores the latest backup of a tier into a scratch place,
 * verifies every object against the manifest, reports recovery time and backup age, and cleans
 * the scratch copy up unless asked to keep it. Exits 1 when any object does not match.
 */
@Command(name = "restore-drill", mixinStandardHelpOptions = true,
    description = "Restore the latest backup of a tier into a scratch place, verify every object "
        + "against its manifest, report RTO and RPO, then clean up. Exit 1 on any mismatch.")
final class RestoreDrillCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  @Option(names = "--tier", paramLabel = "TIER", required = true,
      description = "${COMPLETION-CANDIDATES}")
  BackupTier tier;

  @Option(names = "--scratch-prefix", paramLabel = "PREFIX", defaultValue = "restore-drills/",
      description = "where in the bucket the copy goes (default ${DEFAULT-VALUE})")
  String scratchPrefix;

  @Option(names = "--scratch-bucket", paramLabel = "BUCKET",
      description = "restore into this bucket instead (under --scratch-prefix)")
  String scratchBucket;

  @Option(names = "--keep", description = "keep the restored copy (default: cleaned up)")
  boolean keep;

  RestoreDrillCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RestoreTarget target = scratchBucket == null ? RestoreTarget.scratchPrefix(scratchPrefix)
        : RestoreTarget.scratchBucket(scratchBucket, scratchPrefix);
    if (!keep) {
      target = target.cleanUp();
    }
    try (var stockroom = common.open(context)) {
      RestoreReport report = stockroom.protection().drill(tier, target);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("backup", report.backup().id());
      data.put("passed", report.passed());
      data.put("recoveryTimeSeconds", report.recoveryTime().toMillis() / 1000.0);
      data.put("backupAgeSeconds", report.backupAge().toSeconds());
      data.put("objects", report.objects());
      data.put("restored", report.restored());
      data.put("bytes", report.bytes());
      data.put("mismatches", report.mismatches().size());
      data.put("cleanedUp", report.cleanedUp());
      new Output(context, common.json).answer(report.toString(), data);
      return report.passed() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }
}
