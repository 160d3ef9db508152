package dev.stockroom.protection;

import dev.stockroom.validation.BucketNames;
import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a restore writes: a scratch prefix of the shop's bucket, or a scratch bucket (and prefix
 * there), never over the live data. Each object of the backup lands at {@code <prefix><its key>},
 * SSE-KMS. With {@link #cleanUp()} the restored copies are deleted once verified (every version
 * the restore wrote), so a drill leaves nothing behind.
 */
public final class RestoreTarget {

  private final String bucket;
  private final String prefix;
  private final String kmsKeyId;
  private final boolean cleanUp;

  private RestoreTarget(String bucket, String prefix, String kmsKeyId, boolean cleanUp) {
    this.bucket = bucket;
    this.prefix = prefix;
    this.kmsKeyId = kmsKeyId;
    this.cleanUp = cleanUp;
  }

  /**
   * Returns the scratch prefix {@code prefix} of the shop's bucket: it must lie outside every
   * kind's prefix, where no policy, lifecycle rule or audit touches the restored copies.
   *
   * @throws NullPointerException if {@code prefix} is null
   * @throws IllegalArgumentException if it is not a key prefix ending with {@code /}
   */
  public static RestoreTarget scratchPrefix(String prefix) {
    return new RestoreTarget(null, checkPrefix(prefix, false), null, false);
  }

  /**
   * Returns the scratch bucket {@code bucket}, restoring under {@code prefix} there ({@code ""}
   * for its root). The bucket must be reachable through Stockroom's own client.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the bucket name or the prefix is invalid
   */
  public static RestoreTarget scratchBucket(String bucket, String prefix) {
    return new RestoreTarget(BucketNames.check(bucket, "restore bucket"),
        checkPrefix(prefix, true), null, false);
  }

  private static String checkPrefix(String prefix, boolean mayBeEmpty) {
    Require.nonNull(prefix, "restore prefix");
    if (mayBeEmpty && prefix.isEmpty()) {
      return prefix;
    }
    Require.argument(prefix.endsWith("/") && prefix.length() > 1, "restore prefix must end "
        + "with '/', but was '%s'", prefix);
    ObjectKeys.prefixProblem(prefix).ifPresent(problem -> {
      throw new IllegalArgumentException(Require.format("restore prefix %s, but was '%s'",
          problem, prefix));
    });
    return prefix;
  }

  /** Returns this target, whose restored copies are deleted once verified. */
  public RestoreTarget cleanUp() {
    return new RestoreTarget(bucket, prefix, kmsKeyId, true);
  }

  /**
   * Returns this target, encrypting the restored copies with {@code kmsKeyId} (a key of the
   * target's region) instead of Stockroom's.
   *
   * @throws IllegalArgumentException if blank or holding whitespace
   */
  public RestoreTarget withKmsKeyId(String kmsKeyId) {
    Require.nonNull(kmsKeyId, "restore kmsKeyId");
    Require.argument(!kmsKeyId.isEmpty() && kmsKeyId.chars().noneMatch(Character::isWhitespace),
        "restore kmsKeyId must be a key id, alias or ARN without whitespace, but was '%s'",
        kmsKeyId);
    return new RestoreTarget(bucket, prefix, kmsKeyId, cleanUp);
  }

  /** Returns the scratch bucket; empty for the shop's own bucket. */
  public Optional<String> bucket() {
    return Optional.ofNullable(bucket);
  }

  /** Returns the prefix the restored keys go under. */
  public String prefix() {
    return prefix;
  }

  /** Returns the KMS key of the restored copies, if not Stockroom's. */
  public Optional<String> kmsKeyId() {
    return Optional.ofNullable(kmsKeyId);
  }

  /** Returns whether the restored copies are deleted once verified. */
  public boolean cleansUp() {
    return cleanUp;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RestoreTarget other && Objects.equals(bucket, other.bucket)
        && prefix.equals(other.prefix) && Objects.equals(kmsKeyId, other.kmsKeyId)
        && cleanUp == other.cleanUp;
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, prefix, kmsKeyId, cleanUp);
  }

  @Override
  public String toString() {
    return (bucket == null ? "the shop's bucket" : "bucket '" + bucket + "'") + ", prefix '"
        + prefix + "'" + (cleanUp ? ", cleaned up" : "");
  }
}
