package dev.stockroom.internal.protection;

import dev.stockroom.protection.BackupSettings;
import dev.stockroom.protection.BackupTier;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Where backups put things. Each tier's copies live under stable keys, {@code
 * <prefix><tier>/<source key>}, so a changed object becomes a new version of its copy and the
 * tier's lifecycle rule expires the versions it replaced after the retention; a manifest per
 * backup, {@code <prefix>manifests/<tier>/<backup id>.manifest}, names the version of each copy
 * the backup holds. A backup still running as a Batch Operations job has its draft under {@code
 * <prefix>manifests/<tier>/pending/}.
 */
final class BackupLayout {

  private static final DateTimeFormatter ID_TIME = DateTimeFormatter
      .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  static final String EXTENSION = ".manifest";

  private final BackupSettings settings;
  private final S3AsyncClient s3;
  private final String kmsKeyId;

  /**
   * Lays out {@code settings}, whose backup bucket {@code s3} reaches; {@code kmsKeyId} is the
   * default key.
   */
  BackupLayout(BackupSettings settings, S3AsyncClient s3, String kmsKeyId) {
    this.settings = settings;
    this.s3 = s3;
    this.kmsKeyId = kmsKeyId;
  }

  BackupSettings settings() {
    return settings;
  }

  /** Returns where {@code tier} lives: the weekly tier in the cross-region bucket, if any. */
  TierPlace place(BackupTier tier) {
    boolean away = tier == BackupTier.WEEKLY && settings.crossRegionBucket().isPresent();
    return away
        ? new TierPlace(tier, settings.crossRegionClient().orElseThrow(),
            settings.crossRegionBucket().orElseThrow(),
            settings.crossRegionKmsKeyId().orElseThrow(), settings.storageClass(tier),
            settings.retentionDays(tier))
        : new TierPlace(tier, s3, settings.bucket(), settings.kmsKeyId().orElse(kmsKeyId),
            settings.storageClass(tier), settings.retentionDays(tier));
  }

  /** Returns every tier's place. */
  List<TierPlace> places() {
    return Stream.of(BackupTier.values()).map(this::place).toList();
  }

  /** Returns the prefix of {@code tier}'s copies. */
  String copyPrefix(BackupTier tier) {
    return settings.prefix() + tier.id() + "/";
  }

  /** Returns the key of {@code tier}'s copy of {@code sourceKey}. */
  String copyKey(BackupTier tier, String sourceKey) {
    return copyPrefix(tier) + sourceKey;
  }

  /** Returns the prefix of {@code tier}'s manifests. */
  String manifestPrefix(BackupTier tier) {
    return settings.prefix() + "manifests/" + tier.id() + "/";
  }

  /** Returns the key of the manifest of backup {@code id} of {@code tier}. */
  String manifestKey(BackupTier tier, String id) {
    return manifestPrefix(tier) + id + EXTENSION;
  }

  /** Returns the key of the draft manifest of backup {@code id}, while its job runs. */
  String pendingKey(BackupTier tier, String id) {
    return manifestPrefix(tier) + "pending/" + id + EXTENSION;
  }

  /** Returns a new backup id: the tier, the time, and a random part. */
  static String newId(BackupTier tier, Instant taken) {
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return tier.id() + "-" + ID_TIME.format(taken) + "-" + HexFormat.of().formatHex(random);
  }

  /** Returns when backup {@code id} was taken, from its id. */
  static Instant takenAt(String id) {
    String time = id.substring(id.indexOf('-') + 1, id.lastIndexOf('-'));
    return ID_TIME.parse(time, Instant::from);
  }
}
