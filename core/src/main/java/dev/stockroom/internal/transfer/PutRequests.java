package dev.stockroom.internal.transfer;

import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.UploadHeaders;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** Builds the PUT for one object from its kind's policy: the one place that decides its headers. */
final class PutRequests {

  /** The tag objects carry when asked: {@code stockroom-kind=product-image}. */
  static final String KIND_TAG = "stockroom-kind";

  private PutRequests() {}

  static PutObjectRequest build(String bucket, String key, StoragePolicy policy,
      String contentType, Map<String, String> metadata, long size, Protection protection,
      Instant retainUntil, UploadHeaders headers) {
    PutObjectRequest.Builder put = PutObjectRequest.builder()
        .bucket(bucket)
        .key(key)
        .contentType(contentType)
        .cacheControl(policy.cacheControl())
        .storageClass(policy.storageClass())
        .serverSideEncryption(protection.encryption());
    if (headers.checksums()) {
      put.checksumAlgorithm(ChecksumAlgorithm.CRC32_C);
    }
    if (headers.kindTag()) {
      put.tagging(KIND_TAG + "=" + policy.kind().id());
    }
    if (!metadata.isEmpty()) {
      put.metadata(metadata);
    }
    if (size >= 0) {
      put.contentLength(size);
    }
    if (protection.encryption() == ServerSideEncryption.AWS_KMS) {
      put.ssekmsKeyId(protection.kmsKeyId()).bucketKeyEnabled(true);
    }
    if (retainUntil != null) {
      put.objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(retainUntil);
    }
    return put.build();
  }

  /**
   * Returns a digest of everything a multipart upload fixes when it is created (storage class,
   * encryption, headers, metadata, tag, Object Lock mode, checksum algorithm), so that a resume
   * can tell whether the policy in force would create it the same way.
   */
  static String fingerprint(PutObjectRequest put) {
    StringBuilder canonical = new StringBuilder();
    for (Object value : new Object[] {put.storageClassAsString(),
        put.serverSideEncryptionAsString(), put.ssekmsKeyId(), put.bucketKeyEnabled(),
        put.cacheControl(), put.contentType(), new java.util.TreeMap<>(put.metadata()),
        put.tagging(), put.objectLockModeAsString(), put.checksumAlgorithmAsString()}) {
      canonical.append(value).append('\n');
    }
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(canonical.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
