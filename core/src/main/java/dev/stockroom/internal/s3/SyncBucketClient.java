package dev.stockroom.internal.s3;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Exception;

final class SyncBucketClient implements BucketClient {

  private final S3Client s3;

  SyncBucketClient(S3Client s3) {
    this.s3 = s3;
  }

  @Override
  public CompletableFuture<List<LifecycleRule>> lifecycleRules(String bucket) {
    try {
      return CompletableFuture.completedFuture(
          s3.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules());
    } catch (S3Exception e) {
      return S3Errors.hasCode(e, LifecycleRequests.NO_CONFIGURATION)
          ? CompletableFuture.completedFuture(List.of())
          : CompletableFuture.failedFuture(e);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Boolean> objectLockEnabled(String bucket) {
    try {
      return CompletableFuture.completedFuture(ObjectLockAnswers.enabled(
          s3.getObjectLockConfiguration(r -> r.bucket(bucket))));
    } catch (RuntimeException e) {
      return ObjectLockAnswers.isNotConfigured(e) ? CompletableFuture.completedFuture(false)
          : CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Integer> abortMultipartUploads(String bucket, String key,
      Instant since) {
    try {
      var orphans = MultipartCleanup.orphans(
          s3.listMultipartUploads(r -> r.bucket(bucket).prefix(key)), key, since);
      int aborted = 0;
      for (var upload : orphans) {
        try {
          s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(upload.uploadId()));
          aborted++;
        } catch (S3Exception e) {
          // an upload gone by the time it is aborted (the SDK's own abort won) is not a failure
          if (!S3Errors.hasCode(e, S3Errors.NO_SUCH_UPLOAD)) {
            throw e;
          }
        }
      }
      return CompletableFuture.completedFuture(aborted);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Integer> abortMultipartUpload(String bucket, String key,
      String uploadId) {
    try {
      s3.abortMultipartUpload(r -> r.bucket(bucket).key(key).uploadId(uploadId));
      return CompletableFuture.completedFuture(1);
    } catch (RuntimeException e) {
      return S3Errors.hasCode(e, S3Errors.NO_SUCH_UPLOAD) ? CompletableFuture.completedFuture(0)
          : CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<List<Part>> listParts(String bucket, String key, String uploadId) {
    try {
      return CompletableFuture.completedFuture(s3.listPartsPaginator(r -> r.bucket(bucket)
          .key(key).uploadId(uploadId)).parts().stream().toList());
    } catch (RuntimeException e) {
      return S3Errors.hasCode(e, S3Errors.NO_SUCH_UPLOAD)
          ? CompletableFuture.completedFuture(List.of()) : CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<HeadObjectResponse> headObject(String bucket, String key) {
    try {
      return CompletableFuture.completedFuture(s3.headObject(r -> r.bucket(bucket).key(key)));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public CompletableFuture<Void> putLifecycleRules(String bucket, List<LifecycleRule> rules) {
    try {
      s3.putBucketLifecycleConfiguration(LifecycleRequests.put(bucket, rules));
      return CompletableFuture.completedFuture(null);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
