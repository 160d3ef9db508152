package dev.stockroom.audit;

import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to audit and how: the live bucket (listed page by page) or an S3 Inventory report (its
 * {@code manifest.json} on disk or in a bucket), optionally under one prefix, optionally reading
 * each object's headers, with every finding written to a file the repair plan reads.
 *
 * <pre>{@code
 * AuditRequest.liveBucket().prefix("media/").findingsFile(Path.of("findings.csv")).build();
 * AuditRequest.inventory("shop-inventory", "inv/shop-assets/daily/2026-11-21T01-00Z/manifest.json")
 *     .findingsFile(Path.of("findings.csv")).build();
 * }</pre>
 */
public final class AuditRequest {

  /** Where the objects' descriptions come from. */
  public enum Source {
    /** ListObjectsV2 over the bucket, page by page. */
    LIVE_BUCKET,
    /** An S3 Inventory report downloaded to a directory: its manifest.json and data files. */
    INVENTORY_FILES,
    /** An S3 Inventory report read from its destination bucket. */
    INVENTORY_OBJECTS
  }

  /** The most HEAD requests in flight at once, bounded so an audit cannot flood the bucket. */
  public static final int MAX_CONCURRENCY = 256;
  /** The most keys kept as a sample per finding and kind. */
  public static final int MAX_SAMPLE = 1_000;

  private final Source source;
  private final Path manifestFile;
  private final String inventoryBucket;
  private final String manifestKey;
  private final String prefix;
  private final boolean readHeaders;
  private final boolean multipartUploads;
  private final Path findingsFile;
  private final int sampleSize;
  private final int concurrency;

  private AuditRequest(Builder builder) {
    this.source = builder.source;
    this.manifestFile = builder.manifestFile;
    this.inventoryBucket = builder.inventoryBucket;
    this.manifestKey = builder.manifestKey;
    this.prefix = builder.prefix;
    this.readHeaders = builder.readHeaders;
    this.multipartUploads = builder.multipartUploads;
    this.findingsFile = builder.findingsFile;
    this.sampleSize = builder.sampleSize;
    this.concurrency = builder.concurrency;
  }

  /**
   * Returns a builder that audits the live bucket: every object's listing entry and, by default,
   * its headers (one HEAD each: encryption, KMS key, bucket key, retention, Cache-Control,
   * Content-Type), and the bucket's incomplete multipart uploads.
   */
  public static Builder liveBucket() {
    return new Builder(Source.LIVE_BUCKET, true, true);
  }

  /**
   * Returns a builder that audits an S3 Inventory report downloaded to disk: {@code manifestJson}
   * names its data files, which must lie in the same directory. Headers are not read unless asked.
   *
   * @throws NullPointerException if {@code manifestJson} is null
   */
  public static Builder inventory(Path manifestJson) {
    Builder builder = new Builder(Source.INVENTORY_FILES, false, false);
    builder.manifestFile = Require.nonNull(manifestJson, "manifestJson");
    return builder;
  }

  /**
   * Returns a builder that audits an S3 Inventory report in its destination bucket, read through
   * Stockroom's S3 client. Headers are not read unless asked.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code manifestKey} is not a valid key
   */
  public static Builder inventory(String bucket, String manifestKey) {
    Require.nonNull(bucket, "bucket");
    Require.argument(!bucket.isBlank(), "inventory bucket must not be blank");
    Builder builder = new Builder(Source.INVENTORY_OBJECTS, false, false);
    builder.inventoryBucket = bucket;
    builder.manifestKey = ObjectKeys.check(manifestKey, "manifestKey");
    return builder;
  }

  /** Returns where the objects' descriptions come from. */
  public Source source() {
    return source;
  }

  /** Returns the inventory manifest on disk ({@link Source#INVENTORY_FILES}). */
  public Optional<Path> manifestFile() {
    return Optional.ofNullable(manifestFile);
  }

  /** Returns the bucket holding the inventory report ({@link Source#INVENTORY_OBJECTS}). */
  public Optional<String> inventoryBucket() {
    return Optional.ofNullable(inventoryBucket);
  }

  /** Returns the key of the inventory's manifest.json ({@link Source#INVENTORY_OBJECTS}). */
  public Optional<String> manifestKey() {
    return Optional.ofNullable(manifestKey);
  }

  /** Returns the key prefix audited; empty for the whole bucket. */
  public String prefix() {
    return prefix;
  }

  /** Returns whether each object's headers are read with a HEAD request. */
  public boolean readHeaders() {
    return readHeaders;
  }

  /** Returns whether the bucket's incomplete multipart uploads are listed and checked. */
  public boolean multipartUploads() {
    return multipartUploads;
  }

  /** Returns the file every finding is written to, if any (a repair plan reads it). */
  public Optional<Path> findingsFile() {
    return Optional.ofNullable(findingsFile);
  }

  /** Returns how many keys are kept as a sample per finding and kind. */
  public int sampleSize() {
    return sampleSize;
  }

  /** Returns the most HEAD requests in flight at once. */
  public int concurrency() {
    return concurrency;
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder(source, readHeaders, multipartUploads);
    builder.manifestFile = manifestFile;
    builder.inventoryBucket = inventoryBucket;
    builder.manifestKey = manifestKey;
    builder.prefix = prefix;
    builder.findingsFile = findingsFile;
    builder.sampleSize = sampleSize;
    builder.concurrency = concurrency;
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AuditRequest other && source == other.source
        && Objects.equals(manifestFile, other.manifestFile)
        && Objects.equals(inventoryBucket, other.inventoryBucket)
        && Objects.equals(manifestKey, other.manifestKey) && prefix.equals(other.prefix)
        && readHeaders == other.readHeaders && multipartUploads == other.multipartUploads
        && Objects.equals(findingsFile, other.findingsFile) && sampleSize == other.sampleSize
        && concurrency == other.concurrency;
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, manifestFile, inventoryBucket, manifestKey, prefix, readHeaders,
        multipartUploads, findingsFile, sampleSize, concurrency);
  }

  @Override
  public String toString() {
    String from = switch (source) {
      case LIVE_BUCKET -> "the live bucket";
      case INVENTORY_FILES -> "the inventory " + manifestFile;
      case INVENTORY_OBJECTS -> "the inventory s3://" + inventoryBucket + "/" + manifestKey;
    };
    return "audit of " + from + (prefix.isEmpty() ? "" : " under '" + prefix + "'")
        + (readHeaders ? ", reading headers" : "")
        + (multipartUploads ? ", with incomplete multipart uploads" : "");
  }

  /** Builds an {@link AuditRequest}; each setter checks its value. */
  public static final class Builder {

    private final Source source;
    private Path manifestFile;
    private String inventoryBucket;
    private String manifestKey;
    private String prefix = "";
    private boolean readHeaders;
    private boolean multipartUploads;
    private Path findingsFile;
    private int sampleSize = 10;
    private int concurrency = 32;

    private Builder(Source source, boolean readHeaders, boolean multipartUploads) {
      this.source = source;
      this.readHeaders = readHeaders;
      this.multipartUploads = multipartUploads;
    }

    /**
     * Audits only keys under {@code prefix} (empty for all).
     *
     * @throws IllegalArgumentException if the prefix is not a valid key prefix
     */
    public Builder prefix(String prefix) {
      Require.nonNull(prefix, "prefix");
      if (!prefix.isEmpty()) {
        ObjectKeys.prefixProblem(prefix).ifPresent(problem -> {
          throw new IllegalArgumentException("prefix " + problem);
        });
      }
      this.prefix = prefix;
      return this;
    }

    /**
     * Reads each object's headers with one HEAD request (bounded by {@link #concurrency}): needed
     * to find wrong KMS keys, Cache-Control and Content-Type, and, for a live audit, encryption and
     * retention. Costs one GET-class request per object.
     */
    public Builder readHeaders(boolean readHeaders) {
      this.readHeaders = readHeaders;
      return this;
    }

    /** Lists and checks the bucket's incomplete multipart uploads (an inventory omits them). */
    public Builder multipartUploads(boolean multipartUploads) {
      this.multipartUploads = multipartUploads;
      return this;
    }

    /**
     * Writes every finding to {@code file} (CSV, replaced when the audit completes; nothing is left
     * there when it fails), which {@code Audit.plan} reads to repair.
     *
     * @throws NullPointerException if {@code file} is null
     */
    public Builder findingsFile(Path file) {
      this.findingsFile = Require.nonNull(file, "findingsFile");
      return this;
    }

    /**
     * Keeps up to {@code size} keys per finding and kind as a sample in the report.
     *
     * @throws IllegalArgumentException unless 0 ≤ size ≤ {@value AuditRequest#MAX_SAMPLE}
     */
    public Builder sampleSize(int size) {
      Require.argument(size >= 0 && size <= MAX_SAMPLE,
          "sampleSize must be between 0 and %s, but was %s", MAX_SAMPLE, size);
      this.sampleSize = size;
      return this;
    }

    /**
     * Sends at most {@code concurrency} HEAD requests at once.
     *
     * @throws IllegalArgumentException unless 1 ≤ concurrency ≤ {@value AuditRequest#MAX_CONCURRENCY}
     */
    public Builder concurrency(int concurrency) {
      Require.argument(concurrency >= 1 && concurrency <= MAX_CONCURRENCY,
          "concurrency must be between 1 and %s, but was %s", MAX_CONCURRENCY, concurrency);
      this.concurrency = concurrency;
      return this;
    }

    /** Returns the request. */
    public AuditRequest build() {
      return new AuditRequest(this);
    }
  }
}
