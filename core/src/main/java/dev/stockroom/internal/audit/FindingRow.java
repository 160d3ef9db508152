package dev.stockroom.internal.audit;

import dev.stockroom.audit.Finding;
import java.time.Instant;
import java.util.Set;

/**
 * One line of a findings file: an object (or an incomplete upload) and what is wrong with it, as
 * the audit saw it. A repair acts only if the object still has the ETag seen here.
 *
 * @param findings what is wrong, never empty
 * @param key the key
 * @param versionId the version the audit saw, or null
 * @param uploadId the incomplete upload's id (for {@link Finding#STALE_MULTIPART_UPLOAD}), or null
 * @param size the size in bytes
 * @param lastModified when the object was written (or the upload started), or null
 * @param eTag the ETag seen, or null for an upload
 * @param storageClass the storage class seen, or null
 */
record FindingRow(Set<Finding> findings, String key, String versionId, String uploadId, long size,
    Instant lastModified, String eTag, String storageClass) {

  boolean isUpload() {
    return uploadId != null;
  }
}
