package dev.stockroom.internal.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expiries computed by hand: now and lifetimes in milliseconds, windows in seconds. */
class LinkExpiryTest {

  private static final long NO_MAX = Long.MAX_VALUE / 4;

  @ParameterizedTest(name = "now={0} lifetime={1} window={2} max={3} min={4} -> {5}")
  @CsvSource({
      // 1,000 s + 3,600 s = 4,600 s, rounded up to the 600 s window: 4,800
      "1000000, 3600000, 600, " + NO_MAX + ", 60000, 4800",
      // already on a boundary after the lifetime: 1,200 + 3,600 = 4,800
      "1200000, 3600000, 600, " + NO_MAX + ", 60000, 4800",
      // a tiny lifetime is raised to the minimum remaining lifetime: 1,000 + 60 -> 1,200
      "1000000, 1000, 600, " + NO_MAX + ", 60000, 1200",
      // 1,300 rounds up to 1,800, which is 800 s from now: within the 900 s maximum
      "1000000, 300000, 600, 900000, 60000, 1800",
      // rounding up (2,400) would pass the maximum: the lifetime exactly, 1,900
      "1000000, 900000, 600, 900000, 60000, 1900",
      // now 1,000.5 s, 900 s asked, maximum 900 s: 1,900.5 rounds up to 1,901, never down
      "1000500, 900000, 600, 900000, 60000, 1901",
      // a lifetime of 1.5 s with a window of 1 s and no minimum: 1,000.2 + 1.5 = 1,001.7 -> 1,002
      "1000200, 1500, 1, " + NO_MAX + ", 0, 1002"})
  void expires(long now, long lifetime, long window, long max, long min, long expected) {
    assertThat(LinkExpiry.expires(now, lifetime, window, max, min)).isEqualTo(expected);
  }

  @Test
  void everyRequestInsideAWindow_getsTheSameExpiry_andAtLeastItsLifetime() {
    for (long now = 600_001; now <= 1_200_000; now += 997) {
      long expires = LinkExpiry.expires(now, 3_600_000, 600, NO_MAX, 60_000);
      assertThat(expires).isEqualTo(4800);
      assertThat(expires * 1000 - now).isGreaterThanOrEqualTo(3_600_000);
    }
  }

  @Test
  void atTheMaximum_aLinkIsNeverShorterThanAsked() {
    for (long now = 1_000_000; now < 1_001_000; now += 7) {
      long expires = LinkExpiry.expires(now, 900_000, 600, 900_000, 60_000);
      assertThat(expires * 1000 - now).isBetween(900_000L, 900_999L);
    }
  }
}
