package dev.stockroom.internal.transfer;

import dev.stockroom.policy.StoragePolicy;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One upload, fully decided: its final key, headers and bytes.
 *
 * @param policy the kind's policy
 * @param key the full object key
 * @param contentType the Content-Type
 * @param metadata user metadata
 * @param source the bytes
 * @param bytesSent told of bytes as they are sent (file uploads), or null
 * @param transfer the pausable transfer this job serves (file uploads), or null
 */
record UploadJob(StoragePolicy policy, String key, String contentType,
    Map<String, String> metadata, UploadSource source, LongConsumer bytesSent,
    DefaultFileTransfer transfer) {

  UploadJob(StoragePolicy policy, String key, String contentType, Map<String, String> metadata,
      UploadSource source, LongConsumer bytesSent) {
    this(policy, key, contentType, metadata, source, bytesSent, null);
  }
}
