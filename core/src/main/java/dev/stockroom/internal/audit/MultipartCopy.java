package dev.stockroom.internal.audit;

import dev.stockroom.internal.s3.PartCopy;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Copies an object onto itself part by part ({@link PartCopy}), for objects above the 5 GiB one
 * CopyObject can write, with the object's tags. Each part is read on condition of the ETag the
 * audit saw and the completion is conditional on the destination still holding it.
 */
final class MultipartCopy {

  private final S3AsyncClient s3;
  private final String bucket;
  private final PartCopy parts;

  MultipartCopy(S3AsyncClient s3, String bucket, long partSize) {
    this.s3 = s3;
    this.bucket = bucket;
    this.parts = new PartCopy(s3, partSize);
  }

  /** Copies as {@code copy} describes, in parts; completes with the new ETag. */
  CompletableFuture<String> copy(CopyObjectRequest copy, HeadObjectResponse head) {
    return tagging(copy.destinationKey(), head)
        .thenCompose(tagging -> parts.copy(ObjectCopy.multipart(copy, tagging),
            new PartCopy.Source(bucket, copy.sourceKey(), null, copy.copySourceIfMatch()),
            head.contentLength(), copy.ifMatch()))
        .thenApply(response -> response.eTag());
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
}
