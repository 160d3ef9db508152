package dev.stockroom.transfer;

import java.util.Objects;

/**
 * Which optional headers uploads carry, beyond what every kind's policy requires. Immutable;
 * start from {@link #defaults()}: {@code Stockroom.builder().uploadHeaders(h -> h.kindTag(true))}.
 */
public final class UploadHeaders {

  private static final UploadHeaders DEFAULTS = new Builder().build();

  private final boolean kindTag;

  private UploadHeaders(Builder builder) {
    this.kindTag = builder.kindTag;
  }

  /** Returns the defaults: no kind tag. */
  public static UploadHeaders defaults() {
    return DEFAULTS;
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    return new Builder().kindTag(kindTag);
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
    return o instanceof UploadHeaders that && kindTag == that.kindTag;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kindTag);
  }

  @Override
  public String toString() {
    return "UploadHeaders{kindTag=" + kindTag + '}';
  }

  /** Builds {@link UploadHeaders}. */
  public static final class Builder {
    private boolean kindTag;

    private Builder() {}

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
