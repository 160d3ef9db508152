package dev.stockroom.internal.audit;

import java.time.Instant;

/**
 * One object as a source describes it. A listing knows less than an inventory, and neither knows
 * headers unless they were read: every field a source did not provide is null, and the checks that
 * need it are skipped (and reported as not checked) rather than guessed.
 *
 * @param key the key, decoded
 * @param versionId the version id, or null
 * @param size the size in bytes
 * @param lastModified when the object (version) was written
 * @param eTag the ETag as S3 gives it (quoted or not), or null
 * @param storageClass the storage class name (STANDARD when S3 omits it), or null if unknown
 * @param encryption {@code NOT-SSE}, {@code SSE-S3}, {@code SSE-KMS}, {@code DSSE-KMS} or {@code
 *     SSE-C} (the inventory's words), or null if unknown
 * @param kmsKeyId the KMS key ARN of an SSE-KMS object, or null if unknown or none
 * @param bucketKey whether an SSE-KMS object uses a bucket key, or null if unknown
 * @param lockMode {@code COMPLIANCE}, {@code GOVERNANCE} or empty for none; null if unknown
 * @param retainUntil the Object Lock retain-until date, or null
 * @param cacheControl the Cache-Control header, empty for none; null if headers were not read
 * @param contentType the Content-Type header, empty for none; null if headers were not read
 */
record ObjectRecord(String key, String versionId, long size, Instant lastModified, String eTag,
    String storageClass, String encryption, String kmsKeyId, Boolean bucketKey, String lockMode,
    Instant retainUntil, String cacheControl, String contentType) {

  static final String NOT_SSE = "NOT-SSE";
  static final String SSE_S3 = "SSE-S3";
  static final String SSE_KMS = "SSE-KMS";
  static final String DSSE_KMS = "DSSE-KMS";
  static final String SSE_C = "SSE-C";

  boolean headersKnown() {
    return cacheControl != null && contentType != null;
  }

  boolean lockKnown() {
    return lockMode != null;
  }

  /** Returns a copy with the Object Lock retention read separately (null mode: unknown). */
  ObjectRecord withLock(String lockMode, Instant retainUntil) {
    return new ObjectRecord(key, versionId, size, lastModified, eTag, storageClass, encryption,
        kmsKeyId, bucketKey, lockMode, retainUntil, cacheControl, contentType);
  }
}
