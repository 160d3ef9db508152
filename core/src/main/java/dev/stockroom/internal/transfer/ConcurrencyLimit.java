package dev.stockroom.internal.transfer;

import java.time.Clock;
import java.time.Duration;

/**
 * How many files an import keeps in flight, shaped to the store's answers: additive increase (one
 * more for every {@code limit} files stored) and multiplicative decrease (halved when the store
 * answers SlowDown, at most once per cool-down), between 1 and the configured maximum. On top of
 * the SDK's per-request retries, a burst then slows the import down instead of failing files.
 */
final class ConcurrencyLimit {

  private final int maximum;
  private final Clock clock;
  private final Duration coolDown;
  private double limit;
  private long lastDecrease = Long.MIN_VALUE;
  private int lowest;

  ConcurrencyLimit(int maximum, Clock clock, Duration coolDown) {
    this.maximum = maximum;
    this.clock = clock;
    this.coolDown = coolDown;
    this.limit = maximum;
    this.lowest = maximum;
  }

  /** Returns how many files may be in flight now. */
  synchronized int current() {
    return (int) limit;
  }

  /** Returns the lowest the limit has been. */
  synchronized int lowest() {
    return lowest;
  }

  /** A file was stored without the store slowing it down. */
  synchronized void stored() {
    limit = Math.min(maximum, limit + 1 / limit);
  }

  /** The store answered SlowDown (or 503): halve the limit, unless just halved. */
  synchronized void throttled() {
    long now = clock.millis();
    if (lastDecrease != Long.MIN_VALUE && now - lastDecrease < coolDown.toMillis()) {
      return;
    }
    lastDecrease = now;
    limit = Math.max(1, limit / 2);
    lowest = Math.min(lowest, (int) limit);
  }
}
