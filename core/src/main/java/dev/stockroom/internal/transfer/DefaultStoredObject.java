package dev.stockroom.internal.transfer;

import dev.stockroom.policy.DataKind;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.validation.Require;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** What S3 stored for one upload; see {@link StoredObject}. Nullable fields are optional ones. */
record DefaultStoredObject(String bucket, String key, DataKind kind, StorageClass storageClass,
    String eTag, String versionIdOrNull, String checksumOrNull, long size,
    ServerSideEncryption encryptionOrNull, String kmsKeyIdOrNull, boolean bucketKeyEnabled,
    String cacheControl, String contentType, Instant retainUntilOrNull) implements StoredObject {

  DefaultStoredObject {
    Require.nonNull(bucket, "bucket");
    Require.nonNull(key, "key");
    Require.nonNull(kind, "kind");
    Require.nonNull(storageClass, "storageClass");
    Require.nonNull(eTag, "eTag");
    Require.nonNull(cacheControl, "cacheControl");
    Require.nonNull(contentType, "contentType");
  }

  @Override
  public Optional<String> versionId() {
    return Optional.ofNullable(versionIdOrNull);
  }

  @Override
  public Optional<String> checksumCrc32c() {
    return Optional.ofNullable(checksumOrNull);
  }

  @Override
  public Optional<ServerSideEncryption> encryption() {
    return Optional.ofNullable(encryptionOrNull);
  }

  @Override
  public Optional<String> kmsKeyId() {
    return Optional.ofNullable(kmsKeyIdOrNull);
  }

  @Override
  public Optional<Instant> retainUntil() {
    return Optional.ofNullable(retainUntilOrNull);
  }

  @Override
  public String toString() {
    return "StoredObject{bucket='" + bucket + "', key='" + key + "', kind=" + kind
        + ", storageClass=" + storageClass + ", size=" + size + ", eTag=" + eTag
        + ", versionId=" + versionIdOrNull + ", encryption=" + encryptionOrNull
        + (kmsKeyIdOrNull == null ? "" : ", kmsKeyId=" + kmsKeyIdOrNull) + ", contentType='"
        + contentType + "', cacheControl='" + cacheControl + "'"
        + (retainUntilOrNull == null ? "" : ", retainUntil=" + retainUntilOrNull) + '}';
  }
}
