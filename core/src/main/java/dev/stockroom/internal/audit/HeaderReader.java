package dev.stockroom.internal.audit;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.S3Answers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Consumer;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Reads each object's headers with a HEAD request before the checks see it: a batch at a time,
 * at most {@code concurrency} requests in flight, results passed on in the order received from the
 * source. An object deleted since it was listed is passed over.
 */
final class HeaderReader implements Consumer<ObjectRecord> {

  private static final int BATCH = 1_000;

  private final S3AsyncClient s3;
  private final String bucket;
  private final Semaphore permits;
  private final Predicate<String> retentionKinds;
  private final Consumer<ObjectRecord> next;
  private final List<ObjectRecord> batch = new ArrayList<>(BATCH);
  private long gone;

  HeaderReader(S3AsyncClient s3, String bucket, int concurrency,
      Predicate<String> retentionKinds, Consumer<ObjectRecord> next) {
    this.s3 = s3;
    this.bucket = bucket;
    this.permits = new Semaphore(concurrency);
    this.retentionKinds = retentionKinds;
    this.next = next;
  }

  @Override
  public void accept(ObjectRecord object) {
    batch.add(object);
    if (batch.size() == BATCH) {
      flush();
    }
  }

  /** Reads and passes on what is still batched; returns how many objects had gone. */
  long finish() {
    flush();
    return gone;
  }

  private void flush() {
    List<CompletableFuture<ObjectRecord>> heads = new ArrayList<>(batch.size());
    for (ObjectRecord object : batch) {
      heads.add(head(object));
    }
    batch.clear();
    for (CompletableFuture<ObjectRecord> head : heads) {
      ObjectRecord read = join(head);
      if (read == null) {
        gone++;
      } else {
        next.accept(read);
      }
    }
  }

  private CompletableFuture<ObjectRecord> head(ObjectRecord object) {
    permits.acquireUninterruptibly();
    HeadObjectRequest request = HeadObjectRequest.builder().bucket(bucket).key(object.key())
        .versionId(object.versionId()).build();
    return Futures.capture(() -> s3.headObject(request))
        .thenCompose(response -> retention(Headers.read(object, response)))
        .handle((read, failure) -> {
          permits.release();
          if (failure == null) {
            return read;
          }
          if (S3Answers.notFound(failure)) {
            return null;
          }
          throw Futures.asCompletion(new StorageException("HeadObject", bucket, object.key(),
              Futures.unwrap(failure)));
        });
  }

  /**
   * Asks for the retention of an object of a kind that has one when HEAD showed none: HEAD shows
   * it only to callers allowed s3:GetObjectRetention, and some stores never do. A 404 means none;
   * a refusal leaves it unknown, and the report says so.
   */
  private CompletableFuture<ObjectRecord> retention(ObjectRecord read) {
    if (!"".equals(read.lockMode()) || !retentionKinds.test(read.key())) {
      return CompletableFuture.completedFuture(read);
    }
    return Futures.capture(() -> s3.getObjectRetention(b -> b.bucket(bucket).key(read.key())
            .versionId(read.versionId())))
        .handle((answer, failure) -> {
          if (failure == null && answer.retention() != null) {
            return read.withLock(answer.retention().modeAsString(),
                answer.retention().retainUntilDate());
          }
          if (failure == null || S3Answers.notFound(failure)) {
            return read;
          }
          return read.withLock(null, null);
        });
  }

  private static ObjectRecord join(CompletableFuture<ObjectRecord> head) {
    return Futures.join(head);
  }

  /** Maps a HEAD answer onto the inventory's words, so one set of checks serves both sources. */
  static final class Headers {

    private Headers() {}

    static ObjectRecord read(ObjectRecord listed, HeadObjectResponse head) {
      String storageClass = head.storageClassAsString() == null ? "STANDARD"
          : head.storageClassAsString();
      String encryption = encryption(head);
      boolean kms = ObjectRecord.SSE_KMS.equals(encryption);
      return new ObjectRecord(listed.key(), head.versionId() != null ? head.versionId()
          : listed.versionId(), head.contentLength() != null ? head.contentLength() : listed.size(),
          head.lastModified() != null ? head.lastModified() : listed.lastModified(),
          head.eTag() != null ? head.eTag() : listed.eTag(), storageClass, encryption,
          head.ssekmsKeyId(), kms ? Boolean.TRUE.equals(head.bucketKeyEnabled()) : null,
          head.objectLockModeAsString() == null ? "" : head.objectLockModeAsString(),
          head.objectLockRetainUntilDate(), nonNull(head.cacheControl()),
          nonNull(head.contentType()));
    }

    private static String encryption(HeadObjectResponse head) {
      if (head.sseCustomerAlgorithm() != null) {
        return ObjectRecord.SSE_C;
      }
      String sse = head.serverSideEncryptionAsString();
      if (sse == null) {
        return ObjectRecord.NOT_SSE;
      }
      return switch (sse) {
        case "AES256" -> ObjectRecord.SSE_S3;
        case "aws:kms" -> ObjectRecord.SSE_KMS;
        case "aws:kms:dsse" -> ObjectRecord.DSSE_KMS;
        default -> sse;
      };
    }

    private static String nonNull(String header) {
      return header == null ? "" : header;
    }
  }
}
