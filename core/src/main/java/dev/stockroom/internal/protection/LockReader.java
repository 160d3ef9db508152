package dev.stockroom.internal.protection;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.S3Answers;
import dev.stockroom.protection.LockConflict;
import dev.stockroom.protection.ObjectVersion;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetention;

/**
 * Reads the Object Lock state of versions: GetObjectLegalHold and GetObjectRetention of each
 * (delete markers cannot be locked and are not asked). A version is held by a legal hold that is
 * on, or by a retention whose date has not passed. The answers that mean "no lock" (no such
 * configuration on the version, or a bucket without Object Lock) count as none; any other failure
 * fails the whole read, since a version whose state is unknown must not be sent for deletion as if
 * it were free, nor reported as held.
 */
final class LockReader {

  /** Versions asked at once (two requests each). */
  private static final int WINDOW = 16;

  private final Clock clock;

  LockReader(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns the conflict of each held version among {@code versions}, in their order.
   *
   * @throws StorageException if a version's state cannot be read
   */
  List<LockConflict> conflicts(S3AsyncClient s3, List<ObjectVersion> versions) {
    Instant now = clock.instant();
    List<ObjectVersion> lockable = versions.stream().filter(v -> !v.deleteMarker()).toList();
    return InOrder.map(lockable, WINDOW, version -> state(s3, version, now)).stream()
        .flatMap(Optional::stream).toList();
  }

  private CompletableFuture<Optional<LockConflict>> state(S3AsyncClient s3,
      ObjectVersion version, Instant now) {
    CompletableFuture<Boolean> hold = Futures.capture(() -> s3.getObjectLegalHold(b -> b
            .bucket(version.bucket()).key(version.key()).versionId(version.versionId())))
        .handle((answer, failure) -> {
          if (failure != null) {
            return none(failure, "GetObjectLegalHold", version, false);
          }
          return answer.legalHold() != null
              && answer.legalHold().status() == ObjectLockLegalHoldStatus.ON;
        });
    CompletableFuture<Optional<ObjectLockRetention>> retention = Futures.capture(() -> s3
            .getObjectRetention(b -> b.bucket(version.bucket()).key(version.key())
                .versionId(version.versionId())))
        .handle((answer, failure) -> {
          if (failure != null) {
            return none(failure, "GetObjectRetention", version, Optional.empty());
          }
          return Optional.ofNullable(answer.retention())
              .filter(r -> r.retainUntilDate() != null && r.retainUntilDate().isAfter(now));
        });
    return hold.thenCombine(retention, (held, retained) -> held || retained.isPresent()
        ? Optional.of(new LockConflict(version, held,
            retained.map(ObjectLockRetention::modeAsString), retained.map(
                ObjectLockRetention::retainUntilDate)))
        : Optional.empty());
  }

  private static <T> T none(Throwable failure, String operation, ObjectVersion version, T none) {
    if (S3Answers.noObjectLock(failure)) {
      return none;
    }
    // the key is personal data: the message names the bucket and the version only
    throw Futures.asCompletion(new StorageException(operation, version.bucket(), null,
        Futures.unwrap(failure)).withNote("version " + version.versionId()
            + " of the subject's objects"));
  }
}
