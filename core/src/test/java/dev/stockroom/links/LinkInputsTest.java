package dev.stockroom.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Hostile or careless link input: dot segments in cookie patterns, extreme lifetimes, secrets. */
class LinkInputsTest {

  private final MutableClock clock = new MutableClock(LinksTest.START.plusMillis(500));
  private Stockroom stockroom;

  @BeforeEach
  void setUp() {
    stockroom = LinksTest.stockroom(clock, cf -> { }).build();
  }

  @AfterEach
  void tearDown() {
    stockroom.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "media/product-images/../../transactional/orders/*",
      "media/product-images/*/../../transactional/*",
      "media/product-images/sku-1/*/..",
      "media/product-images/./*",
      "media/product-images/..*",
      "media/product-images/.*/x",
      "media/product-images/??/x",
      "media/product-images/*/./*"})
  void cookiePatterns_withDotSegments_areRefused(String pattern) {
    assertThatThrownBy(() -> stockroom.links().cookies(pattern, Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("pathPattern must not hold a '.' or '..' segment, or one that can "
            + "match it")
        .hasMessageEndingWith("but was '" + pattern + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"media/product-images/*", "media/product-images/sku-1/*.jpg",
      "media/product-images/sku-?/front.jpg", "media/product-images/sku.1/*"})
  void ordinaryCookiePatterns_areSigned(String pattern) {
    assertThat(stockroom.links().cookies(pattern, Duration.ofHours(1)).resource())
        .startsWith("https://" + LinksTest.DOMAIN + "/media/product-images/");
  }

  @Test
  void cookiePatterns_withEmptySegments_areRefused() {
    assertThatThrownBy(() -> stockroom.links().cookies("media/product-images//*",
        Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pathPattern must not contain empty or blank segments, but was "
            + "'media/product-images//*'");
  }

  @Test
  void aLifetimeBeyondTenYears_isRefused_notOverflowed() {
    assertThatThrownBy(() -> stockroom.links().url("media/pages/a.html",
        Duration.ofSeconds(Long.MAX_VALUE)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("lifetime must be at most PT87600H, but was PT2562047788015215H30M7S");
  }

  @Test
  void aCustomPolicy_activeOnlyAfterItsExpiry_isRefused() {
    LinkConditions late = LinkConditions.none().withActiveFrom(LinksTest.START.plusSeconds(7200));
    assertThatThrownBy(() -> stockroom.links().url("media/pages/a.html", Duration.ofHours(1),
        late))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activeFrom must be before the link's expiry (2026-11-22T11:10:00Z), but was "
            + "2026-11-22T12:03:20Z");
  }

  @Test
  void aUserUploadLink_atExactlyTheMaximum_isNeverShorterThanAsked() {
    // now is 10:03:20.5; 15 minutes from now is 10:18:20.5: the expiry is 10:18:21, not :20
    SignedLink link = stockroom.links().url("media/user-uploads/u-1/a.png",
        Duration.ofMinutes(15));
    assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-11-22T10:18:21Z"));
  }

  @Test
  void aSignedUrlPassedBackAsAKey_isNotRepeatedInTheMessage() {
    SignedLink link = stockroom.links().url("media/pages/a.html", Duration.ofHours(1));
    String signature = link.url().replaceAll(".*Signature=([^&]+).*", "$1");

    assertThatThrownBy(() -> stockroom.links().url(link.url(), Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Signature=(elided)")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(signature));
  }

  @Test
  void controlCharactersInAKey_areEscapedInTheMessage() {
    assertThatThrownBy(() -> stockroom.links().url("nowhere/a\r\nFAKE LOG LINE",
        Duration.ofHours(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key must not contain control characters, but was "
            + "'nowhere/a\\u000d\\u000aFAKE LOG LINE'");
  }

  @Test
  void cloudFrontConsumer_editsTheSettingsSetSoFar() {
    CloudFrontSettings first = CloudFrontSettings.builder().domain(LinksTest.DOMAIN)
        .keyPair(LinksTest.KEY_ID, LinksTest.key("rsa-pkcs8.pem")).distributionId("EDFDVBD6EXAMPLE")
        .build();
    try (Stockroom edited = Stockroom.builder().bucket("shop-assets")
        .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
        .credentialsProvider(dev.stockroom.testing.SharedS3Mock.CREDENTIALS).clock(clock)
        .cloudFront(first).cloudFront(cf -> cf.linkWindow(Duration.ofMinutes(1))).build()) {
      SignedLink link = edited.links().url("media/pages/a.html", Duration.ofMinutes(5));
      // 10:03:20.5 + 5 min = 10:08:20.5, rounded up to the minute: 10:09 (a 10-minute window
      // would give 10:10); the distribution id set before is kept
      assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-11-22T10:09:00Z"));
      assertThat(edited.invalidations()).isNotNull();
    }
  }
}
