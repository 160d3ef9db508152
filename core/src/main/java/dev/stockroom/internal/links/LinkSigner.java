package dev.stockroom.internal.links;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.stockroom.exception.LinkSigningException;
import dev.stockroom.internal.CachedCheck;
import dev.stockroom.internal.metrics.Meters;
import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.links.SignedCookies;
import dev.stockroom.links.SignedLink;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.validation.Require;
import java.time.Clock;
import java.time.Instant;

/**
 * Signs canned-policy URLs, custom-policy URLs and cookies, keeping each canned URL and cookie
 * set for its window, so that a warm request costs a cache lookup instead of a signature. A link
 * is the same link when the object (or pattern), the expiry and the signing key are.
 */
final class LinkSigner {

  private record LinkId(String key, long expires, String keyPairId) {}

  private final String bucket;
  private final CloudFrontSettings settings;
  private final Cache<LinkId, SignedLink> urls;
  private final Cache<LinkId, SignedCookies> cookies;
  private final Meters meters;

  LinkSigner(String bucket, CloudFrontSettings settings, Clock clock, Meters meters) {
    this.bucket = bucket;
    this.meters = meters;
    this.settings = settings;
    this.urls = Caffeine.newBuilder().maximumSize(settings.cacheSize())
        .expireAfterWrite(settings.linkWindow()).ticker(CachedCheck.ticker(clock)).build();
    this.cookies = Caffeine.newBuilder().maximumSize(Math.min(settings.cacheSize(), 10_000))
        .expireAfterWrite(settings.linkWindow()).ticker(CachedCheck.ticker(clock)).build();
  }

  /** Returns the canned-policy URL of {@code key} expiring at {@code expires}, cached. */
  SignedLink canned(StoragePolicy policy, String key, long expires, SigningKey signer) {
    boolean[] signed = new boolean[1];
    SignedLink link = urls.get(new LinkId(key, expires, signer.id()), id -> {
      signed[0] = true;
      String resource = ResourceUrls.forKey(settings.domain(), key);
      String signature = sign(CloudFrontSigning.cannedPolicy(resource, expires), signer, key);
      return new SignedLink(resource + "?Expires=" + expires + "&Signature=" + signature
          + "&Key-Pair-Id=" + signer.id() + signer.urlSuffix(), resource, policy.kind(), Instant.ofEpochSecond(expires),
          signer.id());
    });
    meters.link("url", !signed[0]);
    return link;
  }

  /**
   * Returns a custom-policy URL with the given conditions (not cached: each is its own policy).
   *
   * @param activeFrom epoch seconds before which CloudFront refuses the URL, or null
   * @param ipRange the IPv4 range it is accepted from, or null
   */
  SignedLink custom(StoragePolicy policy, String key, long expires, Long activeFrom,
      String ipRange, SigningKey signer) {
    String resource = ResourceUrls.forKey(settings.domain(), key);
    String policyJson = CloudFrontSigning.customPolicy(resource, expires, activeFrom, ipRange);
    String url = resource + "?Policy=" + CloudFrontSigning.urlSafe(policyJson.getBytes(UTF_8))
        + "&Signature=" + sign(policyJson, signer, key) + "&Key-Pair-Id=" + signer.id()
        + signer.urlSuffix();
    meters.link("custom-url", false);
    return new SignedLink(url, resource, policy.kind(), Instant.ofEpochSecond(expires),
        signer.id());
  }

  /** Returns signed cookies for {@code pattern} expiring at {@code expires}, cached. */
  SignedCookies cookies(String pattern, long expires, SigningKey signer) {
    boolean[] signed = new boolean[1];
    SignedCookies result = cookies.get(new LinkId(pattern, expires, signer.id()), id -> {
      signed[0] = true;
      String resource = ResourceUrls.forPattern(settings.domain(), pattern);
      String policyJson = CloudFrontSigning.customPolicy(resource, expires, null, null);
      return new SignedCookies(resource, CloudFrontSigning.urlSafe(policyJson.getBytes(UTF_8)),
          sign(policyJson, signer, pattern), signer.id(), signer.hash(),
          Instant.ofEpochSecond(expires), settings.cookieDomain(), settings.cookiePath());
    });
    meters.link("cookies", !signed[0]);
    return result;
  }

  /** Returns how many signed URLs are cached now. */
  long cachedLinks() {
    urls.cleanUp();
    return urls.estimatedSize();
  }

  private String sign(String policyJson, SigningKey signer, String keyOrPattern) {
    try {
      return CloudFrontSigning.sign(policyJson, signer);
    } catch (java.security.GeneralSecurityException e) {
      throw new LinkSigningException(Require.format("could not sign a link to '%s' with CloudFront "
          + "key pair '%s' (%s)", keyOrPattern, signer.id(), e.getClass().getSimpleName()),
          signer.id(), bucket, keyOrPattern, e);
    }
  }
}
