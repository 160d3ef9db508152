package dev.stockroom.internal.s3;

import dev.stockroom.internal.Futures;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Part;

final class AsyncBucketClient implements BucketClient {

  private final S3AsyncClient s3;

  AsyncBucketClient(S3AsyncClient s3) {
    this.s3 = s3;
  }

  @Override
  public CompletableFuture<List<LifecycleRule>> lifecycleRules(String bucket) {
    return Futures.capture(() -> s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)))
        .handle((response, failure) -> {
          if (failure == null) {
            return response.rules();
          }
          if (S3Errors.hasCode(failure, LifecycleRequests.NO_CONFIGURATION)) {
            return List.<LifecycleRule>of();
          }
          throw Futures.asCompletion(failure);
        });
  }

  @Override
  public CompletableFuture<Boolean> objectLockEnabled(String bucket) {
    return Futures.capture(() -> s3.getObjectLockConfiguration(r -> r.bucket(bucket)))
        .handle((response, failure) -> {
          if (failure == null) {
            return ObjectLockAnswers.enabled(response);
          }
          if (ObjectLockAnswers.isNotConfigured(failure)) {
            return false;
          }
          throw Futures.asCompletion(failure);
        });
  }

  @Override
  public CompletableFuture<Integer> abortMultipartUploads(String bucket, String key,
      Instant since) {
    return Futures.capture(() -> s3.listMultipartUploads(r -> r.bucket(bucket).prefix(key)))
        .thenCompose(listing -> {
          // an upload gone by the time it is aborted (the SDK's own abort won) is not a failure
          List<CompletableFuture<Integer>> aborts = MultipartCleanup.orphans(listing, key, since)
              .stream().map(upload -> abortMultipartUpload(bucket, key, upload.uploadId()))
              .toList();
          return CompletableFuture.allOf(aborts.toArray(CompletableFuture[]::new))
              .thenApply(done -> aborts.stream().mapToInt(CompletableFuture::join).sum());
        });
  }

  @Override
  public CompletableFuture<Integer> abortMultipartUpload(String bucket, String key,
      String uploadId) {
    return Futures.capture(() -> s3.abortMultipartUpload(r -> r.bucket(bucket).key(key)
        .uploadId(uploadId))).handle((done, failure) -> {
          if (failure == null) {
            return 1;
          }
          if (S3Errors.hasCode(failure, S3Errors.NO_SUCH_UPLOAD)) {
            return 0;
          }
          throw Futures.asCompletion(failure);
        });
  }

  @Override
  public CompletableFuture<List<Part>> listParts(String bucket, String key, String uploadId) {
    List<Part> parts = new java.util.concurrent.CopyOnWriteArrayList<>();
    return Futures.capture(() -> s3.listPartsPaginator(r -> r.bucket(bucket).key(key)
            .uploadId(uploadId)).parts().subscribe(parts::add))
        .handle((done, failure) -> {
          if (failure == null) {
            return List.copyOf(parts);
          }
          if (S3Errors.hasCode(failure, S3Errors.NO_SUCH_UPLOAD)) {
            return List.<Part>of();
          }
          throw Futures.asCompletion(failure);
        });
  }

  @Override
  public CompletableFuture<HeadObjectResponse> headObject(String bucket, String key) {
    return Futures.capture(() -> s3.headObject(r -> r.bucket(bucket).key(key)));
  }

  @Override
  public CompletableFuture<Void> putLifecycleRules(String bucket, List<LifecycleRule> rules) {
    return Futures.capture(() -> s3.putBucketLifecycleConfiguration(
        LifecycleRequests.put(bucket, rules))).thenApply(response -> null);
  }
}
