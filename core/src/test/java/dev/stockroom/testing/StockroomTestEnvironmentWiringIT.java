package dev.stockroom.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.links.SignedCookies;
import dev.stockroom.links.SignedLink;
import dev.stockroom.transfer.StoredObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The wiring that stockroom-test documents (its extension's javadoc, docs/testing.md) works with
 * Stockroom: SSE-KMS uploads with the KMS key check through the stand-in, and links and cookies
 * signed with the generated key pair that the verifier accepts.
 */
class StockroomTestEnvironmentWiringIT {

  @RegisterExtension
  static StockroomTestEnvironment env = StockroomTestEnvironment.create();

  private Stockroom stockroom() {
    return Stockroom.builder()
        .bucket(env.bucket())
        .region(env.region())
        .credentialsProvider(env.credentials())
        .endpointOverride(env.endpoint())
        .forcePathStyle(true)
        .kmsKeyId(env.kmsKeyId())
        .kmsClient(env.kmsClient())
        .cloudFront(cf -> cf.domain("d111111abcdef8.cloudfront.net")
            .keyPairPem(env.cloudFrontKeyPair().keyPairId(),
                env.cloudFrontKeyPair().privateKeyPem()))
        .build();
  }

  @Test
  void orders_areEncryptedWithTheKey_checkedThroughTheKmsStandIn() {
    try (Stockroom stockroom = stockroom()) {
      stockroom.transactional().order("2026/11/22/order-1001.json")
          .upload("{}".getBytes(StandardCharsets.UTF_8), "application/json");
    }

    var head = env.s3().headObject(h -> h.bucket(env.bucket())
        .key("transactional/orders/2026/11/22/order-1001.json"));
    assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(head.ssekmsKeyId()).contains(env.kmsKeyId());
    assertThat(env.kms().describeCalls()).isPositive();
  }

  @Test
  void linksAndCookies_signedWithTheKeyPair_areAcceptedByTheVerifier() {
    try (Stockroom stockroom = stockroom()) {
      StoredObject image = stockroom.media().productImage("sku-1001/front.jpg")
          .upload(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff}, "image/jpeg");
      SignedLink link = stockroom.links().url(image, Duration.ofHours(1));
      SignedCookies cookies = stockroom.links().cookies("media/product-images/sku-1001/*",
          Duration.ofHours(1));

      assertThat(env.cloudFrontVerifier().acceptsUrl(link.url(), Instant.now())).isTrue();
      assertThat(env.cloudFrontVerifier().acceptsCookies(cookies.cookies(),
          "https://d111111abcdef8.cloudfront.net/media/product-images/sku-1001/back.jpg",
          Instant.now())).isTrue();
      assertThat(new CloudFrontVerifier().trust(CloudFrontKeyPair.generate())
          .acceptsUrl(link.url(), Instant.now())).isFalse();
    }
  }
}
