package dev.stockroom.transfer;

import dev.stockroom.validation.Require;
import java.util.Objects;

/**
 * How uploads are split and run in parallel. Immutable; start from {@link #defaults()}.
 * Applies to the S3 client Stockroom creates; a client you pass in keeps its own settings
 * (only {@link #maxConcurrentFiles()} still applies).
 */
public final class TransferSettings {

  /** S3's smallest part (except the last). */
  public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
  /** S3's largest part. */
  public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;

  private static final TransferSettings DEFAULTS = new Builder().build();

  private final long partSize;
  private final long multipartThreshold;
  private final int maxConnections;
  private final int maxConcurrentFiles;

  private TransferSettings(Builder b) {
    this.partSize = b.partSize;
    this.multipartThreshold = b.multipartThreshold;
    this.maxConnections = b.maxConnections;
    this.maxConcurrentFiles = b.maxConcurrentFiles;
  }

  /** Returns the defaults: 8 MiB parts, multipart from 16 MiB, 64 connections, 64 files at once. */
  public static TransferSettings defaults() {
    return DEFAULTS;
  }

  /** Returns a builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    return new Builder().partSize(partSize).multipartThreshold(multipartThreshold)
        .maxConnections(maxConnections).maxConcurrentFiles(maxConcurrentFiles);
  }

  /** Returns the size of each part of a multipart upload, in bytes. */
  public long partSize() {
    return partSize;
  }

  /** Returns the object size from which uploads go in parts, in bytes. */
  public long multipartThreshold() {
    return multipartThreshold;
  }

  /** Returns the most HTTP connections to S3 at once. */
  public int maxConnections() {
    return maxConnections;
  }

  /** Returns the most files of a directory upload in flight at once. */
  public int maxConcurrentFiles() {
    return maxConcurrentFiles;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TransferSettings that && partSize == that.partSize
        && multipartThreshold == that.multipartThreshold && maxConnections == that.maxConnections
        && maxConcurrentFiles == that.maxConcurrentFiles;
  }

  @Override
  public int hashCode() {
    return Objects.hash(partSize, multipartThreshold, maxConnections, maxConcurrentFiles);
  }

  @Override
  public String toString() {
    return "TransferSettings{partSize=" + partSize + ", multipartThreshold=" + multipartThreshold
        + ", maxConnections=" + maxConnections + ", maxConcurrentFiles=" + maxConcurrentFiles + '}';
  }

  /** Builds {@link TransferSettings}; each setter checks its value. */
  public static final class Builder {
    private long partSize = 8L * 1024 * 1024;
    private long multipartThreshold = 16L * 1024 * 1024;
    private int maxConnections = 64;
    private int maxConcurrentFiles = 64;

    private Builder() {}

    /**
     * Sets the part size.
     *
     * @throws IllegalArgumentException unless between 5 MiB and 5 GiB
     */
    public Builder partSize(long bytes) {
      Require.argument(bytes >= MIN_PART_SIZE && bytes <= MAX_PART_SIZE,
          "partSize must be between %s and %s bytes, but was %s", MIN_PART_SIZE, MAX_PART_SIZE,
          bytes);
      this.partSize = bytes;
      return this;
    }

    /**
     * Sets the size from which uploads go in parts.
     *
     * @throws IllegalArgumentException unless at least 5 MiB
     */
    public Builder multipartThreshold(long bytes) {
      Require.argument(bytes >= MIN_PART_SIZE, "multipartThreshold must be at least %s bytes, "
          + "but was %s", MIN_PART_SIZE, bytes);
      this.multipartThreshold = bytes;
      return this;
    }

    /**
     * Sets the most HTTP connections at once.
     *
     * @throws IllegalArgumentException unless at least 1
     */
    public Builder maxConnections(int connections) {
      Require.argument(connections >= 1, "maxConnections must be at least 1, but was %s",
          connections);
      this.maxConnections = connections;
      return this;
    }

    /**
     * Sets the most files of a directory upload in flight at once.
     *
     * @throws IllegalArgumentException unless at least 1
     */
    public Builder maxConcurrentFiles(int files) {
      Require.argument(files >= 1, "maxConcurrentFiles must be at least 1, but was %s", files);
      this.maxConcurrentFiles = files;
      return this;
    }

    /** Returns the settings. */
    public TransferSettings build() {
      return new TransferSettings(this);
    }
  }
}
