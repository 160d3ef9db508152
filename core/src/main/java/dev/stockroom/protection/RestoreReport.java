package dev.stockroom.protection;

import dev.stockroom.validation.Require;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How a restore (a drill) went: the backup restored and where, the recovery time it took (RTO,
 * measured from the first request to the last object verified), the age of the backup when the
 * restore began (the recovery point, RPO), what was restored and verified, and every object that
 * did not come back as the manifest describes it. {@link #passed()} holds only when every object
 * of the manifest came back whole and the backup itself lacked nothing. Its {@code toString()} is
 * a report for people, without keys.
 *
 * @param backup the backup restored
 * @param target where it was restored
 * @param startedAt when the restore began (Stockroom's clock)
 * @param finishedAt when its last object was verified
 * @param recoveryTime how long restoring and verifying took (measured with {@code System.nanoTime})
 * @param backupAge how old the backup was when the restore began
 * @param objects the objects the manifest lists
 * @param restored the objects restored and verified whole
 * @param bytes the bytes restored
 * @param verifiedByChecksum the restored objects whose checksum was recomputed and matched
 * @param verifiedBySize the restored objects checked by size only (the manifest had no full-object
 *     checksum: copies made part by part)
 * @param missingFromBackup the objects the backup itself could not copy (from its manifest)
 * @param mismatches every object that did not come back whole
 * @param cleanedUp the restored versions deleted afterwards (0 without clean-up)
 */
public record RestoreReport(Backup backup, RestoreTarget target, Instant startedAt,
    Instant finishedAt, Duration recoveryTime, Duration backupAge, long objects, long restored,
    long bytes, long verifiedByChecksum, long verifiedBySize, long missingFromBackup,
    List<RestoreMismatch> mismatches, long cleanedUp) {

  /**
   * Checks the report.
   *
   * @throws NullPointerException if an argument is null
   */
  public RestoreReport {
    Require.nonNull(backup, "backup");
    Require.nonNull(target, "target");
    Require.nonNull(startedAt, "startedAt");
    Require.nonNull(finishedAt, "finishedAt");
    Require.nonNull(recoveryTime, "recoveryTime");
    Require.nonNull(backupAge, "backupAge");
    mismatches = List.copyOf(Require.nonNull(mismatches, "mismatches"));
  }

  /** Returns whether every object came back whole and the backup lacked nothing. */
  public boolean passed() {
    return mismatches.isEmpty() && missingFromBackup == 0 && restored == objects;
  }

  /** Returns the report as a table for people. */
  @Override
  public String toString() {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder("Restore drill of backup ").append(backup.id())
        .append(": ").append(passed() ? "PASSED" : "FAILED").append(nl);
    row(text, "backup", backup.tier() + " in s3://" + backup.bucket() + ", taken "
        + backup.takenAt());
    row(text, "restored into", target.toString());
    row(text, "started", startedAt.toString());
    row(text, "recovery time (RTO)", format(recoveryTime));
    row(text, "backup age (RPO)", format(backupAge));
    row(text, "objects", String.format("%,d restored of %,d in the manifest", restored, objects));
    row(text, "bytes", String.format("%,d", bytes));
    row(text, "verified", String.format("%,d by checksum, %,d by size only",
        verifiedByChecksum, verifiedBySize));
    row(text, "not in the backup", String.format("%,d (the backup could not copy them)",
        missingFromBackup));
    row(text, "mismatches", String.format("%,d", mismatches.size()));
    mismatches.stream().limit(50).forEach(m -> text.append("    ").append(m).append(nl));
    if (mismatches.size() > 50) {
      text.append("    … ").append(mismatches.size() - 50).append(" more").append(nl);
    }
    row(text, "cleaned up", target.cleansUp() ? String.format("%,d versions deleted", cleanedUp)
        : "no (the restored copies stay)");
    return text.toString();
  }

  private static void row(StringBuilder text, String name, String value) {
    text.append(String.format("  %-22s %s%n", name, value));
  }

  private static String format(Duration duration) {
    long seconds = duration.toSeconds();
    if (seconds < 60) {
      return String.format("%.3f s", duration.toNanos() / 1e9);
    }
    return String.format("%dd %02dh %02dm %02ds", duration.toDays(), duration.toHoursPart(),
        duration.toMinutesPart(), duration.toSecondsPart());
  }
}
