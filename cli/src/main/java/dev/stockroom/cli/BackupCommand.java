package dev.stockroom.cli;

import dev.stockroom.protection.BackupMode;
import dev.stockroom.protection.BackupResult;
import dev.stockroom.protection.BackupTier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stockroom backup}: one incremental backup of the transactional data into a tier (needs
 * {@code stockroom.backups.*} and {@code stockroom.protection-key}).
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Back up the transactional data into a tier: only what changed since the tier's "
        + "last backup is copied, server-side, SSE-KMS.")
final class BackupCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  @Option(names = "--tier", paramLabel = "TIER", required = true,
      description = "${COMPLETION-CANDIDATES}")
  BackupTier tier;

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "AUTO",
      description = "where the copies run: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  BackupMode mode;

  @Option(names = "--await", paramLabel = "DURATION",
      description = "when it runs as a Batch Operations job: wait this long for it (e.g. 6h)")
  String await;

  BackupCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    Duration wait = await == null ? null : Durations.parse("--await", await);
    try (var stockroom = common.open(context)) {
      BackupResult result = stockroom.protection().backup(tier, mode);
      if (wait != null && result.submitted()) {
        result = stockroom.protection().awaitBackup(result, wait);
      }
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("backup", result.backup().id());
      data.put("tier", result.backup().tier().name());
      data.put("mode", result.mode().name());
      data.put("submitted", result.submitted());
      data.put("complete", result.complete());
      data.put("objects", result.objects());
      data.put("copied", result.copied());
      data.put("unchanged", result.unchanged());
      data.put("removed", result.removed());
      data.put("failures", result.failures().size());
      data.put("manifestKey", result.backup().manifestKey());
      new Output(context, common.json).answer(result.toString(), data);
      return result.failures().isEmpty() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }
}
