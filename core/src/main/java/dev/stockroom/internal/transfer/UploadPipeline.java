package dev.stockroom.internal.transfer;

import dev.stockroom.crypto.KmsKey;
import dev.stockroom.exception.KmsKeyException;
import dev.stockroom.exception.StockroomException;
import dev.stockroom.exception.StorageException;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.metrics.Meters;
import dev.stockroom.internal.s3.BucketClient;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.TransferSettings;
import dev.stockroom.transfer.UploadHeaders;
import dev.stockroom.validation.ObjectKeys;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.transfer.s3.model.ResumableFileUpload;

/**
 * The one way an object is uploaded: admission (refused once closed) → the policy's protection
 * (SSE-KMS or refused) → the checks that need AWS (KMS key, Object Lock; cached) → the final key
 * (content address) → the PUT built from the policy → the result as S3 answered it. A failure is
 * reported only after the upload's parts are aborted; a cancel, an interrupt or shutdown stops the
 * stage under way.
 */
public final class UploadPipeline {

  private static final Logger log = LoggerFactory.getLogger(UploadPipeline.class);

  /** How far S3's clock may be behind ours when matching leftover uploads to this one. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /**
   * How long after a stop the cleanup looks again: a CreateMultipartUpload already on the wire
   * when the upload was stopped may land after the first look.
   */
  private static final Duration SETTLE = Duration.ofSeconds(1);

  private final String bucket;
  private final KmsKey kmsKey;
  private final ObjectLockCheck objectLock;
  private final BucketClient bucketClient;
  private final Sender sender;
  private final Executor io;
  private final InFlight inFlight;
  private final Clock clock;
  private final ResumeTokens tokens;
  private final UploadHeaders headers;
  private final LongSupplier throttles;
  private final Meters meters;

  public UploadPipeline(String bucket, Sender sender, KmsKey kmsKey, BucketClient bucketClient,
      Duration checkInterval, Executor io, InFlight inFlight, Clock clock, ResumeTokens tokens,
      UploadHeaders headers, LongSupplier throttles, Meters meters) {
    this.meters = meters;
    this.tokens = tokens;
    this.headers = headers;
    this.throttles = throttles;
    this.bucket = bucket;
    this.sender = sender;
    this.kmsKey = kmsKey;
    this.objectLock = new ObjectLockCheck(bucket, bucketClient, checkInterval, io, clock);
    this.bucketClient = bucketClient;
    this.io = io;
    this.inFlight = inFlight;
    this.clock = clock;
  }

  String bucket() {
    return bucket;
  }

  Executor io() {
    return io;
  }

  InFlight inFlight() {
    return inFlight;
  }

  Clock clock() {
    return clock;
  }

  /** Returns the count of slow-down answers the client has had (0 for a caller's client). */
  LongSupplier throttles() {
    return throttles;
  }

  ResumeTokens tokens() {
    return tokens;
  }

  /** Signs a token for a file upload of {@code kind} as the Transfer Manager paused it. */
  ResumeToken token(DataKind kind, ResumableFileUpload paused) {
    PutObjectRequest put = paused.uploadFileRequest().putObjectRequest();
    ResumeTokens.Fields fields = new ResumeTokens.Fields(bucket, kind, put.key(),
        paused.uploadFileRequest().source().toAbsolutePath(), paused.fileLength(),
        paused.fileLastModified(), put.contentType(), put.metadata(),
        paused.multipartUploadId().orElse(null), paused.partSizeInBytes().orElse(0),
        paused.totalParts().orElse(0), paused.transferredParts().orElse(0),
        PutRequests.fingerprint(put));
    return new DefaultResumeToken(fields, tokens.write(fields));
  }

  /**
   * Starts {@code request} and returns its outcome; every failure, closed-ness included, is in the
   * future.
   */
  CompletableFuture<StoredObject> submit(UploadRequest request) {
    RunningUpload upload = new RunningUpload(request.key(), clock.instant(),
        running -> cleanUp(running, request));
    try {
      inFlight.admit(upload);
    } catch (IllegalStateException closed) {
      return CompletableFuture.failedFuture(closed);
    }
    if (request.pausable() != null) {
      request.pausable().running(upload);
    }
    Meters.UploadTiming timing = meters.uploadStarted(request.policy().kind());
    // stops, pauses and cancels complete the result elsewhere; a timing records its first end
    upload.result().whenComplete((stored, failure) -> timing.ended(
        failure == null ? "stored" : "cancelled", Futures.unwrap(failure)));
    Futures.capture(() -> run(request, upload)).whenComplete((stored, failure) -> {
      if (failure == null) {
        // recorded before the caller can see the result, so meters are never behind it
        timing.stored(stored.size());
        upload.result().complete(stored);
      } else if (upload.paused()) {
        upload.result().completeExceptionally(new CancellationException("the upload of '"
            + request.key() + "' was paused"));
      } else if (!upload.stopped()) {
        cleanUp(upload, request).whenComplete((cleaned, ignored) -> {
          timing.ended("failed", Futures.unwrap(failure));
          upload.result().completeExceptionally(asTransferFailure(request.key(),
              Futures.unwrap(failure)));
        });
      }
    });
    return upload.result();
  }

  /**
   * Runs the checks a kind's uploads need before any byte, once per check interval: SSE-KMS or a
   * refusal, the KMS key, the bucket's Object Lock. Used by directory uploads before the first file.
   */
  CompletableFuture<Protection> prepare(StoragePolicy policy, String key) {
    return Futures.capture(() -> {
      Protection protection = Protection.encryptionFor(policy, kmsKey.keyId().orElse(null), bucket,
          key, headers.serverSideEncryption());
      CompletableFuture<?> keyUsable = protection.encryption() == ServerSideEncryption.AWS_KMS
          && kmsKey.checkEnabled() ? kmsKey.verifyAsync() : CompletableFuture.completedFuture(null);
      CompletableFuture<Boolean> lock = policy.retention().isPresent()
          && headers.objectLockRetention() ? objectLock.enabled()
          : CompletableFuture.completedFuture(false);
      return keyUsable.thenCombine(lock, (usable, locked) -> protection.withObjectLock(locked))
          .exceptionally(failure -> {
            Throwable cause = Futures.unwrap(failure);
            throw Futures.asCompletion(cause instanceof KmsKeyException kms ? kms.forKey(key)
                : cause instanceof StorageException storage ? storage.forKey(key) : cause);
          });
    });
  }

  private CompletableFuture<StoredObject> run(UploadRequest request, RunningUpload upload) {
    return upload.stage(() -> prepare(request.policy(), request.key()))
        .thenCompose(protection -> upload.stage(() -> finalKey(request))
            .thenCompose(key -> upload.stage(() -> put(request, key, protection, upload))));
  }

  private CompletableFuture<String> finalKey(UploadRequest request) {
    if (!request.contentAddressed()) {
      return CompletableFuture.completedFuture(request.key());
    }
    return CompletableFuture.supplyAsync(() -> ObjectKeys.check(
        ContentAddress.key(request.key(), ContentAddress.of(request.source())), "key"), io);
  }

  private CompletableFuture<StoredObject> put(UploadRequest request, String key,
      Protection protection, RunningUpload upload) {
    long size = request.source().size();
    if (size < 0 || size >= TransferSettings.MIN_PART_SIZE) {
      // smaller objects never go in parts (S3's smallest part is 5 MiB): nothing to clean up
      upload.sending();
    }
    Instant retainUntil = protection.objectLock() ? retainUntil(request.policy()) : null;
    PutObjectRequest put = PutRequests.build(bucket, key, request.policy(), request.contentType(),
        request.metadata(), request.source().size(), protection, retainUntil, headers);
    log.debug("Uploading '{}' to bucket '{}' as {} ({} bytes)", key, bucket,
        request.policy().kind(), request.source().size());
    if (request.resume() != null) {
      if (!request.resume().headers().equals(PutRequests.fingerprint(put))) {
        return restart(request, key, protection, upload, "the " + request.policy().kind()
            + " policy changed since the pause");
      }
      return bucketClient.listParts(bucket, key, request.resume().uploadId())
          .thenCompose(parts -> PausedParts.problem(parts, request.resume(),
                  request.source().size(), headers.checksums())
              .map(problem -> restart(request, key, protection, upload, problem))
              .orElseGet(() -> send(request, key, put, protection, retainUntil, upload)));
    }
    return send(request, key, put, protection, retainUntil, upload);
  }

  private CompletableFuture<StoredObject> send(UploadRequest request, String key,
      PutObjectRequest put, Protection protection, Instant retainUntil, RunningUpload upload) {
    return sender.send(put, request, upload).thenCompose(sent -> request.resume() == null
        ? CompletableFuture.completedFuture(StoredObjects.fromPut(bucket, request.policy(), put,
            protection, retainUntil, sent))
        // a resumed multipart upload keeps the headers it was created with: read them back
        : bucketClient.headObject(bucket, key).thenApply(head -> StoredObjects.fromHead(bucket,
            key, request.policy().kind(), head, protection, sent)));
  }

  /**
   * The paused multipart upload cannot be completed into a sound, compliant object: the policy
   * in force would create it differently (storage class, encryption or headers changed since the
   * pause), or its parts in the store are not what the pause left (gone, cut short, without
   * their checksum). Its parts are aborted and the file is sent from the start.
   */
  private CompletableFuture<StoredObject> restart(UploadRequest request, String key,
      Protection protection, RunningUpload upload, String why) {
    log.info("Sending '{}' from the start instead of resuming it: {}", key, why);
    return bucketClient.abortMultipartUpload(bucket, key, request.resume().uploadId())
        .thenCompose(aborted -> put(request.fromStart(), key, protection, upload));
  }

  private Instant retainUntil(StoragePolicy policy) {
    return clock.instant().atZone(ZoneOffset.UTC).plus(policy.retention().orElseThrow())
        .toInstant();
  }

  /**
   * Makes sure a failed or stopped upload leaves no parts behind. The SDK aborts a failed
   * multipart upload itself, but not in every case (a caller's stream that breaks mid-read), and
   * not always before the upload's future fails; so list what is left of this key since the upload
   * was admitted and abort it, then look once more after a moment for a stopped upload (its
   * CreateMultipartUpload may have been on the wire). A failed cleanup is logged, never thrown over
   * the cause.
   */
  private CompletableFuture<Void> cleanUp(RunningUpload upload, UploadRequest request) {
    if (!upload.mayHaveParts()) {
      return CompletableFuture.completedFuture(null);
    }
    Instant since = upload.admitted().minus(CLOCK_SKEW);
    String key = request.key();
    CompletableFuture<Void> first = abortLeftovers(key, since, request.resume());
    if (!upload.stopped()) {
      return first;
    }
    Executor later = CompletableFuture.delayedExecutor(SETTLE.toMillis(), TimeUnit.MILLISECONDS,
        io);
    return first.thenComposeAsync(done -> abortLeftovers(key, since, null), later);
  }

  private CompletableFuture<Void> abortLeftovers(String key, Instant since,
      UploadRequest.ResumePoint resumed) {
    CompletableFuture<Integer> aborted = Futures.capture(
        () -> bucketClient.abortMultipartUploads(bucket, key, since));
    if (resumed != null) {
      // the paused upload began before this one was admitted: abort it by its id
      aborted = aborted.thenCombine(Futures.capture(() -> bucketClient.abortMultipartUpload(bucket,
          key, resumed.uploadId())), Integer::sum);
    }
    return aborted.handle((count, failure) -> {
      if (failure != null) {
        log.warn("Could not check for leftover parts of '{}' in bucket '{}': {}", key, bucket,
            Futures.unwrap(failure).toString());
      } else if (count > 0) {
        log.debug("Aborted {} incomplete multipart upload(s) of '{}'", count, key);
      }
      return null;
    });
  }

  /**
   * Keeps Stockroom's own and argument errors as they are; wraps everything else, saying which
   * upload header to turn off when the store refused one.
   */
  private RuntimeException asTransferFailure(String key, Throwable cause) {
    if (cause instanceof StockroomException || cause instanceof IllegalArgumentException
        || cause instanceof IllegalStateException || cause instanceof NullPointerException) {
      return (RuntimeException) cause;
    }
    TransferFailedException failure = new TransferFailedException(bucket, key, cause);
    return HeaderRefusals.hint(cause).map(hint -> new TransferFailedException(
        failure.getMessage() + "; " + hint, bucket, key, cause)).orElse(failure);
  }
}
