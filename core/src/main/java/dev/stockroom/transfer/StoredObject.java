package dev.stockroom.transfer;

import dev.stockroom.internal.Require;
import dev.stockroom.policy.DataKind;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** An object Stockroom stored: where it is, and how S3 holds it. Immutable. */
public final class StoredObject {

  private final String bucket;
  private final String key;
  private final DataKind kind;
  private final StorageClass storageClass;
  private final String eTag;
  private final String versionId;
  private final String checksumCrc32c;
  private final long size;
  private final ServerSideEncryption encryption;
  private final String kmsKeyId;
  private final boolean bucketKeyEnabled;
  private final String cacheControl;
  private final String contentType;
  private final Instant retainUntil;

  private StoredObject(Builder b) {
    this.bucket = Require.nonNull(b.bucket, "bucket");
    this.key = Require.nonNull(b.key, "key");
    this.kind = Require.nonNull(b.kind, "kind");
    this.storageClass = Require.nonNull(b.storageClass, "storageClass");
    this.eTag = Require.nonNull(b.eTag, "eTag");
    this.versionId = b.versionId;
    this.checksumCrc32c = b.checksumCrc32c;
    this.size = b.size;
    this.encryption = Require.nonNull(b.encryption, "encryption");
    this.kmsKeyId = b.kmsKeyId;
    this.bucketKeyEnabled = b.bucketKeyEnabled;
    this.cacheControl = Require.nonNull(b.cacheControl, "cacheControl");
    this.contentType = Require.nonNull(b.contentType, "contentType");
    this.retainUntil = b.retainUntil;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.bucket = bucket;
    b.key = key;
    b.kind = kind;
    b.storageClass = storageClass;
    b.eTag = eTag;
    b.versionId = versionId;
    b.checksumCrc32c = checksumCrc32c;
    b.size = size;
    b.encryption = encryption;
    b.kmsKeyId = kmsKeyId;
    b.bucketKeyEnabled = bucketKeyEnabled;
    b.cacheControl = cacheControl;
    b.contentType = contentType;
    b.retainUntil = retainUntil;
    return b;
  }

  /** Returns the bucket. */
  public String bucket() {
    return bucket;
  }

  /** Returns the full object key, prefix included. */
  public String key() {
    return key;
  }

  /** Returns the kind the object was stored as. */
  public DataKind kind() {
    return kind;
  }

  /** Returns the storage class the object was uploaded with. */
  public StorageClass storageClass() {
    return storageClass;
  }

  /** Returns the ETag S3 answered with. */
  public String eTag() {
    return eTag;
  }

  /** Returns the version id, when the bucket is versioned. */
  public Optional<String> versionId() {
    return Optional.ofNullable(versionId);
  }

  /**
   * Returns the base64 CRC32C checksum S3 stored; for a multipart upload it is the checksum of the
   * part checksums, suffixed with {@code -<parts>}.
   */
  public Optional<String> checksumCrc32c() {
    return Optional.ofNullable(checksumCrc32c);
  }

  /** Returns the object's size in bytes. */
  public long size() {
    return size;
  }

  /** Returns the server-side encryption S3 applied. */
  public ServerSideEncryption encryption() {
    return encryption;
  }

  /** Returns the KMS key that encrypts the object, for SSE-KMS. */
  public Optional<String> kmsKeyId() {
    return Optional.ofNullable(kmsKeyId);
  }

  /** Returns whether an S3 Bucket Key encrypts the object (fewer KMS calls). */
  public boolean bucketKeyEnabled() {
    return bucketKeyEnabled;
  }

  /** Returns the Cache-Control header stored with the object. */
  public String cacheControl() {
    return cacheControl;
  }

  /** Returns the Content-Type stored with the object. */
  public String contentType() {
    return contentType;
  }

  /** Returns the end of the object's Object Lock (COMPLIANCE) retention, if one was applied. */
  public Optional<Instant> retainUntil() {
    return Optional.ofNullable(retainUntil);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoredObject that && size == that.size
        && bucketKeyEnabled == that.bucketKeyEnabled && bucket.equals(that.bucket)
        && key.equals(that.key) && kind == that.kind && storageClass == that.storageClass
        && eTag.equals(that.eTag) && Objects.equals(versionId, that.versionId)
        && Objects.equals(checksumCrc32c, that.checksumCrc32c) && encryption == that.encryption
        && Objects.equals(kmsKeyId, that.kmsKeyId) && cacheControl.equals(that.cacheControl)
        && contentType.equals(that.contentType) && Objects.equals(retainUntil, that.retainUntil);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, key, kind, storageClass, eTag, versionId, checksumCrc32c, size,
        encryption, kmsKeyId, bucketKeyEnabled, cacheControl, contentType, retainUntil);
  }

  @Override
  public String toString() {
    return "StoredObject{bucket='" + bucket + "', key='" + key + "', kind=" + kind
        + ", storageClass=" + storageClass + ", size=" + size + ", eTag=" + eTag
        + ", versionId=" + versionId + ", encryption=" + encryption
        + (kmsKeyId == null ? "" : ", kmsKeyId=" + kmsKeyId) + ", contentType='" + contentType
        + "', cacheControl='" + cacheControl + "'"
        + (retainUntil == null ? "" : ", retainUntil=" + retainUntil) + '}';
  }

  /** Builds a {@link StoredObject}. */
  public static final class Builder {
    private String bucket;
    private String key;
    private DataKind kind;
    private StorageClass storageClass;
    private String eTag;
    private String versionId;
    private String checksumCrc32c;
    private long size;
    private ServerSideEncryption encryption;
    private String kmsKeyId;
    private boolean bucketKeyEnabled;
    private String cacheControl;
    private String contentType;
    private Instant retainUntil;

    private Builder() {}

    /** Sets the bucket. */
    public Builder bucket(String bucket) {
      this.bucket = bucket;
      return this;
    }

    /** Sets the key. */
    public Builder key(String key) {
      this.key = key;
      return this;
    }

    /** Sets the kind. */
    public Builder kind(DataKind kind) {
      this.kind = kind;
      return this;
    }

    /** Sets the storage class. */
    public Builder storageClass(StorageClass storageClass) {
      this.storageClass = storageClass;
      return this;
    }

    /** Sets the ETag. */
    public Builder eTag(String eTag) {
      this.eTag = eTag;
      return this;
    }

    /** Sets the version id. */
    public Builder versionId(String versionId) {
      this.versionId = versionId;
      return this;
    }

    /** Sets the base64 CRC32C checksum. */
    public Builder checksumCrc32c(String checksumCrc32c) {
      this.checksumCrc32c = checksumCrc32c;
      return this;
    }

    /** Sets the size in bytes. */
    public Builder size(long size) {
      Require.argument(size >= 0, "size must not be negative, but was %s", size);
      this.size = size;
      return this;
    }

    /** Sets the encryption. */
    public Builder encryption(ServerSideEncryption encryption) {
      this.encryption = encryption;
      return this;
    }

    /** Sets the KMS key id. */
    public Builder kmsKeyId(String kmsKeyId) {
      this.kmsKeyId = kmsKeyId;
      return this;
    }

    /** Sets whether an S3 Bucket Key encrypts the object. */
    public Builder bucketKeyEnabled(boolean bucketKeyEnabled) {
      this.bucketKeyEnabled = bucketKeyEnabled;
      return this;
    }

    /** Sets the Cache-Control header. */
    public Builder cacheControl(String cacheControl) {
      this.cacheControl = cacheControl;
      return this;
    }

    /** Sets the Content-Type. */
    public Builder contentType(String contentType) {
      this.contentType = contentType;
      return this;
    }

    /** Sets the end of the Object Lock retention. */
    public Builder retainUntil(Instant retainUntil) {
      this.retainUntil = retainUntil;
      return this;
    }

    /**
     * Returns the stored object.
     *
     * @throws NullPointerException if a required field is missing
     */
    public StoredObject build() {
      return new StoredObject(this);
    }
  }
}
