package dev.stockroom.internal.links;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LinkExpiryTest {

  private static final long NO_MAX = Long.MAX_VALUE / 4;

  @ParameterizedTest(name = "now={0} lifetime={1} window={2} max={3} min={4} -> {5}")
  @CsvSource({
      // rounded up to the window
      "1000, 3600, 600, " + NO_MAX + ", 60, 4800",
      // already on a boundary
      "1200, 3600, 600, " + NO_MAX + ", 60, 4800",
      // a tiny lifetime is raised to the minimum remaining lifetime
      "1000, 1, 600, " + NO_MAX + ", 60, 1200",
      // rounding up would pass the maximum: rounded down still leaves the lifetime
      "1000, 300, 600, 900, 60, 1800",
      // rounding up would pass the maximum, rounding down too short: the maximum exactly
      "1000, 900, 600, 900, 60, 1900"})
  void expires(long now, long lifetime, long window, long max, long min, long expected) {
    assertThat(LinkExpiry.expires(now, lifetime, window, max, min)).isEqualTo(expected);
  }

  @Test
  void everyRequestInsideAWindow_getsTheSameExpiry_andAtLeastItsLifetime() {
    for (long now = 601; now <= 1200; now++) {
      long expires = LinkExpiry.expires(now, 3600, 600, NO_MAX, 60);
      assertThat(expires).isEqualTo(4800);
      assertThat(expires - now).isGreaterThanOrEqualTo(3600);
    }
  }
}
