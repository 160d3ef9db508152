package dev.stockroom.internal.links;

import dev.stockroom.exception.PolicyViolationException;
import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.policy.LinkAccess;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.time.Clock;
import java.time.Duration;

/**
 * What may be linked, and for how long: links are refused for kinds whose policy forbids them,
 * keys and cookie patterns must lie under one kind's prefix and hold no segment that could
 * normalise outside it, and lifetimes are bounded by the kind's maximum and by what can be
 * represented.
 */
final class LinkRules {

  /** The longest lifetime a link may ask for: beyond it the expiry is not a sensible date. */
  static final Duration MAX_LIFETIME = Duration.ofDays(3650);

  private final String bucket;
  private final PolicyCatalog catalog;
  private final CloudFrontSettings settings;
  private final Clock clock;

  LinkRules(String bucket, PolicyCatalog catalog, CloudFrontSettings settings, Clock clock) {
    this.bucket = bucket;
    this.catalog = catalog;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * Returns the policy of {@code key} if links to it are allowed.
   *
   * @throws IllegalArgumentException if the key is malformed or under no known prefix
   * @throws PolicyViolationException if its kind refuses links
   */
  StoragePolicy linkable(String key) {
    ObjectKeys.check(key, "key");
    StoragePolicy policy = catalog.classify(key);
    refuseIfUnlinkable(policy, key);
    return policy;
  }

  /**
   * Returns the single kind whose prefix holds everything {@code pattern} can match, if links to
   * it are allowed.
   *
   * @throws IllegalArgumentException if the pattern lies under no single kind's prefix, or holds
   *     a segment that is, or can match, '.' or '..'
   * @throws PolicyViolationException if that kind refuses links
   */
  StoragePolicy linkablePattern(String pattern) {
    Require.nonNull(pattern, "pathPattern");
    checkSegments(pattern);
    int wildcard = firstWildcard(pattern);
    String literal = pattern.substring(0, wildcard);
    ObjectKeys.prefixProblem(literal.isEmpty() ? "x" : literal).ifPresent(problem ->
        Require.argument(false, "pathPattern %s, but was '%s'", problem, pattern));
    StoragePolicy policy = catalog.find(literal).orElseThrow(() -> new IllegalArgumentException(
        Require.format("pathPattern must lie under one kind's prefix (e.g. "
            + "'media/product-images/sku-1/*'), but was '%s'", pattern)));
    refuseIfUnlinkable(policy, pattern);
    return policy;
  }

  /**
   * Refuses '.' and '..' segments anywhere in the pattern, also after a wildcard, and segments
   * made only of dots and wildcards (other than a lone '*'), which can match them: a viewer or an
   * origin that normalises the path would otherwise reach outside the kind's prefix.
   */
  private static void checkSegments(String pattern) {
    for (String segment : pattern.split("/", -1)) {
      boolean dotty = !segment.isEmpty() && !segment.equals("*")
          && segment.chars().allMatch(c -> c == '.' || c == '*' || c == '?')
          && segment.chars().anyMatch(c -> c == '.' || c == '?');
      Require.argument(!dotty, "pathPattern must not hold a '.' or '..' segment, or one that can "
          + "match it ('%s'), but was '%s'", segment, pattern);
    }
  }

  private void refuseIfUnlinkable(StoragePolicy policy, String keyOrPattern) {
    if (policy.linkAccess() == LinkAccess.REFUSED) {
      throw new PolicyViolationException(Require.format("links are refused for %s objects (%s "
          + "data is never served through CloudFront): '%s'", policy.kind(), policy.dataClass(),
          keyOrPattern), bucket, keyOrPattern, policy.kind());
    }
  }

  private static int firstWildcard(String pattern) {
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '*' || c == '?') {
        return i;
      }
    }
    return pattern.length();
  }

  /**
   * Returns when a link to an object of {@code policy} asked for {@code lifetime} expires, in
   * epoch seconds: never sooner than asked.
   *
   * @throws IllegalArgumentException if the lifetime is under a second, over the kind's maximum,
   *     or over {@link #MAX_LIFETIME}
   */
  long expires(StoragePolicy policy, Duration lifetime) {
    Require.nonNull(lifetime, "lifetime");
    Require.argument(lifetime.compareTo(Duration.ofSeconds(1)) >= 0, "lifetime must be at least 1 "
        + "second, but was %s", lifetime);
    Duration maximum = MAX_LIFETIME;
    if (policy.linkAccess() == LinkAccess.SHORT_LIVED) {
      maximum = settings.shortLivedMaximum();
      Require.argument(lifetime.compareTo(maximum) <= 0, "lifetime of %s links must be at most "
          + "%s, but was %s", policy.kind(), maximum, lifetime);
    }
    Require.argument(lifetime.compareTo(MAX_LIFETIME) <= 0, "lifetime must be at most %s, but was "
        + "%s", MAX_LIFETIME, lifetime);
    return LinkExpiry.expires(clock.millis(), ceilMillis(lifetime),
        settings.linkWindow().getSeconds(), maximum.toMillis(),
        settings.minimumRemainingLifetime().toMillis());
  }

  /** Returns the current time, epoch milliseconds, by the instance's clock. */
  long nowMillis() {
    return clock.millis();
  }

  private static long ceilMillis(Duration lifetime) {
    long millis = lifetime.toMillis();
    return lifetime.minusMillis(millis).isZero() ? millis : millis + 1;
  }
}
