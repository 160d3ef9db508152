package dev.stockroom.protection;

import dev.stockroom.validation.Require;
import java.time.Instant;

/**
 * One version (or delete marker) of an object, as ListObjectVersions gives it. Its {@code
 * toString()} leaves the key out: keys of customer data are personal data.
 *
 * @param bucket the bucket
 * @param key the object key
 * @param versionId the version id ({@code "null"} for an object written before versioning)
 * @param deleteMarker whether the version is a delete marker
 * @param size the version's size in bytes (0 for a delete marker)
 * @param lastModified when the version was written
 */
public record ObjectVersion(String bucket, String key, String versionId, boolean deleteMarker,
    long size, Instant lastModified) {

  /**
   * Checks the version.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the size is negative
   */
  public ObjectVersion {
    Require.nonNull(bucket, "bucket");
    Require.nonNull(key, "key");
    Require.nonNull(versionId, "versionId");
    Require.nonNull(lastModified, "lastModified");
    Require.argument(size >= 0, "size must not be negative, but was %s", size);
  }

  /** Returns the version without its key. */
  @Override
  public String toString() {
    return (deleteMarker ? "delete marker " : "version ") + versionId + " in bucket '" + bucket
        + "' (" + size + " bytes, " + lastModified + ")";
  }
}
