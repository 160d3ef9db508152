package dev.stockroom.internal.transfer;

import dev.stockroom.policy.StoragePolicy;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One upload, fully decided by the caller's side and checked: the kind's policy, the key (before
 * a content address is added), headers and bytes. Everything S3 is told about the object is built
 * from this and the policy, in {@link PutRequests}; nothing else reaches the PUT.
 *
 * @param policy the kind's policy in force
 * @param key the full object key (checked)
 * @param contentType the Content-Type (checked)
 * @param metadata user metadata (checked)
 * @param source the bytes
 * @param contentAddressed whether the key gains the hash of the bytes
 * @param bytesSent told of bytes as they are sent (file uploads), or null
 * @param pausable the pausable transfer this upload serves (file uploads), or null
 * @param resume the parts already sent by a paused upload of the same file, or null
 */
record UploadRequest(StoragePolicy policy, String key, String contentType,
    Map<String, String> metadata, UploadSource source, boolean contentAddressed,
    LongConsumer bytesSent, DefaultFileTransfer pausable, ResumePoint resume) {

  UploadRequest {
    metadata = Map.copyOf(metadata);
  }

  /**
   * Where a paused multipart upload stands, as the Transfer Manager resumes it.
   *
   * @param uploadId the multipart upload id
   * @param partSize bytes per part
   * @param totalParts parts in all
   * @param transferredParts parts sent before the pause
   * @param fileModified the file's modification time when paused
   * @param headers the {@link PutRequests#fingerprint} of the request the upload was created with
   */
  record ResumePoint(String uploadId, long partSize, long totalParts, long transferredParts,
      java.time.Instant fileModified, String headers) {}

  /** Returns this request without its resume point: the upload starts from the first byte. */
  UploadRequest fromStart() {
    return new UploadRequest(policy, key, contentType, metadata, source, contentAddressed,
        bytesSent, pausable, null);
  }
}
