package dev.stockroom.internal.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Additive increase, multiplicative decrease, worked by hand. */
class ConcurrencyLimitTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));

  @Test
  void halvesOnSlowDown_onceACoolDown_neverBelowOne() {
    ConcurrencyLimit limit = new ConcurrencyLimit(64, clock, Duration.ofMillis(500));
    limit.throttled();
    assertThat(limit.current()).isEqualTo(32);
    limit.throttled();
    assertThat(limit.current()).as("within the cool-down").isEqualTo(32);
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofMillis(500));
      limit.throttled();
    }
    assertThat(limit.current()).isEqualTo(1);
    assertThat(limit.lowest()).isEqualTo(1);
  }

  @Test
  void growsByOneForEveryLimitFilesStored_upToTheMaximum() {
    ConcurrencyLimit limit = new ConcurrencyLimit(8, clock, Duration.ofMillis(500));
    limit.throttled();
    assertThat(limit.current()).isEqualTo(4);
    // 4 + 4 x 1/4 = 5 (within rounding): four stored files make one more slot
    for (int i = 0; i < 4; i++) {
      limit.stored();
    }
    assertThat(limit.current()).isEqualTo(4);
    limit.stored();
    assertThat(limit.current()).isEqualTo(5);
    for (int i = 0; i < 100; i++) {
      limit.stored();
    }
    assertThat(limit.current()).isEqualTo(8);
  }
}
