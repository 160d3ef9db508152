package dev.stockroom.internal.s3;

import dev.stockroom.internal.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyPartResult;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;

/**
 * Copies an object part by part (UploadPartCopy) into a multipart upload, for objects above the
 * 5 GiB one CopyObject can write: onto itself (an audit's repair) or into another bucket (a
 * backup). The parts are copied one after another (callers already copy many objects at once); a
 * copy that fails aborts its upload, so no parts are left behind.
 */
public final class PartCopy {

  /** The largest object one CopyObject writes; above it the copy goes part by part. */
  public static final long COPY_LIMIT = 5L * 1024 * 1024 * 1024;
  /** S3 takes at most 10,000 parts per upload. */
  private static final int MAX_PARTS = 10_000;

  /**
   * The object copied.
   *
   * @param bucket its bucket
   * @param key its key
   * @param versionId the version to copy, or null for the current one
   * @param ifMatch the ETag each part is read on condition of, or null
   */
  public record Source(String bucket, String key, String versionId, String ifMatch) {}

  private final S3AsyncClient s3;
  private final long partSize;

  /** Copies through {@code s3} in parts of at least {@code partSize} bytes (at least 5 MiB). */
  public PartCopy(S3AsyncClient s3, long partSize) {
    this.s3 = s3;
    this.partSize = partSize;
  }

  /**
   * Creates the upload {@code create} describes, copies the {@code size} bytes of {@code source}
   * into it and completes it, on condition that the destination still has ETag {@code
   * completeIfMatch} when that is not null.
   */
  public CompletableFuture<CompleteMultipartUploadResponse> copy(
      CreateMultipartUploadRequest create, Source source, long size, String completeIfMatch) {
    long part = Math.max(partSize, (size + MAX_PARTS - 1) / MAX_PARTS);
    return Futures.capture(() -> s3.createMultipartUpload(create))
        .thenCompose(created -> parts(create, source, created.uploadId(), size, part)
            .thenCompose(parts -> s3.completeMultipartUpload(b -> b.bucket(create.bucket())
                .key(create.key()).uploadId(created.uploadId()).ifMatch(completeIfMatch)
                .multipartUpload(m -> m.parts(parts))))
            .handle((done, failure) -> failure == null ? CompletableFuture.completedFuture(done)
                : this.<CompleteMultipartUploadResponse>abortThenFail(create,
                    created.uploadId(), failure))
            .thenCompose(completed -> completed));
  }

  /**
   * Aborts the upload of a failed copy, then fails with {@code failure}: the copy is reported
   * once its parts are gone, not while the abort is still on its way.
   */
  private <T> CompletableFuture<T> abortThenFail(CreateMultipartUploadRequest create,
      String uploadId, Throwable failure) {
    return s3.abortMultipartUpload(b -> b.bucket(create.bucket()).key(create.key())
        .uploadId(uploadId)).handle((aborted, abortFailure) -> {
          throw Futures.asCompletion(failure);
        });
  }

  private CompletableFuture<List<CompletedPart>> parts(CreateMultipartUploadRequest create,
      Source source, String uploadId, long size, long part) {
    List<CompletedPart> parts = new ArrayList<>();
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    int number = 1;
    for (long start = 0; start < size; start += part, number++) {
      long end = Math.min(size, start + part) - 1;
      int partNumber = number;
      String range = "bytes=" + start + "-" + end;
      chain = chain.thenCompose(ignored -> Futures.capture(() -> s3.uploadPartCopy(b -> b
              .sourceBucket(source.bucket()).sourceKey(source.key())
              .sourceVersionId(source.versionId())
              .copySourceIfMatch(source.ifMatch()).copySourceRange(range)
              .destinationBucket(create.bucket()).destinationKey(create.key())
              .uploadId(uploadId).partNumber(partNumber)))
          .thenAccept(response -> parts.add(completed(partNumber, response.copyPartResult()))));
    }
    return chain.thenApply(ignored -> parts);
  }

  private static CompletedPart completed(int number, CopyPartResult result) {
    return CompletedPart.builder().partNumber(number).eTag(result.eTag()).build();
  }
}
