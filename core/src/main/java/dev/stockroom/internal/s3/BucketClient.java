package dev.stockroom.internal.s3;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * The bucket-level S3 calls Stockroom makes, over whichever client the user supplied: async for
 * services, sync for scripts. Failures come back in the future as the SDK raised them.
 */
public interface BucketClient {

  /** Returns the bucket's lifecycle rules, as S3 stores them; empty when it has none. */
  CompletableFuture<List<LifecycleRule>> lifecycleRules(String bucket);

  /** Replaces the bucket's whole lifecycle configuration with {@code rules} (not empty). */
  CompletableFuture<Void> putLifecycleRules(String bucket, List<LifecycleRule> rules);

  /** Returns whether the bucket has Object Lock enabled. */
  CompletableFuture<Boolean> objectLockEnabled(String bucket);

  /**
   * Aborts the incomplete multipart uploads of exactly {@code key} initiated at or after
   * {@code since}, and returns how many it aborted.
   */
  CompletableFuture<Integer> abortMultipartUploads(String bucket, String key, Instant since);

  /** Aborts the multipart upload {@code uploadId} of {@code key}; returns 1, or 0 if it is gone. */
  CompletableFuture<Integer> abortMultipartUpload(String bucket, String key, String uploadId);

  /**
   * Returns the parts of the multipart upload {@code uploadId} of {@code key}, every page of them;
   * an empty list when the upload no longer exists.
   */
  CompletableFuture<List<Part>> listParts(String bucket, String key, String uploadId);

  /** Returns the object's headers as S3 holds them. */
  CompletableFuture<HeadObjectResponse> headObject(String bucket, String key);

  /** Returns a client that calls {@code s3}. */
  static BucketClient of(S3AsyncClient s3) {
    return new AsyncBucketClient(s3);
  }

  /** Returns a client that calls {@code s3} on the caller's thread. */
  static BucketClient of(S3Client s3) {
    return new SyncBucketClient(s3);
  }
}
