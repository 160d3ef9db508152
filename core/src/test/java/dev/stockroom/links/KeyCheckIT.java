package dev.stockroom.links;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.stockroom.Stockroom;
import dev.stockroom.exception.LinkSigningException;
import dev.stockroom.testing.CloudFrontKeyPair;
import dev.stockroom.testing.CloudFrontStandIn;
import dev.stockroom.testing.CloudFrontVerifier;
import dev.stockroom.testing.LogCapture;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.SharedS3Mock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Before a key pair signs its first link, CloudFront is asked (through the real client, against
 * the loopback stand-in) whether the distribution trusts it and whether the private key matches
 * the public key it holds; a key pair CloudFront would refuse is refused with the reason.
 */
class KeyCheckIT {

  private static final String DOMAIN = "d111111abcdef8.cloudfront.net";
  private static final String DISTRIBUTION = "EDFDVBD6EXAMPLE";
  private static final String IMAGE = "media/product-images/sku-1/front.jpg";

  private final CloudFrontKeyPair keys = CloudFrontKeyPair.generate();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private CloudFrontStandIn standIn;
  private CloudFrontClient client;

  @BeforeEach
  void start() throws Exception {
    standIn = new CloudFrontStandIn();
    client = standIn.client();
  }

  @AfterEach
  void stop() {
    client.close();
    standIn.close();
  }

  private Stockroom stockroom(CloudFrontClient cloudFront, boolean check) {
    return Stockroom.builder().bucket("shop-assets").region(Region.US_EAST_1).clock(clock)
        .awsCheckInterval(Duration.ofMinutes(15))
        .cloudFront(cf -> cf.domain(DOMAIN).keyPair(keys.keyPairId(), keys.privateKey())
            .distributionId(DISTRIBUTION).cloudFrontClient(cloudFront).keyCheck(check))
        .build();
  }

  @Test
  void aTrustedMatchingKey_signs_andIsAskedOncePerInterval() {
    standIn.distribution(DISTRIBUTION, "KG1").keyGroup("KG1", "KOTHER", keys.keyPairId())
        .publicKey(keys.keyPairId(), keys.publicKeyPem());
    try (Stockroom stockroom = stockroom(client, true)) {
      String url = stockroom.links().url(IMAGE, Duration.ofMinutes(30)).url();
      assertThat(new CloudFrontVerifier().trust(keys).acceptsUrl(url, clock.instant())).isTrue();
      stockroom.links().cookies("media/product-images/*", Duration.ofMinutes(30));
      // GetDistributionConfig, GetKeyGroup, GetPublicKey: once
      assertThat(standIn.keyCheckCalls()).isEqualTo(3);
      clock.advance(Duration.ofMinutes(16));
      stockroom.links().url("media/product-images/sku-2/front.jpg", Duration.ofMinutes(30));
      assertThat(standIn.keyCheckCalls()).isEqualTo(6);
    }
  }

  @Test
  void aKeyPairTheDistributionDoesNotTrust_isRefused() {
    standIn.distribution(DISTRIBUTION, "KG1").keyGroup("KG1", "KOTHER")
        .publicKey(keys.keyPairId(), keys.publicKeyPem());
    try (Stockroom stockroom = stockroom(client, true)) {
      assertThatThrownBy(() -> stockroom.links().url(IMAGE, Duration.ofMinutes(30)))
          .isInstanceOf(LinkSigningException.class)
          .hasMessage("key pair '" + keys.keyPairId() + "' is not a public key of the key groups "
              + "[KG1] that CloudFront distribution '" + DISTRIBUTION + "' trusts (their keys: "
              + "[KOTHER]): CloudFront would refuse its links");
    }
  }

  @Test
  void aPrivateKeyThatIsNotTheTrustedPublicKeysPair_isRefused() {
    CloudFrontKeyPair other = CloudFrontKeyPair.generate();
    standIn.distribution(DISTRIBUTION, "KG1").keyGroup("KG1", keys.keyPairId())
        .publicKey(keys.keyPairId(), other.publicKeyPem());
    try (Stockroom stockroom = stockroom(client, true)) {
      assertThatThrownBy(() -> stockroom.links().cookies("media/product-images/*",
          Duration.ofMinutes(30)))
          .isInstanceOf(LinkSigningException.class)
          .hasMessageStartingWith("the private key of key pair '" + keys.keyPairId()
              + "' does not match the public key CloudFront holds for it")
          .satisfies(e -> assertThat(((LinkSigningException) e).keyPairId())
              .isEqualTo(keys.keyPairId()));
    }
  }

  @Test
  void cloudFrontOutOfReach_signsAnyway_withOneWarning() {
    try (CloudFrontClient unreachable = CloudFrontClient.builder().region(Region.AWS_GLOBAL)
            .credentialsProvider(SharedS3Mock.CREDENTIALS)
            .endpointOverride(URI.create("http://127.0.0.1:9"))
            .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build();
        LogCapture logs = new LogCapture();
        Stockroom stockroom = stockroom(unreachable, true)) {
      stockroom.links().url(IMAGE, Duration.ofMinutes(30));
      stockroom.links().url("media/product-images/sku-2/front.jpg", Duration.ofMinutes(30));
      assertThat(logs.messages(Level.WARN)).singleElement().asString()
          .startsWith("Could not check CloudFront key pair " + keys.keyPairId());
    }
  }

  @Test
  void withTheCheckOff_cloudFrontIsNotAsked() {
    try (Stockroom stockroom = stockroom(client, false)) {
      stockroom.links().url(IMAGE, Duration.ofMinutes(30));
      assertThat(standIn.keyCheckCalls()).isZero();
    }
  }
}
