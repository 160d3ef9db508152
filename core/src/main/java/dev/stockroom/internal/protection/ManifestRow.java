package dev.stockroom.internal.protection;

/**
 * One object of a backup manifest.
 *
 * @param key the source object's key
 * @param sourceVersion the source version copied, or null when the source is not versioned
 * @param size its size in bytes
 * @param eTag the source's ETag when it was listed
 * @param checksum the copy's full-object checksum as {@code <ALGORITHM>:<base64>} (as S3 computed
 *     it while copying), or null when there is none (a copy made part by part)
 * @param backupVersion the version of the copy the backup holds, or null while its job runs
 */
record ManifestRow(String key, String sourceVersion, long size, String eTag, String checksum,
    String backupVersion) {

  /** Returns this row with the copy's version, checksum and size as S3 answered them. */
  ManifestRow copied(String version, String newChecksum, long newSize) {
    return new ManifestRow(key, sourceVersion, newSize, eTag, newChecksum, version);
  }
}
