package dev.stockroom.protection;

import dev.stockroom.validation.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * One version in an erasure receipt, with its key hashed: the receipt holds no personal data. The
 * hash is {@code HMAC-SHA256(receipt key, "key\n" + object key)} in lowercase hex, where the
 * receipt key is derived from Stockroom's {@code protectionKey}; whoever holds that key can check
 * whether a given key was erased, and no one else can reverse or test a guess.
 *
 * @param bucket the bucket the version was in
 * @param keyHash the hash of the object key
 * @param versionId the version id
 * @param deleteMarker whether it is a delete marker
 * @param outcome what became of it
 * @param detail why it was not erased: the Object Lock hold, S3's error code, or what was found;
 *     empty when erased
 * @param retainUntil the end of the Object Lock retention that holds it, if one does
 */
public record ErasureEntry(String bucket, String keyHash, String versionId, boolean deleteMarker,
    Outcome outcome, String detail, Optional<Instant> retainUntil) {

  /** What became of one version. */
  public enum Outcome {
    /** Deleted, as S3 confirmed in the DeleteObjects answer, and not found again. */
    ERASED,
    /** Held by Object Lock (legal hold or retention): not deleted, never sent for deletion. */
    HELD,
    /** S3 refused its deletion; the detail holds its error code. */
    FAILED,
    /** Still there after the erasure: written since the plan, or not deleted for another reason. */
    REMAINING
  }

  /**
   * Checks the entry.
   *
   * @throws NullPointerException if an argument is null
   */
  public ErasureEntry {
    Require.nonNull(bucket, "bucket");
    Require.nonNull(keyHash, "keyHash");
    Require.nonNull(versionId, "versionId");
    Require.nonNull(outcome, "outcome");
    Require.nonNull(detail, "detail");
    Require.nonNull(retainUntil, "retainUntil");
  }
}
