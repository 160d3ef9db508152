package dev.stockroom.protection;

import dev.stockroom.validation.Require;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A backup Stockroom made: its id, tier, where its manifest lies, and when it was taken. What it
 * holds is in the manifest, read (and its signature checked) when it is restored.
 *
 * @param id the backup's id ({@code <tier>-<yyyyMMdd'T'HHmmss'Z'>-<random>})
 * @param tier the tier
 * @param bucket the bucket holding its copies and manifest
 * @param manifestKey the key of its manifest
 * @param takenAt when it was taken (the time its source listing began)
 */
public record Backup(String id, BackupTier tier, String bucket, String manifestKey,
    Instant takenAt) {

  private static final Pattern ID = Pattern.compile(
      "(daily|weekly|monthly)-\\d{8}T\\d{6}Z-[0-9a-f]{8}");

  /**
   * Checks the backup.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the id is not a backup id of the tier
   */
  public Backup {
    Require.nonNull(id, "id");
    Require.nonNull(tier, "tier");
    Require.nonNull(bucket, "bucket");
    Require.nonNull(manifestKey, "manifestKey");
    Require.nonNull(takenAt, "takenAt");
    Require.argument(ID.matcher(id).matches() && id.startsWith(tier.id() + "-"), "backup id must "
        + "be '%s-<yyyyMMdd'T'HHmmss'Z'>-<8 hex digits>', but was '%s'", tier.id(), id);
  }
}
