package dev.stockroom.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.exception.PolicyViolationException;
import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.testing.CloudFrontVerifier;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.transfer.StoredObject;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

class LinksTest {

  static final String DOMAIN = "d111111abcdef8.cloudfront.net";
  static final String KEY_ID = "K2JCJMDEHXQW5F";
  static final Instant START = Instant.parse("2026-11-22T10:03:20Z");

  private final MutableClock clock = new MutableClock(START);
  private CloudFrontVerifier verifier;
  private Stockroom stockroom;

  static Path key(String name) {
    try {
      return Path.of(LinksTest.class.getResource("/keys/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stockroom.Builder stockroom(MutableClock clock,
      Consumer<CloudFrontSettings.Builder> cloudFront) {
    return Stockroom.builder().bucket("shop-assets").region(Region.EU_WEST_1)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).clock(clock)
        .cloudFront(cf -> {
          cf.domain(DOMAIN).keyPair(KEY_ID, key("rsa-pkcs8.pem"));
          cloudFront.accept(cf);
        });
  }

  @BeforeEach
  void setUp() throws Exception {
    verifier = new CloudFrontVerifier().trust(KEY_ID, key("rsa-public.pem"))
        .trust("K2OTHERKEYPAIR", key("rsa2-public.pem")).trust("KECKEY", key("ec-public.pem"));
    stockroom = stockroom(clock, cf -> { }).build();
  }

  @AfterEach
  void tearDown() {
    stockroom.close();
  }

  @Test
  void url_isACannedPolicyUrlTheVerifierAccepts() {
    SignedLink link = stockroom.links().url("media/product-images/sku-1/front.jpg",
        Duration.ofHours(1));

    assertThat(link.resourceUrl())
        .isEqualTo("https://" + DOMAIN + "/media/product-images/sku-1/front.jpg");
    assertThat(link.url()).startsWith(link.resourceUrl() + "?Expires=")
        .contains("&Signature=").endsWith("&Key-Pair-Id=" + KEY_ID);
    assertThat(link.kind()).isEqualTo(DataKind.PRODUCT_IMAGE);
    assertThat(verifier.acceptsUrl(link.url(), START, "198.51.100.7")).isTrue();
    assertThat(link.toString()).doesNotContain("Signature").doesNotContain("Expires=");
  }

  @Test
  void url_expiry_isRoundedUpToTheWindow_andNeverShorterThanAsked() {
    SignedLink link = stockroom.links().url("media/pages/a.html", Duration.ofHours(1));
    // 10:03:20 + 1 h = 11:03:20, rounded up to the 10-minute window: 11:10:00
    assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-11-22T11:10:00Z"));
  }

  @Test
  void expiredOrTamperedLinks_areRejectedByTheVerifier() {
    SignedLink link = stockroom.links().url("media/product-images/a.jpg", Duration.ofHours(1));

    assertThat(verifier.acceptsUrl(link.url(), link.expiresAt(), "198.51.100.7")).isFalse();
    assertThat(verifier.acceptsUrl(link.url().replace("a.jpg", "b.jpg"), START, "198.51.100.7"))
        .isFalse();
    String later = link.url().replace("Expires=" + link.expiresAt().getEpochSecond(),
        "Expires=" + (link.expiresAt().getEpochSecond() + 86400));
    assertThat(verifier.acceptsUrl(later, START, "198.51.100.7")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sku 1/ä+b.jpg", "100%/x.jpg", "a&b=c?d#e.jpg", "日本/写真.png"})
  void keysWithSpecialCharacters_giveValidUrls(String name) {
    SignedLink link = stockroom.links().url("media/product-images/" + name, Duration.ofHours(1));

    assertThat(link.url()).matches("[A-Za-z0-9:/._~%?&=-]+");
    assertThat(verifier.acceptsUrl(link.url(), START, "198.51.100.7")).isTrue();
    assertThat(java.net.URI.create(link.url()).getPath())
        .isEqualTo("/media/product-images/" + name);
  }

  @Test
  void url_forAStoredObject_checksItsBucket() {
    StoredObject image = new Stored("shop-assets", "media/product-images/x.jpg");
    assertThat(verifier.acceptsUrl(stockroom.links().url(image, Duration.ofMinutes(5)).url(),
        START, "198.51.100.7")).isTrue();

    StoredObject elsewhere = new Stored("other-bucket", "media/product-images/x.jpg");
    assertThatThrownBy(() -> stockroom.links().url(elsewhere, Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("object is in bucket 'other-bucket', but links are signed for bucket "
            + "'shop-assets'");
  }

  @Test
  void customPolicy_withActiveFromAndIpRange() {
    Instant from = START.plus(Duration.ofMinutes(30));
    SignedLink link = stockroom.links().url("media/product-videos/launch.mp4", Duration.ofHours(2),
        LinkConditions.none().withActiveFrom(from).withIpRange("203.0.113.0/24"));

    assertThat(link.url()).contains("?Policy=");
    assertThat(verifier.acceptsUrl(link.url(), from, "203.0.113.9")).isTrue();
    assertThat(verifier.acceptsUrl(link.url(), START, "203.0.113.9")).isFalse();
    assertThat(verifier.acceptsUrl(link.url(), from, "198.51.100.7")).isFalse();
    assertThatThrownBy(() -> LinkConditions.none().withIpRange("2001:db8::/32"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ipRange must be an IPv4 CIDR such as 203.0.113.0/24, but was "
            + "'2001:db8::/32'");
  }

  @Test
  void cache_givesTheSameUrlInsideAWindow_andANewOneAfterIt() {
    SignedLink first = stockroom.links().url("media/product-images/a.jpg", Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(6));
    SignedLink sameWindow = stockroom.links().url("media/product-images/a.jpg",
        Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(5));
    SignedLink nextWindow = stockroom.links().url("media/product-images/a.jpg",
        Duration.ofHours(1));

    // the cached object itself: signatures are deterministic, so equal URLs would not show it
    assertThat(sameWindow).isSameAs(first);
    assertThat(nextWindow.url()).isNotEqualTo(first.url());
    assertThat(nextWindow.expiresAt()).isEqualTo(first.expiresAt().plus(Duration.ofMinutes(10)));
    assertThat(verifier.acceptsUrl(nextWindow.url(), clock.instant(), "198.51.100.7")).isTrue();
  }

  @Test
  void cache_holdsEachLink_andStaysAtItsBound() {
    try (Stockroom small = stockroom(clock, cf -> cf.cacheSize(100)).build()) {
      small.links().url("media/product-images/first.jpg", Duration.ofHours(1));
      assertThat(cachedLinks(small)).isEqualTo(1);

      for (int i = 0; i < 2_000; i++) {
        small.links().url("media/product-images/" + i + ".jpg", Duration.ofHours(1));
      }
      // cachedLinks() runs the cache's pending evictions first: the count is exact
      assertThat(cachedLinks(small)).isEqualTo(100);
    }
  }

  @Test
  void cacheEntries_lastOneWindow() {
    stockroom.links().url("media/product-images/a.jpg", Duration.ofHours(1));
    clock.advance(Duration.ofMinutes(10).minusSeconds(1));
    assertThat(cachedLinks(stockroom)).isEqualTo(1);

    clock.advance(Duration.ofSeconds(1));
    assertThat(cachedLinks(stockroom)).isZero();
  }

  @Test
  void customPolicyUrls_areNotCached() {
    LinkConditions fromAnOffice = LinkConditions.none().withIpRange("203.0.113.0/24");
    SignedLink first = stockroom.links().url("media/product-videos/launch.mp4",
        Duration.ofHours(1), fromAnOffice);
    SignedLink second = stockroom.links().url("media/product-videos/launch.mp4",
        Duration.ofHours(1), fromAnOffice);

    assertThat(second).isNotSameAs(first);
    assertThat(second.url()).isEqualTo(first.url());
    assertThat(cachedLinks(stockroom)).isZero();
  }

  private static long cachedLinks(Stockroom stockroom) {
    return ((dev.stockroom.internal.links.DefaultLinks) stockroom.links()).cachedLinks();
  }

  @Test
  void refusedKinds_getNoLinksAndNoCookies() {
    assertThatThrownBy(() -> stockroom.links().url("transactional/orders/o-1.json",
        Duration.ofMinutes(5)))
        .isInstanceOf(PolicyViolationException.class)
        .hasMessage("links are refused for ORDER objects (TRANSACTIONAL data is never served "
            + "through CloudFront): 'transactional/orders/o-1.json'");
    assertThatThrownBy(() -> stockroom.links().url("logs/audit/a.log", Duration.ofMinutes(5)))
        .isInstanceOf(PolicyViolationException.class);
    assertThatThrownBy(() -> stockroom.links().cookies("transactional/customers/*",
        Duration.ofMinutes(5)))
        .isInstanceOf(PolicyViolationException.class)
        .hasMessageContaining("links are refused for CUSTOMER objects");
    assertThatThrownBy(() -> stockroom.links().url("backups/db.sql", Duration.ofMinutes(5)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key 'backups/db.sql' lies under no known prefix");
  }

  @Test
  void userUploads_haveABoundedLifetime() {
    SignedLink link = stockroom.links().url("media/user-uploads/u1/avatar.png",
        Duration.ofMinutes(15));
    // 10:03:20 + 15 min = 10:18:20; the window boundary 10:20:00 would pass the 15-minute
    // maximum, so the link expires at the lifetime asked for, to the second
    assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-11-22T10:18:20Z"));
    assertThat(link.url()).contains("?Expires=" + Instant.parse("2026-11-22T10:18:20Z")
        .getEpochSecond() + "&");
    SignedLink short5 = stockroom.links().url("media/user-uploads/u1/avatar.png",
        Duration.ofMinutes(5));
    // 10:08:20 rounds up to the window: 10:10:00 is 6 min 40 s away, within the maximum
    assertThat(short5.expiresAt()).isEqualTo(Instant.parse("2026-11-22T10:10:00Z"));
    assertThatThrownBy(() -> stockroom.links().url("media/user-uploads/u1/avatar.png",
        Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lifetime of USER_UPLOAD links must be at most PT15M, but was PT1H");
  }

  @Test
  void cookies_coverAWildcardPath_withOneSignature() {
    SignedCookies cookies = stockroom.links().cookies("media/product-images/sku-1001/*",
        Duration.ofHours(1));

    assertThat(cookies.resource())
        .isEqualTo("https://" + DOMAIN + "/media/product-images/sku-1001/*");
    for (String image : new String[] {"front.jpg", "back.jpg", "zoom/1.jpg"}) {
      assertThat(verifier.acceptsCookies(cookies.cookies(),
          "https://" + DOMAIN + "/media/product-images/sku-1001/" + image, START)).isTrue();
    }
    assertThat(verifier.acceptsCookies(cookies.cookies(),
        "https://" + DOMAIN + "/media/product-images/sku-2002/front.jpg", START)).isFalse();
    assertThat(verifier.acceptsCookies(cookies.cookies(),
        "https://" + DOMAIN + "/media/product-images/sku-1001/front.jpg",
        cookies.expiresAt())).isFalse();
    assertThat(cookies.setCookieHeaders()).hasSize(3).allSatisfy(header -> assertThat(header)
        .contains("; Domain=" + DOMAIN + "; Path=/; Expires=").endsWith("; Secure; HttpOnly"));
    assertThat(cookies.setCookieHeaders().get(0)).startsWith("CloudFront-Policy=");
    assertThat(cookies.toString()).doesNotContain(cookies.signature())
        .doesNotContain(cookies.policy());
    assertThat(stockroom.links().cookies("media/product-images/sku-1001/*", Duration.ofHours(1)))
        .isSameAs(cookies);
  }

  @Test
  void cookieDomainAndPath_areTheSetCookieAttributes() {
    try (Stockroom shop = stockroom(clock, cf -> cf.cookieDomain(".shop.example")
        .cookiePath("/media/")).build()) {
      SignedCookies cookies = shop.links().cookies("media/product-images/sku-1001/*",
          Duration.ofHours(1));

      // 10:03:20 + 1 h rounds up to the 10-minute window: 11:10:00
      String attributes = "; Domain=.shop.example; Path=/media/; "
          + "Expires=Sun, 22 Nov 2026 11:10:00 GMT; Secure; HttpOnly";
      assertThat(cookies.setCookieHeaders()).containsExactly(
          "CloudFront-Policy=" + cookies.policy() + attributes,
          "CloudFront-Signature=" + cookies.signature() + attributes,
          "CloudFront-Key-Pair-Id=" + KEY_ID + attributes);
    }
  }

  @Test
  void cookies_patternMustLieUnderOneKind() {
    assertThatThrownBy(() -> stockroom.links().cookies("media/*", Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pathPattern must lie under one kind's prefix (e.g. "
            + "'media/product-images/sku-1/*'), but was 'media/*'");
    assertThatThrownBy(() -> stockroom.links().cookies("*", Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void rotation_signsWithTheNewKeyPair() {
    try (Stockroom rotating = stockroom(clock, cf -> cf.keyPair("K2OTHERKEYPAIR",
        key("rsa2-pkcs8.pem"))).build()) {
      SignedLink before = rotating.links().url("media/pages/a.html", Duration.ofHours(1));
      rotating.links().rotateTo("K2OTHERKEYPAIR");
      SignedLink after = rotating.links().url("media/pages/a.html", Duration.ofHours(1));

      assertThat(before.keyPairId()).isEqualTo(KEY_ID);
      assertThat(after.keyPairId()).isEqualTo("K2OTHERKEYPAIR");
      assertThat(after.url()).endsWith("&Key-Pair-Id=K2OTHERKEYPAIR");
      assertThat(verifier.acceptsUrl(after.url(), START, "198.51.100.7")).isTrue();
      assertThat(verifier.acceptsUrl(before.url(), START, "198.51.100.7")).isTrue();
      assertThatThrownBy(() -> rotating.links().rotateTo("KUNKNOWN"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("keyPairId must be one of [" + KEY_ID + ", K2OTHERKEYPAIR], but was KUNKNOWN");
    }
  }

  @Test
  void ecKeys_signToo() {
    try (Stockroom ec = Stockroom.builder().bucket("shop-assets").region(Region.EU_WEST_1)
        .clock(clock).cloudFront(cf -> cf.domain(DOMAIN).keyPair("KECKEY", key("ec-sec1.pem")))
        .build()) {
      SignedLink link = ec.links().url("media/pages/a.html", Duration.ofHours(1));
      assertThat(verifier.acceptsUrl(link.url(), START, "198.51.100.7")).isTrue();
    }
  }

  @Test
  void links_withoutCloudFront_areAStateError() {
    try (Stockroom plain = Stockroom.builder().bucket("shop-assets").region(Region.EU_WEST_1)
        .build()) {
      assertThatThrownBy(plain::links).isInstanceOf(IllegalStateException.class)
          .hasMessage("CloudFront is not configured: set cloudFront(...) on the Stockroom builder");
    }
  }

  @Test
  void afterClose_linksAreRefused() {
    Links links = stockroom.links();
    stockroom.close();
    assertThatThrownBy(() -> links.url("media/pages/a.html", Duration.ofHours(1)))
        .isInstanceOf(IllegalStateException.class).hasMessage("stockroom is closed");
  }

  /** A stored object as an upload would report it; links read only its bucket and key. */
  private record Stored(String bucket, String key) implements StoredObject {
    @Override public DataKind kind() { return DataKind.PRODUCT_IMAGE; }
    @Override public StorageClass storageClass() { return StorageClass.STANDARD; }
    @Override public String eTag() { return "\"e\""; }
    @Override public java.util.Optional<String> versionId() { return java.util.Optional.empty(); }
    @Override public java.util.Optional<String> checksumCrc32c() { return java.util.Optional.empty(); }
    @Override public long size() { return 1; }
    @Override public java.util.Optional<ServerSideEncryption> encryption() { return java.util.Optional.of(ServerSideEncryption.AES256); }
    @Override public java.util.Optional<String> kmsKeyId() { return java.util.Optional.empty(); }
    @Override public boolean bucketKeyEnabled() { return false; }
    @Override public String cacheControl() { return "c"; }
    @Override public String contentType() { return "image/jpeg"; }
    @Override public java.util.Optional<java.time.Instant> retainUntil() { return java.util.Optional.empty(); }
  }
}
