package dev.stockroom.internal.audit;

import dev.stockroom.audit.Finding;
import dev.stockroom.internal.transfer.ContentTypes;
import dev.stockroom.internal.transfer.Protection;
import dev.stockroom.policy.StoragePolicy;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * The headers a repaired object is written with: those a fresh upload of its kind gets (storage
 * class, encryption, Cache-Control, Object Lock retention), the Content-Type its extension implies
 * where that was the finding, and everything else the object had (user metadata, Content-Type,
 * Content-Disposition, Content-Encoding, Content-Language, Expires, tags).
 *
 * @param policy the object's policy
 * @param protection the encryption a fresh upload would get
 * @param checksums whether to ask S3 for a CRC32C checksum
 * @param retainUntil the COMPLIANCE retention to set, or null
 */
record ObjectCopy(StoragePolicy policy, Protection protection, boolean checksums,
    Instant retainUntil) {

  /** Returns the in-place copy of {@code key}, on condition that it still has {@code eTag}. */
  CopyObjectRequest request(String bucket, String key, String eTag, HeadObjectResponse head,
      Set<Finding> findings) {
    CopyObjectRequest.Builder copy = CopyObjectRequest.builder()
        .sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey(key)
        // the source as the audit saw it, and a destination no one has written since: a copy
        // never puts old bytes over a concurrent writer's
        .copySourceIfMatch(eTag).ifMatch(eTag)
        .metadataDirective(MetadataDirective.REPLACE).taggingDirective(TaggingDirective.COPY)
        .metadata(head.metadata())
        .contentType(contentType(key, head, findings))
        .cacheControl(policy.cacheControl())
        .contentDisposition(head.contentDisposition())
        .contentEncoding(head.contentEncoding())
        .contentLanguage(head.contentLanguage())
        .expires(head.expires())
        .storageClass(policy.storageClass())
        .serverSideEncryption(protection.encryption());
    if (protection.encryption() == ServerSideEncryption.AWS_KMS) {
      copy.ssekmsKeyId(protection.kmsKeyId()).bucketKeyEnabled(true);
    }
    if (checksums) {
      copy.checksumAlgorithm(ChecksumAlgorithm.CRC32_C);
    }
    if (retainUntil != null) {
      copy.objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(retainUntil);
    }
    return copy.build();
  }

  /**
   * Returns the multipart upload that writes the same object as {@code copy} (an object above the
   * 5 GiB a single copy can write), with the source's {@code tagging}, which a multipart upload
   * does not copy by itself.
   */
  static CreateMultipartUploadRequest multipart(CopyObjectRequest copy, String tagging) {
    return CreateMultipartUploadRequest.builder()
        .bucket(copy.destinationBucket()).key(copy.destinationKey())
        .metadata(copy.metadata()).contentType(copy.contentType())
        .cacheControl(copy.cacheControl()).contentDisposition(copy.contentDisposition())
        .contentEncoding(copy.contentEncoding()).contentLanguage(copy.contentLanguage())
        .expires(copy.expires()).storageClass(copy.storageClassAsString())
        .serverSideEncryption(copy.serverSideEncryptionAsString()).ssekmsKeyId(copy.ssekmsKeyId())
        .bucketKeyEnabled(copy.bucketKeyEnabled())
        // no extra checksum: completing it needs every part copy's checksum, which stores do not
        // all return; S3 gives a new object its default checksum anyway
        .objectLockMode(copy.objectLockModeAsString())
        .objectLockRetainUntilDate(copy.objectLockRetainUntilDate())
        .tagging(tagging)
        .build();
  }

  private static String contentType(String key, HeadObjectResponse head, Set<Finding> findings) {
    String now = head.contentType();
    return findings.contains(Finding.CONTENT_TYPE) || now == null || now.isBlank()
        ? ContentTypes.forName(key) : now;
  }
}
