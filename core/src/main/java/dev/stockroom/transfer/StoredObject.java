package dev.stockroom.transfer;

import dev.stockroom.policy.DataKind;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * An object Stockroom stored: where it is, and how S3 holds it, as S3 answered the upload.
 * Immutable; equal when every value is.
 */
public interface StoredObject {

  /** Returns the bucket. */
  String bucket();

  /** Returns the full object key, prefix included. */
  String key();

  /** Returns the kind the object was stored as. */
  DataKind kind();

  /** Returns the storage class the object was uploaded with. */
  StorageClass storageClass();

  /** Returns the ETag S3 answered with. */
  String eTag();

  /** Returns the version id, when the bucket is versioned. */
  Optional<String> versionId();

  /**
   * Returns the base64 CRC32C checksum S3 stored; for a multipart upload it is the checksum of the
   * part checksums, suffixed with {@code -<parts>}.
   */
  Optional<String> checksumCrc32c();

  /** Returns the object's size in bytes. */
  long size();

  /**
   * Returns the server-side encryption S3 applied, as it answered (or as asked, for a store that
   * does not say); empty when none was asked for and the store did not say.
   */
  Optional<ServerSideEncryption> encryption();

  /** Returns the KMS key that encrypts the object, for SSE-KMS. */
  Optional<String> kmsKeyId();

  /** Returns whether an S3 Bucket Key encrypts the object (fewer KMS calls). */
  boolean bucketKeyEnabled();

  /** Returns the Cache-Control header stored with the object. */
  String cacheControl();

  /** Returns the Content-Type stored with the object. */
  String contentType();

  /** Returns the end of the object's Object Lock (COMPLIANCE) retention, if one was applied. */
  Optional<Instant> retainUntil();
}
