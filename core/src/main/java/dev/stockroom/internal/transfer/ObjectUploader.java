package dev.stockroom.internal.transfer;

import dev.stockroom.StockroomException;
import dev.stockroom.TransferFailedException;
import dev.stockroom.crypto.KmsKey;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.s3.BucketClient;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.StoredObject;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.BlockingInputStreamAsyncRequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.FileUpload;
import software.amazon.awssdk.transfer.s3.model.CompletedUpload;
import software.amazon.awssdk.transfer.s3.model.Upload;
import software.amazon.awssdk.transfer.s3.progress.TransferListener;

/**
 * Uploads one object through the Transfer Manager: checks the policy and the AWS-side
 * prerequisites (KMS key, Object Lock) before any byte, builds the PUT from the policy, sends the
 * bytes, and reports what S3 stored.
 */
public final class ObjectUploader {

  private static final Logger log = LoggerFactory.getLogger(ObjectUploader.class);

  /** How far S3's clock may be behind ours when matching leftover uploads to this one. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final String bucket;
  private final S3TransferManager transferManager;
  private final KmsKey kmsKey;
  private final ObjectLockCheck objectLock;
  private final BucketClient bucketClient;
  private final Executor io;
  private final OpenGuard guard;

  public ObjectUploader(String bucket, S3TransferManager transferManager, KmsKey kmsKey,
      BucketClient bucketClient, Duration checkInterval, Executor io,
      OpenGuard guard) {
    this.bucket = bucket;
    this.transferManager = transferManager;
    this.kmsKey = kmsKey;
    this.objectLock = new ObjectLockCheck(bucket, bucketClient, checkInterval, io);
    this.bucketClient = bucketClient;
    this.io = io;
    this.guard = guard;
  }

  String bucket() {
    return bucket;
  }

  Executor io() {
    return io;
  }

  OpenGuard guard() {
    return guard;
  }

  /**
   * Decides how objects of {@code policy}'s kind are protected, and runs the checks that need AWS,
   * once per check interval. Fails (in the future) before any byte is sent.
   */
  CompletableFuture<Protection> prepare(StoragePolicy policy, String key) {
    return Futures.capture(() -> {
      guard.check();
      Protection protection = Protection.encryptionFor(policy, kmsKey.keyId().orElse(null), bucket,
          key);
      CompletableFuture<?> keyUsable = protection.encryption() == ServerSideEncryption.AWS_KMS
          && kmsKey.checkEnabled() ? kmsKey.verifyAsync() : CompletableFuture.completedFuture(null);
      CompletableFuture<Boolean> lock = policy.retention().isPresent() ? objectLock.enabled()
          : CompletableFuture.completedFuture(false);
      return keyUsable.thenCombine(lock, (usable, locked) -> protection.withObjectLock(locked));
    });
  }

  /** Uploads {@code source} to {@code key} as the kind of {@code policy}. */
  CompletableFuture<StoredObject> upload(UploadJob job, Protection protection) {
    return finish(job, Instant.now(), () -> {
      guard.check();
      Instant retainUntil = protection.objectLock() ? retainUntil(job.policy()) : null;
      PutObjectRequest put = PutRequests.build(bucket, job.key(), job.policy(), job.contentType(),
          job.metadata(), job.source().size(), protection, retainUntil);
      log.debug("Uploading '{}' to bucket '{}' as {} ({} bytes)", job.key(), bucket,
          job.policy().kind(), job.source().size());
      return send(put, job).thenApply(sent -> stored(job, protection, retainUntil, sent));
    });
  }

  /**
   * Resumes a paused file upload with the request it was started with (same headers, same
   * retention date) and the parts already sent.
   */
  CompletableFuture<StoredObject> resume(ResumeToken token, StoragePolicy policy,
      DefaultFileTransfer transfer) {
    PutObjectRequest put = token.upload().uploadFileRequest().putObjectRequest();
    UploadJob job = new UploadJob(policy, put.key(), put.contentType(), put.metadata(),
        new UploadSource.FileSource(token.file(), token.upload().fileLength()), null, transfer);
    Protection protection = new Protection(put.serverSideEncryption(), put.ssekmsKeyId(),
        put.objectLockRetainUntilDate() != null);
    // parts sent before the pause belong to this upload too: clean up since any time on failure
    return finish(job, Instant.EPOCH, () -> {
      guard.check();
      log.debug("Resuming '{}' in bucket '{}'", put.key(), bucket);
      FileUpload upload = transferManager.resumeUploadFile(token.upload());
      transfer.started(upload);
      return upload.completionFuture().thenApply(done -> stored(job, protection,
          put.objectLockRetainUntilDate(), new Sent(done.response(), token.upload().fileLength())));
    });
  }

  /** Reports a failure only after cleaning up its parts; a paused upload is no failure. */
  private CompletableFuture<StoredObject> finish(UploadJob job, Instant started,
      Supplier<CompletableFuture<StoredObject>> work) {
    return Futures.capture(work).handle((stored, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(stored);
      }
      if (job.transfer() != null && job.transfer().paused()) {
        return CompletableFuture.<StoredObject>failedFuture(new CancellationException(
            "the upload of '" + job.key() + "' was paused"));
      }
      return failAfterCleanup(job.key(), started, failure);
    }).thenCompose(Function.identity());
  }

  private CompletableFuture<StoredObject> failAfterCleanup(String key, Instant started,
      Throwable failure) {
    return abortLeftovers(key, started).thenApply(cleaned -> {
      throw Futures.asCompletion(asTransferFailure(key, Futures.unwrap(failure)));
    });
  }

  /**
   * Makes sure a failed upload leaves no parts behind. The SDK aborts a failed multipart upload
   * itself, but not in every case (a caller's stream that breaks mid-read), and not always before
   * the upload's future fails; so list what is left of this key since the upload began and abort
   * it, before the failure is reported. A failed cleanup is logged, never thrown over the cause.
   */
  private CompletableFuture<Void> abortLeftovers(String key, Instant started) {
    Instant since = started.minus(CLOCK_SKEW);
    return Futures.capture(() -> bucketClient.abortMultipartUploads(bucket, key, since))
        .handle((aborted, failure) -> {
          if (failure != null) {
            log.warn("Could not check for leftover parts of '{}' in bucket '{}': {}", key, bucket,
                Futures.unwrap(failure).toString());
          } else if (aborted > 0) {
            log.debug("Aborted {} incomplete multipart upload(s) of '{}'", aborted, key);
          }
          return null;
        });
  }

  private record Sent(PutObjectResponse response, long size) {}

  private CompletableFuture<Sent> send(PutObjectRequest put, UploadJob job) {
    UploadSource source = job.source();
    if (source instanceof UploadSource.FileSource file) {
      FileUpload upload = transferManager.uploadFile(u -> u.putObjectRequest(put)
          .source(file.file()).addTransferListener(progress(job.bytesSent())));
      if (job.transfer() != null) {
        job.transfer().started(upload);
      }
      return upload.completionFuture()
          .thenApply(done -> new Sent(done.response(), file.size()));
    }
    if (source instanceof UploadSource.BytesSource bytes) {
      return transferManager.upload(u -> u.putObjectRequest(put)
              .requestBody(AsyncRequestBody.fromBytes(bytes.bytes())))
          .completionFuture()
          .thenApply(done -> new Sent(((CompletedUpload) done).response(), bytes.size()));
    }
    UploadSource.StreamSource stream = (UploadSource.StreamSource) source;
    BlockingInputStreamAsyncRequestBody body =
        AsyncRequestBody.forBlockingInputStream(stream.length());
    Upload upload = transferManager.upload(u -> u.putObjectRequest(put).requestBody(body));
    upload.completionFuture().whenComplete((done, failure) -> {
      if (failure != null) {
        body.cancel();
      }
    });
    CompletableFuture<Long> written =
        CompletableFuture.supplyAsync(() -> body.writeInputStream(stream.stream()), io);
    return upload.completionFuture().thenCombine(written,
        (done, size) -> new Sent(done.response(), size));
  }

  private static TransferListener progress(LongConsumer bytesSent) {
    if (bytesSent == null) {
      return new TransferListener() {};
    }
    AtomicLong reported = new AtomicLong();
    return new TransferListener() {
      @Override
      public void bytesTransferred(Context.BytesTransferred context) {
        long total = context.progressSnapshot().transferredBytes();
        long delta = total - reported.getAndSet(total);
        if (delta != 0) {
          bytesSent.accept(delta);
        }
      }
    };
  }

  private StoredObject stored(UploadJob job, Protection protection, Instant retainUntil,
      Sent sent) {
    PutObjectResponse response = sent.response();
    if (response.eTag() == null) {
      // A 2xx without an ETag is not S3 storing the object (a broken proxy, a cut-off answer).
      throw new TransferFailedException(bucket, job.key(),
          new IllegalStateException("the upload was answered without an ETag"));
    }
    return StoredObject.builder()
        .bucket(bucket)
        .key(job.key())
        .kind(job.policy().kind())
        .storageClass(job.policy().storageClass())
        .eTag(response.eTag())
        .versionId(response.versionId())
        .checksumCrc32c(response.checksumCRC32C())
        .size(sent.size())
        .encryption(response.serverSideEncryption() != null ? response.serverSideEncryption()
            : protection.encryption())
        .kmsKeyId(response.ssekmsKeyId())
        .bucketKeyEnabled(Boolean.TRUE.equals(response.bucketKeyEnabled()))
        .cacheControl(job.policy().cacheControl())
        .contentType(job.contentType())
        .retainUntil(retainUntil)
        .build();
  }

  private static Instant retainUntil(StoragePolicy policy) {
    return ZonedDateTime.now(ZoneOffset.UTC).plus(policy.retention().orElseThrow()).toInstant();
  }

  /** Keeps Stockroom's own and argument errors as they are; wraps everything else. */
  private RuntimeException asTransferFailure(String key, Throwable cause) {
    if (cause instanceof StockroomException || cause instanceof IllegalArgumentException
        || cause instanceof IllegalStateException || cause instanceof NullPointerException) {
      return (RuntimeException) cause;
    }
    return new TransferFailedException(bucket, key, cause);
  }
}
