package dev.stockroom.internal.links;

import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.metrics.Meters;
import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.links.LinkConditions;
import dev.stockroom.links.Links;
import dev.stockroom.links.SignedCookies;
import dev.stockroom.links.SignedLink;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.validation.Require;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Links as the caller asks for them: what may be linked and for how long ({@link LinkRules}),
 * signed with the active key pair ({@link KeyRing}) by a caching {@link LinkSigner}.
 */
public final class DefaultLinks implements Links {

  private final String bucket;
  private final CloudFrontSettings settings;
  private final OpenGuard guard;
  private final LinkRules rules;
  private final KeyRing keys;
  private final LinkSigner signer;
  private final KeyCheck keyCheck;

  public DefaultLinks(String bucket, CloudFrontSettings settings, PolicyCatalog catalog,
      Clock clock, OpenGuard guard, Meters meters, Supplier<CloudFrontClient> cloudFront,
      Duration checkInterval) {
    this.keyCheck = settings.keyCheck() ? settings.distributionId().map(id -> new KeyCheck(bucket,
        id, cloudFront, checkInterval, clock)).orElse(null) : null;
    this.bucket = bucket;
    this.settings = settings;
    this.guard = guard;
    this.rules = new LinkRules(bucket, catalog, settings, clock);
    this.keys = new KeyRing(settings);
    this.signer = new LinkSigner(bucket, settings, clock, meters);
  }

  @Override
  public SignedLink url(StoredObject object, Duration lifetime) {
    Require.nonNull(object, "object");
    Require.argument(object.bucket().equals(bucket), "object is in bucket '%s', but links are "
        + "signed for bucket '%s'", object.bucket(), bucket);
    return url(object.key(), lifetime);
  }

  @Override
  public SignedLink url(String key, Duration lifetime) {
    guard.check();
    StoragePolicy policy = rules.linkable(key);
    return signer.canned(policy, key, rules.expires(policy, lifetime), checked(keys.active()));
  }

  @Override
  public SignedLink url(String key, Duration lifetime, LinkConditions conditions) {
    guard.check();
    Require.nonNull(conditions, "conditions");
    StoragePolicy policy = rules.linkable(key);
    long expires = rules.expires(policy, lifetime);
    Long activeFrom = conditions.activeFrom().map(Instant::getEpochSecond).orElse(null);
    Require.argument(activeFrom == null || activeFrom < expires, "activeFrom must be before the "
        + "link's expiry (%s), but was %s", Instant.ofEpochSecond(expires),
        conditions.activeFrom().orElse(null));
    return signer.custom(policy, key, expires, activeFrom, conditions.ipRange().orElse(null),
        checked(keys.active()));
  }

  @Override
  public SignedCookies cookies(String pathPattern, Duration lifetime) {
    guard.check();
    StoragePolicy policy = rules.linkablePattern(pathPattern);
    return signer.cookies(pathPattern, rules.expires(policy, lifetime), checked(keys.active()));
  }

  /** Returns {@code key} once CloudFront is known to accept what it signs (when checked). */
  private SigningKey checked(SigningKey key) {
    if (keyCheck != null) {
      keyCheck.check(key);
    }
    return key;
  }

  @Override
  public String activeKeyPairId() {
    return keys.active().id();
  }

  @Override
  public void rotateTo(String keyPairId) {
    keys.rotateTo(keyPairId);
  }

  /** Returns how many signed links are cached now (for tests and metrics). */
  public long cachedLinks() {
    return signer.cachedLinks();
  }

  @Override
  public String toString() {
    return "Links{domain=" + settings.domain() + ", activeKeyPairId=" + activeKeyPairId() + '}';
  }
}
