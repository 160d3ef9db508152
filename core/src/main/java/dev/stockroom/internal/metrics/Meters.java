package dev.stockroom.internal.metrics;

import dev.stockroom.policy.DataKind;

/**
 * What Stockroom counts and times, whatever records it: nothing ({@link #NONE}, and Stockroom
 * needs no metrics library then) or Micrometer. Calls are cheap and never throw.
 */
public interface Meters {

  /** Records nothing. */
  Meters NONE = new Meters() {};

  /** An upload has started; the returned handle records how it ended. */
  default UploadTiming uploadStarted(DataKind kind) {
    return UploadTiming.NONE;
  }

  /** S3 answered a request with a slow-down (503 SlowDown, 503, 429). */
  default void throttled() {}

  /** The SDK sent a request again (a retry after a failed attempt). */
  default void retried() {}

  /**
   * A link or cookies were handed out: signed now, or taken from the cache.
   *
   * @param type {@code url}, {@code custom-url} or {@code cookies}
   */
  default void link(String type, boolean cached) {}

  /** A lifecycle plan found {@code changes} owned rules to add, change or remove. */
  default void lifecycleDrift(int changes) {}

  /**
   * The KMS key was checked with DescribeKey.
   *
   * @param result {@code valid}, {@code invalid} or {@code error}
   */
  default void kmsChecked(String result) {}

  /** How one upload ends; only the first end reported counts. */
  interface UploadTiming {

    /** Records nothing. */
    UploadTiming NONE = new UploadTiming() {};

    /** The upload stored {@code bytes}. */
    default void stored(long bytes) {}

    /**
     * The upload did not store anything.
     *
     * @param outcome {@code failed} or {@code cancelled}
     */
    default void ended(String outcome, Throwable failure) {}
  }
}
