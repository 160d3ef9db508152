package dev.stockroom.internal.audit;

import dev.stockroom.internal.Futures;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Copies an object onto itself part by part (UploadPartCopy), for objects above the 5 GiB one
 * CopyObject can write. Each part is read on condition of the ETag the audit saw and the completion
 * is conditional on the destination still holding it; a failed copy aborts its upload, so no parts
 * are left behind.
 */
final class MultipartCopy {

  /** S3 takes at most 10,000 parts per upload. */
  private static final int MAX_PARTS = 10_000;

  private final S3AsyncClient s3;
  private final String bucket;
  private final long partSize;

  MultipartCopy(S3AsyncClient s3, String bucket, long partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.partSize = partSize;
  }

  /** Copies as {@code copy} describes, in parts; completes with the new ETag. */
  CompletableFuture<String> copy(CopyObjectRequest copy, HeadObjectResponse head) {
    long size = head.contentLength();
    long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
    return tagging(copy.destinationKey(), head)
        .thenCompose(tagging -> s3.createMultipartUpload(ObjectCopy.multipart(copy, tagging)))
        .thenCompose(created -> parts(copy, created.uploadId(), size, part)
            .thenCompose(parts -> s3.completeMultipartUpload(b -> b.bucket(bucket)
                .key(copy.destinationKey()).uploadId(created.uploadId()).ifMatch(copy.ifMatch())
                .multipartUpload(m -> m.parts(parts))))
            .handle((done, failure) -> failure == null ? CompletableFuture.completedFuture(done)
                : this.<CompleteMultipartUploadResponse>abortThenFail(copy, created.uploadId(),
                    failure))
            .thenCompose(completed -> completed))
        .thenApply(response -> response.eTag());
  }

  /**
   * Aborts the upload of a failed copy, then fails with {@code failure}: the copy is reported
   * once its parts are gone, not while the abort is still on its way.
   */
  private <T> CompletableFuture<T> abortThenFail(CopyObjectRequest copy, String uploadId,
      Throwable failure) {
    return s3.abortMultipartUpload(b -> b.bucket(bucket).key(copy.destinationKey())
        .uploadId(uploadId)).handle((aborted, abortFailure) -> {
          throw Futures.asCompletion(failure);
        });
  }

  /**
   * Returns the object's tags as a query string, or null when it has none. Asked every time: a
   * HEAD's tag count is missing on some stores, and one request is nothing beside a 5 GiB copy.
   */
  private CompletableFuture<String> tagging(String key, HeadObjectResponse head) {
    return s3.getObjectTagging(b -> b.bucket(bucket).key(key).versionId(head.versionId()))
        .thenApply(tags -> tags.tagSet().stream().map(MultipartCopy::pair)
            .collect(Collectors.collectingAndThen(Collectors.joining("&"),
                joined -> joined.isEmpty() ? null : joined)));
  }

  private static String pair(Tag tag) {
    return URLEncoder.encode(tag.key(), StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(tag.value(), StandardCharsets.UTF_8);
  }

  /** Copies the parts one after another; the repair already runs many objects at once. */
  private CompletableFuture<List<CompletedPart>> parts(CopyObjectRequest copy, String uploadId,
      long size, long part) {
    List<CompletedPart> parts = new ArrayList<>();
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    int number = 1;
    for (long start = 0; start < size; start += part, number++) {
      long end = Math.min(size, start + part) - 1;
      int partNumber = number;
      String range = "bytes=" + start + "-" + end;
      chain = chain.thenCompose(ignored -> Futures.capture(() -> s3.uploadPartCopy(b -> b
              .sourceBucket(bucket).sourceKey(copy.sourceKey())
              .copySourceIfMatch(copy.copySourceIfMatch()).copySourceRange(range)
              .destinationBucket(bucket).destinationKey(copy.destinationKey())
              .uploadId(uploadId).partNumber(partNumber)))
          .thenAccept(response -> parts.add(completed(partNumber, response.copyPartResult()))));
    }
    return chain.thenApply(ignored -> parts);
  }

  private static CompletedPart completed(int number, CopyPartResult result) {
    return CompletedPart.builder().partNumber(number).eTag(result.eTag()).build();
  }
}
