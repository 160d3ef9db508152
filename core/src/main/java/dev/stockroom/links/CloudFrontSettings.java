package dev.stockroom.links;

import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * How Stockroom signs CloudFront links: the distribution's domain, the key pairs (one active for
 * signing, others kept for rotation), the window links are rounded to, and lifetimes. Its
 * {@code toString()} never shows a key.
 */
public final class CloudFrontSettings {

  private static final Pattern DOMAIN = Pattern.compile(
      "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");
  private static final Pattern KEY_PAIR_ID = Pattern.compile("[A-Z0-9]{1,128}");

  private final String domain;
  private final Map<String, PrivateKey> keys;
  private final String activeKeyPairId;
  private final Duration linkWindow;
  private final HashAlgorithm hashAlgorithm;
  private final boolean keyCheck;
  private final Duration minimumRemainingLifetime;
  private final Duration shortLivedMaximum;
  private final long cacheSize;
  private final String cookieDomain;
  private final String cookiePath;
  private final String distributionId;
  private final Duration invalidationDelay;
  private final CloudFrontClient cloudFrontClient;

  private CloudFrontSettings(Builder b) {
    this.domain = b.domain;
    this.keys = Collections.unmodifiableMap(new LinkedHashMap<>(b.keys));
    this.activeKeyPairId = b.activeKeyPairId != null ? b.activeKeyPairId
        : b.keys.keySet().iterator().next();
    this.linkWindow = b.linkWindow;
    this.hashAlgorithm = b.hashAlgorithm;
    this.keyCheck = b.keyCheck;
    this.minimumRemainingLifetime = b.minimumRemainingLifetime;
    this.shortLivedMaximum = b.shortLivedMaximum;
    this.cacheSize = b.cacheSize;
    this.cookieDomain = b.cookieDomain != null ? b.cookieDomain : b.domain;
    this.cookiePath = b.cookiePath;
    this.distributionId = b.distributionId;
    this.invalidationDelay = b.invalidationDelay;
    this.cloudFrontClient = b.cloudFrontClient;
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.domain = domain;
    b.keys.putAll(keys);
    b.activeKeyPairId = activeKeyPairId;
    b.linkWindow = linkWindow;
    b.hashAlgorithm = hashAlgorithm;
    b.keyCheck = keyCheck;
    b.minimumRemainingLifetime = minimumRemainingLifetime;
    b.shortLivedMaximum = shortLivedMaximum;
    b.cacheSize = cacheSize;
    b.cookieDomain = cookieDomain.equals(domain) ? null : cookieDomain;
    b.cookiePath = cookiePath;
    b.distributionId = distributionId;
    b.invalidationDelay = invalidationDelay;
    b.cloudFrontClient = cloudFrontClient;
    return b;
  }

  /** Returns the distribution's domain ({@code d111111abcdef8.cloudfront.net} or your own). */
  public String domain() {
    return domain;
  }

  /** Returns the private keys by key pair id (public key id of the CloudFront key group). */
  public Map<String, PrivateKey> keys() {
    return keys;
  }

  /** Returns the key pair id links are signed with. */
  public String activeKeyPairId() {
    return activeKeyPairId;
  }

  /** Returns the window expiries are rounded up to. */
  public Duration linkWindow() {
    return linkWindow;
  }

  /**
   * Returns whether each key pair is checked against the distribution (with {@link
   * #distributionId()}) before it signs its first link.
   */
  public boolean keyCheck() {
    return keyCheck;
  }

  /** Returns the hash signatures are made with (SHA-1 unless SHA-256 was asked for). */
  public HashAlgorithm hashAlgorithm() {
    return hashAlgorithm;
  }

  /** Returns the least lifetime a link is handed out with. */
  public Duration minimumRemainingLifetime() {
    return minimumRemainingLifetime;
  }

  /** Returns the longest lifetime of links to SHORT_LIVED kinds (user uploads). */
  public Duration shortLivedMaximum() {
    return shortLivedMaximum;
  }

  /** Returns the most signed links kept in memory. */
  public long cacheSize() {
    return cacheSize;
  }

  /** Returns the Domain attribute of signed cookies. */
  public String cookieDomain() {
    return cookieDomain;
  }

  /** Returns the Path attribute of signed cookies. */
  public String cookiePath() {
    return cookiePath;
  }

  /** Returns the distribution id, needed for invalidations. */
  public Optional<String> distributionId() {
    return Optional.ofNullable(distributionId);
  }

  /** Returns how long invalidations are gathered before one request is sent. */
  public Duration invalidationDelay() {
    return invalidationDelay;
  }

  /** Returns the caller's CloudFront client for invalidations, if given. */
  public Optional<CloudFrontClient> cloudFrontClient() {
    return Optional.ofNullable(cloudFrontClient);
  }

  @Override
  public String toString() {
    return "CloudFrontSettings{domain=" + domain + ", keyPairIds=" + keys.keySet()
        + ", activeKeyPairId=" + activeKeyPairId + ", hashAlgorithm=" + hashAlgorithm
        + ", linkWindow=" + linkWindow
        + ", shortLivedMaximum=" + shortLivedMaximum + ", distributionId=" + distributionId + '}';
  }

  /** Builds {@link CloudFrontSettings}; each setter checks its value. */
  public static final class Builder {
    private String domain;
    private final Map<String, PrivateKey> keys = new LinkedHashMap<>();
    private String activeKeyPairId;
    private Duration linkWindow = Duration.ofMinutes(10);
    private HashAlgorithm hashAlgorithm = HashAlgorithm.SHA1;
    private boolean keyCheck = true;
    private Duration minimumRemainingLifetime = Duration.ofMinutes(1);
    private Duration shortLivedMaximum = Duration.ofMinutes(15);
    private long cacheSize = 100_000;
    private String cookieDomain;
    private String cookiePath = "/";
    private String distributionId;
    private Duration invalidationDelay = Duration.ofSeconds(1);
    private CloudFrontClient cloudFrontClient;

    private Builder() {}

    /**
     * Sets the distribution's domain name (required), without scheme or path.
     *
     * @throws IllegalArgumentException if it is not a lowercase host name
     */
    public Builder domain(String domain) {
      Require.nonNull(domain, "domain");
      Require.argument(DOMAIN.matcher(domain).matches(), "domain must be a lowercase host name "
          + "such as d111111abcdef8.cloudfront.net, but was '%s'", domain);
      this.domain = domain;
      return this;
    }

    /**
     * Adds a key pair: the id CloudFront knows the public key by, and the private key. The first
     * key added signs unless {@link #activeKeyPairId} says otherwise.
     *
     * @throws IllegalArgumentException if the id is not a CloudFront key id or the key is neither
     *     RSA nor EC
     */
    public Builder keyPair(String keyPairId, PrivateKey privateKey) {
      checkKeyPairId(keyPairId);
      Require.nonNull(privateKey, "privateKey");
      Require.argument("RSA".equals(privateKey.getAlgorithm())
          || "EC".equals(privateKey.getAlgorithm()), "privateKey must be an RSA or EC key, but was "
          + "%s", privateKey.getAlgorithm());
      keys.put(keyPairId, privateKey);
      return this;
    }

    /**
     * Adds a key pair whose private key is a PEM file (PKCS#8, PKCS#1 or SEC 1).
     *
     * @throws IllegalArgumentException naming the file if it cannot be read as a private key
     */
    public Builder keyPair(String keyPairId, Path pemFile) {
      checkKeyPairId(keyPairId);
      Require.nonNull(pemFile, "privateKey");
      Require.argument(Files.isRegularFile(pemFile), "privateKey file does not exist: '%s'",
          pemFile);
      String source = Require.format("'%s'", pemFile);
      byte[] bytes;
      try {
        PemKeys.checkFileSize(Files.size(pemFile), source);
        // Bounded even if the file grows after its size was checked.
        try (var in = Files.newInputStream(pemFile)) {
          bytes = in.readNBytes(PemKeys.MAX_LENGTH + 1);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(
            Require.format("cannot read privateKey file '%s'", pemFile), e);
      }
      // ISO-8859-1 maps every byte to one character, so a binary (DER) file reaches PemKeys
      // intact and gets a message saying how to convert it.
      return keyPair(keyPairId, PemKeys.read(new String(bytes, StandardCharsets.ISO_8859_1),
          source));
    }

    /**
     * Adds a key pair whose private key is PEM text (e.g. from a secret store).
     *
     * @throws IllegalArgumentException if the text cannot be read as a private key; the message
     *     never repeats the text
     */
    public Builder keyPairPem(String keyPairId, String pem) {
      checkKeyPairId(keyPairId);
      Require.nonNull(pem, "privateKey");
      return keyPair(keyPairId, PemKeys.read(pem, "the PEM text of key pair " + keyPairId));
    }

    /** Sets which key pair signs; it must be one added. */
    public Builder activeKeyPairId(String keyPairId) {
      this.activeKeyPairId = checkKeyPairId(keyPairId);
      return this;
    }

    /**
     * Checks each key pair against the distribution before it signs its first link (default on,
     * when {@link #distributionId} is set): through the CloudFront API, that the key pair id is a
     * public key in one of the distribution's trusted key groups and that the private key matches
     * it. Needs {@code cloudfront:GetDistributionConfig}, {@code GetKeyGroup} and {@code
     * GetPublicKey}.
     */
    public Builder keyCheck(boolean check) {
      this.keyCheck = check;
      return this;
    }

    /**
     * Signs with {@code algorithm} (default SHA-1, CloudFront's default). With SHA-256, URLs
     * carry {@code Hash-Algorithm=SHA256} and cookies {@code CloudFront-Hash-Algorithm=SHA256}.
     */
    public Builder hashAlgorithm(HashAlgorithm algorithm) {
      this.hashAlgorithm = Require.nonNull(algorithm, "hashAlgorithm");
      return this;
    }

    /**
     * Sets the window link expiries are rounded up to (default 10 minutes): every request inside
     * one window gets the identical URL.
     *
     * @throws IllegalArgumentException unless between 1 second and 1 day
     */
    public Builder linkWindow(Duration window) {
      this.linkWindow = between(window, "linkWindow", Duration.ofSeconds(1), Duration.ofDays(1));
      return this;
    }

    /** Sets the least lifetime a link is handed out with (default 1 minute). */
    public Builder minimumRemainingLifetime(Duration lifetime) {
      this.minimumRemainingLifetime = between(lifetime, "minimumRemainingLifetime",
          Duration.ofSeconds(1), Duration.ofDays(1));
      return this;
    }

    /** Sets the longest lifetime of links to user uploads (default 15 minutes). */
    public Builder shortLivedMaximum(Duration maximum) {
      this.shortLivedMaximum = between(maximum, "shortLivedMaximum", Duration.ofSeconds(1),
          Duration.ofDays(7));
      return this;
    }

    /** Sets the most signed links kept in memory (default 100,000). */
    public Builder cacheSize(long size) {
      Require.argument(size >= 0, "cacheSize must not be negative, but was %s", size);
      this.cacheSize = size;
      return this;
    }

    /** Sets the Domain attribute of signed cookies (default: the distribution's domain). */
    public Builder cookieDomain(String cookieDomain) {
      Require.nonNull(cookieDomain, "cookieDomain");
      String host = cookieDomain.startsWith(".") ? cookieDomain.substring(1) : cookieDomain;
      Require.argument(DOMAIN.matcher(host).matches(), "cookieDomain must be a host name, but "
          + "was '%s'", cookieDomain);
      this.cookieDomain = cookieDomain;
      return this;
    }

    /** Sets the Path attribute of signed cookies (default "/"). */
    public Builder cookiePath(String cookiePath) {
      Require.nonNull(cookiePath, "cookiePath");
      Require.argument(cookiePath.startsWith("/") && cookiePath.chars().allMatch(
          c -> c > 0x20 && c < 0x7f && c != ';'), "cookiePath must start with '/' and hold no "
          + "spaces, ';' or control characters, but was '%s'", cookiePath);
      this.cookiePath = cookiePath;
      return this;
    }

    /** Sets the distribution id, needed for {@link Links#invalidate}. */
    public Builder distributionId(String distributionId) {
      Require.nonNull(distributionId, "distributionId");
      Require.argument(KEY_PAIR_ID.matcher(distributionId).matches(),
          "distributionId must be uppercase letters and digits, but was '%s'", distributionId);
      this.distributionId = distributionId;
      return this;
    }

    /** Sets how long invalidations are gathered into one request (default 1 second). */
    public Builder invalidationDelay(Duration delay) {
      this.invalidationDelay = between(delay, "invalidationDelay", Duration.ZERO,
          Duration.ofMinutes(10));
      return this;
    }

    /** Uses the caller's CloudFront client for invalidations; Stockroom will not close it. */
    public Builder cloudFrontClient(CloudFrontClient client) {
      this.cloudFrontClient = Require.nonNull(client, "cloudFrontClient");
      return this;
    }

    /**
     * Returns the settings.
     *
     * @throws IllegalArgumentException if the domain or every key pair is missing, or the active
     *     key pair id names no key pair added
     */
    public CloudFrontSettings build() {
      Require.argument(domain != null, "cloudFront domain must be set");
      Require.argument(!keys.isEmpty(), "cloudFront needs at least one key pair");
      Require.argument(activeKeyPairId == null || keys.containsKey(activeKeyPairId),
          "activeKeyPairId must be one of %s, but was %s", keys.keySet(), activeKeyPairId);
      return new CloudFrontSettings(this);
    }

    private static String checkKeyPairId(String keyPairId) {
      Require.nonNull(keyPairId, "keyPairId");
      Require.argument(KEY_PAIR_ID.matcher(keyPairId).matches(),
          "keyPairId must be uppercase letters and digits, but was '%s'", keyPairId);
      return keyPairId;
    }

    private static Duration between(Duration value, String name, Duration min, Duration max) {
      Require.nonNull(value, name);
      Require.argument(value.compareTo(min) >= 0 && value.compareTo(max) <= 0,
          "%s must be between %s and %s, but was %s", name, min, max, value);
      return value;
    }
  }
}
