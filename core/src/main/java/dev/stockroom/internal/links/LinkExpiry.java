package dev.stockroom.internal.links;

/**
 * When a link expires: the lifetime asked for (at least the minimum remaining lifetime), rounded up
 * to the next window boundary, so that every request inside one window gets the identical link
 * (one signature, one browser and CDN cache entry). A link is never handed out with less than
 * that lifetime left. Where rounding up would pass the kind's maximum lifetime, the expiry is
 * rounded down instead if that still leaves the lifetime asked for, else it is the maximum exactly.
 */
final class LinkExpiry {

  private LinkExpiry() {}

  /**
   * Returns the expiry, in epoch seconds.
   *
   * @param now the current time, epoch seconds
   * @param lifetime the requested lifetime, seconds
   * @param window the window, seconds (at least 1)
   * @param maximum the longest lifetime allowed, seconds (at least {@code lifetime})
   * @param minimumRemaining the least lifetime a link is handed out with, seconds
   */
  static long expires(long now, long lifetime, long window, long maximum, long minimumRemaining) {
    long wanted = Math.min(Math.max(lifetime, minimumRemaining), maximum);
    long roundedUp = Math.floorDiv(now + wanted + window - 1, window) * window;
    if (roundedUp - now <= maximum) {
      return roundedUp;
    }
    long roundedDown = Math.floorDiv(now + maximum, window) * window;
    return roundedDown - now >= wanted ? roundedDown : now + maximum;
  }
}
