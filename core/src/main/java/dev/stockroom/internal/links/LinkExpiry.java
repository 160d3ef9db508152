package dev.stockroom.internal.links;

/**
 * When a link expires: the lifetime asked for (at least the minimum remaining lifetime), rounded up
 * to the next window boundary, so that every request inside one window gets the identical link
 * (one signature, one browser and CDN cache entry). A link is never handed out with less than
 * the lifetime asked for: times are in milliseconds and expiries (whole seconds, as CloudFront
 * takes them) are only ever rounded up. Where the window would pass the kind's maximum lifetime,
 * the expiry is the first whole second at or after the lifetime asked for.
 */
final class LinkExpiry {

  private LinkExpiry() {}

  /**
   * Returns the expiry, in epoch seconds.
   *
   * @param nowMillis the current time, epoch milliseconds
   * @param lifetimeMillis the requested lifetime (at most {@code maximumMillis})
   * @param windowSeconds the window, seconds (at least 1)
   * @param maximumMillis the longest lifetime allowed
   * @param minimumRemainingMillis the least lifetime a link is handed out with
   */
  static long expires(long nowMillis, long lifetimeMillis, long windowSeconds, long maximumMillis,
      long minimumRemainingMillis) {
    long wanted = Math.min(Math.max(lifetimeMillis, minimumRemainingMillis), maximumMillis);
    long earliest = nowMillis + wanted;
    long windowMillis = windowSeconds * 1000;
    long roundedUp = Math.floorDiv(earliest + windowMillis - 1, windowMillis) * windowSeconds;
    if (roundedUp * 1000 - nowMillis <= maximumMillis) {
      return roundedUp;
    }
    return Math.floorDiv(earliest + 999, 1000);
  }
}
