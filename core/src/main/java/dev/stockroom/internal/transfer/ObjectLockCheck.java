package dev.stockroom.internal.transfer;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.CachedCheck;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.BucketClient;
import dev.stockroom.internal.s3.S3Answers;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whether the bucket has Object Lock, asked once and kept for a bounded time. */
final class ObjectLockCheck {

  private static final Logger log = LoggerFactory.getLogger(ObjectLockCheck.class);

  private final String bucket;
  private final BucketClient s3;
  private final CachedCheck<Boolean> answers;
  private final AtomicBoolean warned = new AtomicBoolean();

  ObjectLockCheck(String bucket, BucketClient s3, Duration checkInterval, Executor executor,
      Clock clock) {
    this.bucket = bucket;
    this.s3 = s3;
    this.answers = new CachedCheck<>(checkInterval, executor, clock);
  }

  /**
   * Returns whether the bucket has Object Lock; warns once when it does not. A store that does
   * not implement Object Lock at all (an S3-compatible store answering 501 NotImplemented) counts
   * as a bucket without it.
   */
  CompletableFuture<Boolean> enabled() {
    return answers.get(bucket, () -> s3.objectLockEnabled(bucket)
        .handle((enabled, failure) -> {
          if (failure == null) {
            if (!enabled) {
              warnOnce("Bucket '{}' has no Object Lock: objects with a retention policy (audit "
                  + "logs) are stored without a COMPLIANCE retention");
            }
            return enabled;
          }
          if (S3Answers.notImplemented(failure)) {
            warnOnce("The store behind bucket '{}' does not implement Object Lock (it answered "
                + "GetObjectLockConfiguration with NotImplemented): objects with a retention policy "
                + "(audit logs) are stored without a COMPLIANCE retention");
            return false;
          }
          throw new StorageException("GetObjectLockConfiguration", bucket, null,
              Futures.unwrap(failure));
        }));
  }

  private void warnOnce(String message) {
    if (warned.compareAndSet(false, true)) {
      log.warn(message, bucket);
    }
  }
}
