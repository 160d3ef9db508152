package dev.stockroom.examples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.testing.CloudFrontVerifier;
import dev.stockroom.testing.KmsStandIn;
import dev.stockroom.testing.SharedS3Mock;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The shop over real HTTP, with its Stockroom on in-process S3Mock and its KMS check going through
 * the real KmsClient to a loopback stand-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopApplicationTest {

  private static final String BUCKET = SharedS3Mock.newBucket();
  private static final KmsStandIn KMS = startKms();
  private static final byte[] IMAGE = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1, 2, 3};

  @Value("${local.server.port}")
  int port;

  @TestConfiguration
  static class LocalAws {
    @Bean
    AwsCredentialsProvider credentials() {
      return SharedS3Mock.CREDENTIALS;
    }

    @Bean(destroyMethod = "close")
    KmsClient kmsClient() {
      return KMS.client();
    }
  }

  @DynamicPropertySource
  static void stockroom(DynamicPropertyRegistry properties) {
    properties.add("stockroom.bucket", () -> BUCKET);
    properties.add("stockroom.endpoint", () -> SharedS3Mock.endpoint().toString());
    properties.add("stockroom.path-style", () -> "true");
    properties.add("stockroom.kms.key-id", () -> SharedS3Mock.KMS_KEY_ID);
    properties.add("stockroom.cloud-front.private-key", () -> "classpath:keys/rsa-pkcs8.pem");
  }

  private static KmsStandIn startKms() {
    try {
      return new KmsStandIn().key(KmsStandIn.usable(SharedS3Mock.KMS_KEY_ID));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @AfterAll
  static void stopKms() {
    KMS.close();
  }

  @Test
  void imageUpload_redirectToASignedLink_andAnEncryptedOrder() throws Exception {
    RestClient shop = RestClient.create("http://localhost:" + port);
    MultipartBodyBuilder form = new MultipartBodyBuilder();
    form.part("file", new ByteArrayResource(IMAGE) {
      @Override
      public String getFilename() {
        return "front.jpg";
      }
    }).contentType(MediaType.IMAGE_JPEG);

    Map<?, ?> image = shop.post().uri("/products/sku-1001/images")
        .contentType(MediaType.MULTIPART_FORM_DATA).body(form.build()).retrieve().body(Map.class);

    assertThat(image.get("key")).isEqualTo("media/product-images/sku-1001/front.jpg");
    var head = SharedS3Mock.admin().headObject(h -> h.bucket(BUCKET)
        .key("media/product-images/sku-1001/front.jpg"));
    assertThat(head.contentType()).isEqualTo("image/jpeg");
    assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    assertThat(head.contentLength()).isEqualTo(IMAGE.length);
    assertThat(head.metadata()).containsEntry("sku", "sku-1001");

    HttpResponse<Void> redirect = HttpClient.newBuilder().followRedirects(
        HttpClient.Redirect.NEVER).build().send(HttpRequest.newBuilder(URI.create(
        "http://localhost:" + port + "/products/sku-1001/images/front.jpg")).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(redirect.statusCode()).isEqualTo(302);
    String location = redirect.headers().firstValue("Location").orElseThrow();
    assertThat(location).startsWith(
        "https://d111111abcdef8.cloudfront.net/media/product-images/sku-1001/front.jpg?Expires=");
    assertThat(new CloudFrontVerifier().trustPem("K2JCJMDEHXQW5F", publicKey())
        .acceptsUrl(location, Instant.now(), "198.51.100.7")).isTrue();

    Map<?, ?> order = shop.post().uri("/orders").contentType(MediaType.APPLICATION_JSON)
        .body("{\"sku\":\"sku-1001\",\"quantity\":2}").retrieve().body(Map.class);
    String orderKey = (String) order.get("key");
    assertThat(orderKey).startsWith("transactional/orders/").endsWith(".json");
    var orderHead = SharedS3Mock.admin().headObject(h -> h.bucket(BUCKET).key(orderKey));
    assertThat(orderHead.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(orderHead.ssekmsKeyId()).contains(SharedS3Mock.KMS_KEY_ID);
    assertThat(orderHead.cacheControl()).isEqualTo("private, no-store");
    assertThat(KMS.describeCalls()).isEqualTo(1);
  }

  @Test
  void health_reportsTheBucketAndTheKmsKey() {
    Map<?, ?> health = RestClient.create("http://localhost:" + port).get()
        .uri("/actuator/health").retrieve().body(Map.class);
    assertThat(health.get("status")).isEqualTo("UP");
    Map<?, ?> stockroom = (Map<?, ?>) ((Map<?, ?>) health.get("components")).get("stockroom");
    Map<?, ?> details = (Map<?, ?>) stockroom.get("details");
    assertThat(details.get("bucket")).isEqualTo(BUCKET);
    assertThat(details.get("lifecycleDrift")).isEqualTo(java.util.List.of());
    assertThat(details.get("kmsKeyState")).isEqualTo("Enabled");
  }

  /** The test key pair's public half (src/test/resources/keys). */
  private static String publicKey() throws IOException {
    try (var in = ShopApplicationTest.class.getResourceAsStream("/keys/rsa-public.pem")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII);
    }
  }
}
