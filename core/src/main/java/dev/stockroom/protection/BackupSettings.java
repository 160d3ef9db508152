package dev.stockroom.protection;

import dev.stockroom.validation.BucketNames;
import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Where and how transactional data is backed up: the backup bucket (versioned: each tier's copies
 * are versions of stable keys, and the retention expires the versions the source replaced), the
 * key prefix there, the KMS key of its copies, each tier's retention and storage class, and the
 * optional cross-region bucket that holds the weekly tier, reached through the caller's client of
 * that region. Its {@code toString()} shows no secret (there is none here).
 */
public final class BackupSettings {

  /** The default prefix of everything backups write in their buckets. */
  public static final String DEFAULT_PREFIX = "stockroom-backups/";
  /** The longest retention a tier may have, in days (10 years). */
  public static final int MAX_RETENTION_DAYS = 3650;
  /** The classes a backup copy may be stored in: each is readable at once for a restore. */
  public static final Set<StorageClass> STORAGE_CLASSES = Set.of(StorageClass.STANDARD,
      StorageClass.STANDARD_IA, StorageClass.ONEZONE_IA, StorageClass.INTELLIGENT_TIERING,
      StorageClass.GLACIER_IR);

  private final String bucket;
  private final String prefix;
  private final String kmsKeyId;
  private final Map<BackupTier, Integer> retentionDays;
  private final Map<BackupTier, StorageClass> storageClasses;
  private final S3AsyncClient crossRegionClient;
  private final String crossRegionBucket;
  private final String crossRegionKmsKeyId;

  private BackupSettings(Builder builder) {
    this.bucket = builder.bucket;
    this.prefix = builder.prefix;
    this.kmsKeyId = builder.kmsKeyId;
    this.retentionDays = Map.copyOf(builder.retentionDays);
    this.storageClasses = Map.copyOf(builder.storageClasses);
    this.crossRegionClient = builder.crossRegionClient;
    this.crossRegionBucket = builder.crossRegionBucket;
    this.crossRegionKmsKeyId = builder.crossRegionKmsKeyId;
  }

  /** Returns a new builder; the bucket is required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the backup bucket (in the region of Stockroom's own client). */
  public String bucket() {
    return bucket;
  }

  /** Returns the prefix of everything backups write in their buckets. */
  public String prefix() {
    return prefix;
  }

  /** Returns the KMS key of the copies in the backup bucket; empty to use Stockroom's. */
  public Optional<String> kmsKeyId() {
    return Optional.ofNullable(kmsKeyId);
  }

  /** Returns how many days {@code tier} keeps a backup. */
  public int retentionDays(BackupTier tier) {
    return retentionDays.getOrDefault(Require.nonNull(tier, "tier"), tier.defaultRetentionDays());
  }

  /** Returns the storage class of {@code tier}'s copies (default STANDARD). */
  public StorageClass storageClass(BackupTier tier) {
    return storageClasses.getOrDefault(Require.nonNull(tier, "tier"), StorageClass.STANDARD);
  }

  /** Returns the caller's client of the cross-region bucket's region, if one is configured. */
  public Optional<S3AsyncClient> crossRegionClient() {
    return Optional.ofNullable(crossRegionClient);
  }

  /** Returns the cross-region bucket, which holds the weekly tier, if one is configured. */
  public Optional<String> crossRegionBucket() {
    return Optional.ofNullable(crossRegionBucket);
  }

  /** Returns the KMS key (of the cross-region bucket's region) of the copies there. */
  public Optional<String> crossRegionKmsKeyId() {
    return Optional.ofNullable(crossRegionKmsKeyId);
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.bucket = bucket;
    builder.prefix = prefix;
    builder.kmsKeyId = kmsKeyId;
    builder.retentionDays.putAll(retentionDays);
    builder.storageClasses.putAll(storageClasses);
    builder.crossRegionClient = crossRegionClient;
    builder.crossRegionBucket = crossRegionBucket;
    builder.crossRegionKmsKeyId = crossRegionKmsKeyId;
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BackupSettings other && bucket.equals(other.bucket)
        && prefix.equals(other.prefix) && Objects.equals(kmsKeyId, other.kmsKeyId)
        && retentionDays.equals(other.retentionDays)
        && storageClasses.equals(other.storageClasses)
        && Objects.equals(crossRegionClient, other.crossRegionClient)
        && Objects.equals(crossRegionBucket, other.crossRegionBucket)
        && Objects.equals(crossRegionKmsKeyId, other.crossRegionKmsKeyId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, prefix, kmsKeyId, retentionDays, storageClasses,
        crossRegionClient, crossRegionBucket, crossRegionKmsKeyId);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("BackupSettings[bucket ").append(bucket)
        .append(", prefix '").append(prefix).append('\'');
    for (BackupTier tier : BackupTier.values()) {
      text.append(", ").append(tier.id()).append(' ').append(retentionDays(tier)).append(" days ")
          .append(storageClass(tier));
    }
    if (crossRegionBucket != null) {
      text.append(", weekly in ").append(crossRegionBucket);
    }
    return text.append(']').toString();
  }

  /** Builds {@link BackupSettings}; each setter checks its value. */
  public static final class Builder {

    private String bucket;
    private String prefix = DEFAULT_PREFIX;
    private String kmsKeyId;
    private final Map<BackupTier, Integer> retentionDays = new EnumMap<>(BackupTier.class);
    private final Map<BackupTier, StorageClass> storageClasses = new EnumMap<>(BackupTier.class);
    private S3AsyncClient crossRegionClient;
    private String crossRegionBucket;
    private String crossRegionKmsKeyId;

    private Builder() {}

    /**
     * Sets the backup bucket (required), in the region of Stockroom's client. It must have
     * versioning enabled; a backup refuses to start otherwise.
     *
     * @throws IllegalArgumentException if the name breaks S3's bucket naming rules
     */
    public Builder bucket(String bucket) {
      this.bucket = BucketNames.check(bucket, "backups bucket");
      return this;
    }

    /**
     * Sets the prefix of everything backups write in their buckets (default {@value
     * BackupSettings#DEFAULT_PREFIX}): copies under {@code <prefix><tier>/}, manifests under
     * {@code <prefix>manifests/<tier>/}.
     *
     * @throws IllegalArgumentException if not a key prefix ending with {@code /}
     */
    public Builder prefix(String prefix) {
      Require.nonNull(prefix, "backups prefix");
      Require.argument(prefix.endsWith("/") && prefix.length() > 1, "backups prefix must end "
          + "with '/', but was '%s'", prefix);
      ObjectKeys.prefixProblem(prefix).ifPresent(problem -> {
        throw new IllegalArgumentException(Require.format("backups prefix %s, but was '%s'",
            problem, prefix));
      });
      this.prefix = prefix;
      return this;
    }

    /**
     * Sets the KMS key (of the backup bucket's region) every copy there is encrypted with; by
     * default Stockroom's own {@code kmsKeyId}.
     *
     * @throws IllegalArgumentException if blank or holding whitespace
     */
    public Builder kmsKeyId(String kmsKeyId) {
      this.kmsKeyId = keyId(kmsKeyId, "backups kmsKeyId");
      return this;
    }

    /**
     * Sets how many days {@code tier} keeps a backup (defaults 7, 30 and 365).
     *
     * @throws IllegalArgumentException unless 1 ≤ days ≤ {@value
     *     BackupSettings#MAX_RETENTION_DAYS}
     */
    public Builder retentionDays(BackupTier tier, int days) {
      Require.nonNull(tier, "tier");
      Require.argument(days >= 1 && days <= MAX_RETENTION_DAYS, "backups retentionDays of %s "
          + "must be between 1 and %s, but was %s", tier, MAX_RETENTION_DAYS, days);
      retentionDays.put(tier, days);
      return this;
    }

    /**
     * Sets the storage class of {@code tier}'s copies (default STANDARD). Infrequent-access and
     * Glacier Instant Retrieval classes bill at least 128 KB per object and 30 or 90 days per
     * copy: for small order and customer files they cost more than STANDARD (docs/protection.md).
     *
     * @throws IllegalArgumentException unless one of {@link BackupSettings#STORAGE_CLASSES}
     *     (an archive class would have to be restored before a restore could read it)
     */
    public Builder storageClass(BackupTier tier, StorageClass storageClass) {
      Require.nonNull(tier, "tier");
      Require.nonNull(storageClass, "storageClass");
      Require.argument(STORAGE_CLASSES.contains(storageClass), "backups storageClass of %s must "
          + "be one a restore reads at once (STANDARD, STANDARD_IA, ONEZONE_IA, "
          + "INTELLIGENT_TIERING, GLACIER_IR), but was %s", tier, storageClass);
      storageClasses.put(tier, storageClass);
      return this;
    }

    /**
     * Keeps the weekly tier in {@code bucket}, in another region, reached through the caller's
     * {@code client} of that region (Stockroom never closes it), encrypted with {@code kmsKeyId}
     * (a key of that region). The copies are made server-side, from the source bucket.
     *
     * @throws IllegalArgumentException if the bucket name or key id is invalid
     */
    public Builder crossRegion(S3AsyncClient client, String bucket, String kmsKeyId) {
      Require.nonNull(client, "crossRegion client");
      String name = BucketNames.check(bucket, "backups crossRegion bucket");
      String key = keyId(kmsKeyId, "backups crossRegion kmsKeyId");
      this.crossRegionClient = client;
      this.crossRegionBucket = name;
      this.crossRegionKmsKeyId = key;
      return this;
    }

    private static String keyId(String kmsKeyId, String field) {
      Require.nonNull(kmsKeyId, field);
      Require.argument(!kmsKeyId.isEmpty() && kmsKeyId.chars().noneMatch(Character::isWhitespace),
          "%s must be a key id, alias or ARN without whitespace, but was '%s'", field, kmsKeyId);
      return kmsKeyId;
    }

    /**
     * Returns the settings.
     *
     * @throws IllegalStateException if the bucket is not set, or the cross-region bucket is the
     *     backup bucket
     */
    public BackupSettings build() {
      Require.state(bucket != null, "backups bucket must be set");
      Require.state(!bucket.equals(crossRegionBucket), "backups crossRegion bucket must differ "
          + "from the backup bucket '%s'", bucket);
      return new BackupSettings(this);
    }
  }
}
