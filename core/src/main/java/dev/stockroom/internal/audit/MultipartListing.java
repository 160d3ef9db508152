package dev.stockroom.internal.audit;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsRequest;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** The bucket's incomplete multipart uploads, listed a page (up to 1,000) at a time. */
final class MultipartListing {

  private final S3AsyncClient s3;
  private final String bucket;
  private final String prefix;

  MultipartListing(S3AsyncClient s3, String bucket, String prefix) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix;
  }

  void read(Consumer<MultipartUpload> sink) {
    String keyMarker = null;
    String uploadIdMarker = null;
    while (true) {
      ListMultipartUploadsResponse page = page(keyMarker, uploadIdMarker);
      page.uploads().forEach(sink);
      if (!Boolean.TRUE.equals(page.isTruncated())) {
        return;
      }
      keyMarker = page.nextKeyMarker();
      uploadIdMarker = page.nextUploadIdMarker();
    }
  }

  private ListMultipartUploadsResponse page(String keyMarker, String uploadIdMarker) {
    ListMultipartUploadsRequest.Builder request = ListMultipartUploadsRequest.builder()
        .bucket(bucket).maxUploads(1000).keyMarker(keyMarker).uploadIdMarker(uploadIdMarker);
    if (!prefix.isEmpty()) {
      request.prefix(prefix);
    }
    try {
      return Futures.join(s3.listMultipartUploads(request.build()));
    } catch (RuntimeException e) {
      throw new StorageException("ListMultipartUploads", bucket, null, Futures.unwrap(e));
    }
  }
}
