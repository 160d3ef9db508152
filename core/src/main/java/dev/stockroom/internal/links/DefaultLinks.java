package dev.stockroom.internal.links;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockroom.PolicyViolationException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.ObjectKeys;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.Require;
import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.links.LinkConditions;
import dev.stockroom.links.Links;
import dev.stockroom.links.SignedCookies;
import dev.stockroom.links.SignedLink;
import dev.stockroom.policy.LinkAccess;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.StoredObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Signs CloudFront URLs and cookies, refusing kinds whose policy forbids links, and keeps each
 * signed link for its window so that a warm request costs a cache lookup instead of an RSA
 * signature.
 */
public final class DefaultLinks implements Links, SdkAutoCloseable {

  /** A link is the same link when the object, the expiry and the signing key are. */
  private record LinkId(String key, long expires, String keyPairId) {}

  private final String bucket;
  private final CloudFrontSettings settings;
  private final PolicyCatalog catalog;
  private final Clock clock;
  private final OpenGuard guard;
  private final Map<String, SigningKey> keys;
  private volatile SigningKey active;
  private final Cache<LinkId, SignedLink> urls;
  private final Cache<LinkId, SignedCookies> cookieCache;
  private final InvalidationBatcher invalidations;

  public DefaultLinks(String bucket, CloudFrontSettings settings, PolicyCatalog catalog,
      Clock clock, Supplier<CloudFrontClient> cloudFront, OpenGuard guard) {
    this.bucket = bucket;
    this.settings = settings;
    this.catalog = catalog;
    this.clock = clock;
    this.guard = guard;
    Map<String, SigningKey> signingKeys = new LinkedHashMap<>();
    settings.keys().forEach((id, key) -> signingKeys.put(id, SigningKey.of(id, key)));
    this.keys = Collections.unmodifiableMap(signingKeys);
    this.active = keys.get(settings.activeKeyPairId());
    Duration window = settings.linkWindow();
    this.urls = Caffeine.newBuilder().maximumSize(settings.cacheSize()).expireAfterWrite(window)
        .build();
    this.cookieCache = Caffeine.newBuilder().maximumSize(Math.min(settings.cacheSize(), 10_000))
        .expireAfterWrite(window).build();
    this.invalidations = settings.distributionId().map(id -> new InvalidationBatcher(id,
        cloudFront, settings.invalidationDelay())).orElse(null);
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
    StoragePolicy policy = linkable(key);
    long expires = expires(policy, lifetime);
    SigningKey signer = active;
    return urls.get(new LinkId(key, expires, signer.id()), id -> sign(policy, id, signer));
  }

  @Override
  public SignedLink url(String key, Duration lifetime, LinkConditions conditions) {
    guard.check();
    Require.nonNull(conditions, "conditions");
    StoragePolicy policy = linkable(key);
    long expires = expires(policy, lifetime);
    ObjectKeys.check(key, "key");
    SigningKey signer = active;
    String resource = ResourceUrls.forKey(settings.domain(), key);
    String policyJson = CloudFrontSigning.customPolicy(resource, expires,
        conditions.activeFrom().map(Instant::getEpochSecond).orElse(null),
        conditions.ipRange().orElse(null));
    String url = resource + "?Policy=" + CloudFrontSigning.urlSafe(policyJson.getBytes(
        UTF_8)) + "&Signature="
        + CloudFrontSigning.sign(policyJson, signer) + "&Key-Pair-Id=" + signer.id();
    return new SignedLink(url, resource, policy.kind(), Instant.ofEpochSecond(expires),
        signer.id());
  }

  private SignedLink sign(StoragePolicy policy, LinkId id, SigningKey signer) {
    ObjectKeys.check(id.key(), "key");
    String resource = ResourceUrls.forKey(settings.domain(), id.key());
    String signature = CloudFrontSigning.sign(
        CloudFrontSigning.cannedPolicy(resource, id.expires()), signer);
    String url = resource + "?Expires=" + id.expires() + "&Signature=" + signature
        + "&Key-Pair-Id=" + signer.id();
    return new SignedLink(url, resource, policy.kind(), Instant.ofEpochSecond(id.expires()),
        signer.id());
  }

  @Override
  public SignedCookies cookies(String pathPattern, Duration lifetime) {
    guard.check();
    Require.nonNull(pathPattern, "pathPattern");
    StoragePolicy policy = patternPolicy(pathPattern);
    refuseIfUnlinkable(policy, pathPattern);
    long expires = expires(policy, lifetime);
    SigningKey signer = active;
    return cookieCache.get(new LinkId(pathPattern, expires, signer.id()), id -> {
      String resource = ResourceUrls.forPattern(settings.domain(), pathPattern);
      String policyJson = CloudFrontSigning.customPolicy(resource, expires, null, null);
      return new SignedCookies(resource,
          CloudFrontSigning.urlSafe(policyJson.getBytes(UTF_8)),
          CloudFrontSigning.sign(policyJson, signer), signer.id(), Instant.ofEpochSecond(expires),
          settings.cookieDomain(), settings.cookiePath());
    });
  }

  @Override
  public CompletableFuture<String> invalidate(Collection<String> objectKeys) {
    return Futures.capture(() -> {
      guard.check();
      Require.nonNull(objectKeys, "keys");
      Require.state(invalidations != null, "invalidations need the distribution id: set "
          + "distributionId in the CloudFront settings");
      List<String> paths = objectKeys.stream()
          .map(key -> ResourceUrls.path(ObjectKeys.check(key, "key"))).toList();
      return paths.isEmpty() ? CompletableFuture.completedFuture("")
          : invalidations.add(paths);
    });
  }

  @Override
  public String activeKeyPairId() {
    return active.id();
  }

  @Override
  public void rotateTo(String keyPairId) {
    Require.nonNull(keyPairId, "keyPairId");
    SigningKey next = keys.get(keyPairId);
    Require.argument(next != null, "keyPairId must be one of %s, but was %s",
        keys.keySet(), keyPairId);
    active = next;
  }

  /** Returns the policy of {@code key} if links to it are allowed. */
  private StoragePolicy linkable(String key) {
    Require.nonNull(key, "key");
    StoragePolicy policy = catalog.classify(key);
    refuseIfUnlinkable(policy, key);
    return policy;
  }

  private void refuseIfUnlinkable(StoragePolicy policy, String keyOrPattern) {
    if (policy.linkAccess() == LinkAccess.REFUSED) {
      throw new PolicyViolationException("links are refused for " + policy.kind() + " objects ("
          + policy.dataClass() + " data is never served through CloudFront): '" + keyOrPattern
          + "'", bucket, keyOrPattern, policy.kind());
    }
  }

  /** Returns the single kind whose prefix holds everything {@code pattern} can match. */
  private StoragePolicy patternPolicy(String pattern) {
    int wildcard = firstWildcard(pattern);
    String literal = pattern.substring(0, wildcard);
    ObjectKeys.problem(literal.isEmpty() ? "x" : literal).ifPresent(problem -> {
      throw new IllegalArgumentException("pathPattern " + problem + ", but was '"
          + ObjectKeys.printable(pattern) + "'");
    });
    return catalog.find(literal).orElseThrow(() -> new IllegalArgumentException("pathPattern must "
        + "lie under one kind's prefix (e.g. 'media/product-images/sku-1/*'), but was '"
        + pattern + "'"));
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

  private long expires(StoragePolicy policy, Duration lifetime) {
    Require.nonNull(lifetime, "lifetime");
    Require.argument(lifetime.getSeconds() >= 1, "lifetime must be at least 1 second, but was %s",
        lifetime);
    long maximum = Long.MAX_VALUE / 4;
    if (policy.linkAccess() == LinkAccess.SHORT_LIVED) {
      Duration max = settings.shortLivedMaximum();
      Require.argument(lifetime.compareTo(max) <= 0, "lifetime of %s links must be at most %s, "
          + "but was %s", policy.kind(), max, lifetime);
      maximum = max.getSeconds();
    }
    return LinkExpiry.expires(clock.millis() / 1000, lifetime.getSeconds(),
        settings.linkWindow().getSeconds(), maximum,
        settings.minimumRemainingLifetime().getSeconds());
  }

  /** Returns how many signed links are cached now (for tests and metrics). */
  public long cachedLinks() {
    urls.cleanUp();
    return urls.estimatedSize();
  }

  /** Sends pending invalidations and stops their timer. */
  @Override
  public void close() {
    if (invalidations != null) {
      invalidations.close();
    }
  }

  @Override
  public String toString() {
    return "Links{domain=" + settings.domain() + ", activeKeyPairId=" + active.id() + '}';
  }
}
