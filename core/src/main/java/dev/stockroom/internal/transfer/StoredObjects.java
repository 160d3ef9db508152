package dev.stockroom.internal.transfer;

import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.StoredObject;
import java.time.Instant;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** Builds the {@link StoredObject} of an upload from S3's answer. */
final class StoredObjects {

  private StoredObjects() {}

  /**
   * Returns what S3 stored for {@code put}.
   *
   * @throws TransferFailedException if S3's answer has no ETag: a 2xx without one is not S3
   *     storing the object (a broken proxy, a cut-off answer)
   */
  static StoredObject fromPut(String bucket, StoragePolicy policy, PutObjectRequest put,
      Protection protection, Instant retainUntil, Sender.Sent sent) {
    PutObjectResponse response = sent.response();
    requireETag(bucket, put.key(), response.eTag());
    return new DefaultStoredObject(bucket, put.key(), policy.kind(), policy.storageClass(),
        response.eTag(), response.versionId(), response.checksumCRC32C(), sent.size(),
        response.serverSideEncryption() != null ? response.serverSideEncryption()
            : protection.encryption(),
        response.ssekmsKeyId(), Boolean.TRUE.equals(response.bucketKeyEnabled()),
        put.cacheControl(), put.contentType(), retainUntil);
  }

  /** Returns what S3 holds for {@code key}, read back after a resumed upload completed. */
  static StoredObject fromHead(String bucket, String key, DataKind kind, HeadObjectResponse head,
      Protection protection, Sender.Sent sent) {
    requireETag(bucket, key, sent.response().eTag());
    return new DefaultStoredObject(bucket, key, kind,
        head.storageClass() != null ? head.storageClass() : StorageClass.STANDARD,
        sent.response().eTag(), sent.response().versionId(), sent.response().checksumCRC32C(),
        head.contentLength() != null ? head.contentLength() : sent.size(),
        // stores that do not report SSE on objects completed from parts: the encryption asked for
        firstOf(head.serverSideEncryption(), sent.response().serverSideEncryption(),
            protection.encryption()), head.ssekmsKeyId(),
        Boolean.TRUE.equals(head.bucketKeyEnabled()), String.valueOf(head.cacheControl()),
        String.valueOf(head.contentType()), head.objectLockRetainUntilDate());
  }

  private static ServerSideEncryption firstOf(ServerSideEncryption... choices) {
    for (ServerSideEncryption choice : choices) {
      if (choice != null) {
        return choice;
      }
    }
    return null;
  }

  private static void requireETag(String bucket, String key, String eTag) {
    if (eTag == null) {
      throw new TransferFailedException(bucket, key,
          new IllegalStateException("the upload was answered without an ETag"));
    }
  }
}
