package dev.stockroom.internal.audit;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The live bucket, listed one page (up to 1,000 keys) at a time: only the page in hand is held. A
 * listing shows size, date, ETag and storage class; encryption, retention and headers need a HEAD.
 */
final class BucketListing implements ObjectSource {

  private final S3AsyncClient s3;
  private final String bucket;
  private final String prefix;
  private final Predicate<String> ownFiles;

  BucketListing(S3AsyncClient s3, String bucket, String prefix, Predicate<String> ownFiles) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
    this.ownFiles = ownFiles;
  }

  @Override
  public long read(Consumer<ObjectRecord> sink) {
    long skipped = 0;
    String token = null;
    do {
      ListObjectsV2Response page = page(token);
      for (S3Object object : page.contents()) {
        if (ownFiles.test(object.key())) {
          skipped++;
        } else {
          sink.accept(record(object));
        }
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    return skipped;
  }

  private ListObjectsV2Response page(String token) {
    ListObjectsV2Request.Builder request = ListObjectsV2Request.builder().bucket(bucket)
        .maxKeys(1000).continuationToken(token);
    if (!prefix.isEmpty()) {
      request.prefix(prefix);
    }
    try {
      return Futures.join(s3.listObjectsV2(request.build()));
    } catch (RuntimeException e) {
      throw new StorageException("ListObjectsV2", bucket, null, Futures.unwrap(e));
    }
  }

  private static ObjectRecord record(S3Object object) {
    String storageClass = object.storageClassAsString() == null ? "STANDARD"
        : object.storageClassAsString();
    return new ObjectRecord(object.key(), null, object.size() == null ? 0 : object.size(),
        object.lastModified(), object.eTag(), storageClass, null, null, null, null, null, null,
        null);
  }
}
