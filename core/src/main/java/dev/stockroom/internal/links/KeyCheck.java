package dev.stockroom.internal.links;

import dev.stockroom.exception.LinkSigningException;
import dev.stockroom.validation.Require;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionConfig;
import software.amazon.awssdk.services.cloudfront.model.TrustedKeyGroups;

/**
 * Checks, before a key pair signs its first link, that CloudFront will accept what it signs: the
 * key pair id is a public key in a trusted key group of the distribution, and the private key
 * matches that public key (a challenge signed with one verifies with the other). Asked once per
 * key pair and kept for the check interval; a key pair CloudFront would refuse is refused here
 * with the reason, instead of producing links that fail in the browser. When CloudFront cannot be
 * asked (network, permissions), links are signed anyway with one WARN: a check must not take the
 * shop's pages down.
 */
final class KeyCheck {

  private static final Logger log = LoggerFactory.getLogger(KeyCheck.class);
  private static final int MAX_PEM = 16 * 1024;

  private final String bucket;
  private final String distributionId;
  private final Supplier<CloudFrontClient> cloudFront;
  private final Duration interval;
  private final Clock clock;
  /** Key pair id to the time its check expires, in the clock's milliseconds. */
  private final Map<String, Long> checkedUntil = new ConcurrentHashMap<>();
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  KeyCheck(String bucket, String distributionId, Supplier<CloudFrontClient> cloudFront,
      Duration interval, Clock clock) {
    this.bucket = bucket;
    this.distributionId = distributionId;
    this.cloudFront = cloudFront;
    this.interval = interval;
    this.clock = clock;
  }

  /**
   * Returns when {@code key} may sign; asks CloudFront when its last check expired.
   *
   * @throws LinkSigningException if CloudFront would refuse what {@code key} signs
   */
  void check(SigningKey key) {
    Long until = checkedUntil.get(key.id());
    if (until != null && until > clock.millis()) {
      return;
    }
    synchronized (this) {
      until = checkedUntil.get(key.id());
      if (until != null && until > clock.millis()) {
        return;
      }
      String problem;
      try {
        problem = problem(key);
      } catch (SdkException e) {
        if (warned.add(key.id())) {
          log.warn("Could not check CloudFront key pair {} against distribution {} ({}); links "
              + "are signed unchecked", key.id(), distributionId, e.getClass().getSimpleName());
        }
        return;
      }
      if (problem != null) {
        throw new LinkSigningException(problem, key.id(), bucket, null, null);
      }
      checkedUntil.put(key.id(), clock.millis() + interval.toMillis());
    }
  }

  private String problem(SigningKey key) {
    CloudFrontClient client = cloudFront.get();
    DistributionConfig config = client.getDistributionConfig(r -> r.id(distributionId))
        .distributionConfig();
    Set<String> groups = trustedKeyGroups(config);
    if (groups.isEmpty()) {
      return Require.format("CloudFront distribution '%s' trusts no key group: links signed with "
          + "key pair '%s' would be refused; add a trusted key group to its cache behaviors",
          distributionId, key.id());
    }
    List<String> trusted = new ArrayList<>();
    for (String group : groups) {
      trusted.addAll(client.getKeyGroup(r -> r.id(group)).keyGroup().keyGroupConfig().items());
    }
    if (!trusted.contains(key.id())) {
      return Require.format("key pair '%s' is not a public key of the key groups %s that "
          + "CloudFront distribution '%s' trusts (their keys: %s): CloudFront would refuse its "
          + "links", key.id(), groups, distributionId, trusted);
    }
    String pem = client.getPublicKey(r -> r.id(key.id())).publicKey().publicKeyConfig()
        .encodedKey();
    return matches(key, pem) ? null : Require.format("the private key of key pair '%s' does not "
        + "match the public key CloudFront holds for it: CloudFront would refuse its links; "
        + "configure the private key that belongs to '%s'", key.id(), key.id());
  }

  private static Set<String> trustedKeyGroups(DistributionConfig config) {
    Set<String> groups = new LinkedHashSet<>();
    add(groups, config.defaultCacheBehavior() == null ? null
        : config.defaultCacheBehavior().trustedKeyGroups());
    if (config.cacheBehaviors() != null && config.cacheBehaviors().hasItems()) {
      for (CacheBehavior behavior : config.cacheBehaviors().items()) {
        add(groups, behavior.trustedKeyGroups());
      }
    }
    return groups;
  }

  private static void add(Set<String> groups, TrustedKeyGroups trusted) {
    if (trusted != null && Boolean.TRUE.equals(trusted.enabled()) && trusted.hasItems()) {
      groups.addAll(trusted.items());
    }
  }

  /** Signs a random challenge with the private key and verifies it with CloudFront's public key. */
  private static boolean matches(SigningKey key, String pem) {
    try {
      PublicKey publicKey = publicKey(pem, key.privateKey().getAlgorithm());
      byte[] challenge = new byte[32];
      new SecureRandom().nextBytes(challenge);
      Signature signer = Signature.getInstance(key.algorithm());
      signer.initSign(key.privateKey());
      signer.update(challenge);
      Signature verifier = Signature.getInstance(key.algorithm());
      verifier.initVerify(publicKey);
      verifier.update(challenge);
      return verifier.verify(signer.sign());
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
  }

  private static PublicKey publicKey(String pem, String algorithm)
      throws GeneralSecurityException {
    Require.argument(pem != null && pem.length() <= MAX_PEM, "not a public key");
    int begin = pem.indexOf("-----BEGIN PUBLIC KEY-----");
    int end = pem.indexOf("-----END PUBLIC KEY-----");
    Require.argument(begin >= 0 && end > begin, "not a PEM public key");
    String base64 = pem.substring(begin + "-----BEGIN PUBLIC KEY-----".length(), end)
        .replaceAll("\\s", "");
    byte[] der = Base64.getDecoder().decode(base64.getBytes(StandardCharsets.US_ASCII));
    return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
  }
}
