package dev.stockroom.transfer;

import java.util.Objects;

/**
 * Which optional headers uploads carry. The defaults suit S3; an S3-compatible store that refuses
 * a header (MinIO without KMS, a store without tagging, checksums or Object Lock) can be served by
 * turning that header off. Transactional data is SSE-KMS or refused whatever these say. Immutable;
 * start from {@link #defaults()}: {@code Stockroom.builder().uploadHeaders(h -> h.checksums(false))}.
 */
public final class UploadHeaders {

  private static final UploadHeaders DEFAULTS = new Builder().build();

  private final boolean kindTag;
  private final boolean serverSideEncryption;
  private final boolean objectLockRetention;
  private final boolean checksums;

  private UploadHeaders(Builder builder) {
    this.kindTag = builder.kindTag;
    this.serverSideEncryption = builder.serverSideEncryption;
    this.objectLockRetention = builder.objectLockRetention;
    this.checksums = builder.checksums;
  }

  /** Returns the defaults: no kind tag; encryption, Object Lock retention and checksums on. */
  public static UploadHeaders defaults() {
    return DEFAULTS;
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    return new Builder().kindTag(kindTag).serverSideEncryption(serverSideEncryption)
        .objectLockRetention(objectLockRetention).checksums(checksums);
  }

  /**
   * Returns whether kinds that do not require KMS carry an SSE header (default true: SSE-KMS
   * where a key is configured and the kind allows it, else SSE-S3). Off, they carry none and the
   * store's default encryption applies. Transactional kinds always carry SSE-KMS.
   */
  public boolean serverSideEncryption() {
    return serverSideEncryption;
  }

  /**
   * Returns whether kinds with a retention (audit logs) check the bucket's Object Lock and carry
   * a COMPLIANCE retention when it is enabled (default true).
   */
  public boolean objectLockRetention() {
    return objectLockRetention;
  }

  /**
   * Returns whether uploads carry a CRC32C checksum for the store to verify (default true). Off,
   * no checksum header is sent, and the client Stockroom creates computes none of its own.
   */
  public boolean checksums() {
    return checksums;
  }

  /**
   * Returns whether each object is tagged {@code stockroom-kind=<kind>} (default false). The kind
   * is already in the key prefix, which is what lifecycle rules filter by; a tag costs $0.01 per
   * 10,000 a month in us-east-1 and needs {@code s3:PutObjectTagging}. Turn it on for tools that
   * group objects by tag (S3 Storage Lens groups, inventory reports filtered by tag).
   */
  public boolean kindTag() {
    return kindTag;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof UploadHeaders that && kindTag == that.kindTag
        && serverSideEncryption == that.serverSideEncryption
        && objectLockRetention == that.objectLockRetention && checksums == that.checksums;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kindTag, serverSideEncryption, objectLockRetention, checksums);
  }

  @Override
  public String toString() {
    return "UploadHeaders{kindTag=" + kindTag + ", serverSideEncryption=" + serverSideEncryption
        + ", objectLockRetention=" + objectLockRetention + ", checksums=" + checksums + '}';
  }

  /** Builds {@link UploadHeaders}. */
  public static final class Builder {
    private boolean kindTag;
    private boolean serverSideEncryption = true;
    private boolean objectLockRetention = true;
    private boolean checksums = true;

    private Builder() {}

    /** Sets whether non-transactional kinds carry an SSE header; see the getter. */
    public Builder serverSideEncryption(boolean on) {
      this.serverSideEncryption = on;
      return this;
    }

    /** Sets whether audit logs get an Object Lock retention; see the getter. */
    public Builder objectLockRetention(boolean on) {
      this.objectLockRetention = on;
      return this;
    }

    /** Sets whether uploads carry a CRC32C checksum; see the getter. */
    public Builder checksums(boolean on) {
      this.checksums = on;
      return this;
    }

    /** Sets whether each object is tagged with its kind; see {@link UploadHeaders#kindTag()}. */
    public Builder kindTag(boolean kindTag) {
      this.kindTag = kindTag;
      return this;
    }

    /** Returns the settings. */
    public UploadHeaders build() {
      return new UploadHeaders(this);
    }
  }
}
