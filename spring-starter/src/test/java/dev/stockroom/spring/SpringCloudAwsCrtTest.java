package dev.stockroom.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.SharedS3Mock;
import io.awspring.cloud.s3.S3Template;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@link SpringCloudAwsTest} with {@code aws-crt-client} on the classpath, where Spring Cloud AWS
 * would build a CRT client that cannot carry interceptors. Run by the build's {@code with-aws-crt}
 * test execution, which adds the CRT client; skipped elsewhere.
 */
class SpringCloudAwsCrtTest extends SpringCloudAwsTest {

  @BeforeAll
  static void crtOnTheClasspath() {
    boolean present = ClassUtils.isPresent("software.amazon.awssdk.http.crt.AwsCrtHttpClient",
        null);
    if (Boolean.getBoolean("stockroom.test.crt")) {
      assertThat(present).as("aws-crt-client on the with-aws-crt execution's classpath").isTrue();
    }
    assumeThat(present).as("aws-crt-client on the classpath").isTrue();
  }

  /** An application's own CRT client is used as is; uploads through it are sound on S3Mock. */
  @Test
  void theAppsOwnCrtClient_carriesStockroomsUploads() {
    // Not its ranged GETs: the CRT client fails those on S3Mock (checksum header mismatch).
    S3AsyncClient crt = S3AsyncClient.crtBuilder().region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(SharedS3Mock.endpoint())
        .forcePathStyle(true).build();
    try {
      app().withBean(S3AsyncClient.class, () -> crt).run(context -> {
        assertThat(context).hasNotFailed().hasSingleBean(S3AsyncClient.class);
        context.getBean(Stockroom.class).media().productImage("sku-2/side.jpg")
            .upload("side".getBytes(StandardCharsets.UTF_8), "image/jpeg");

        String key = "media/product-images/sku-2/side.jpg";
        try (InputStream in = context.getBean(S3Template.class).download(bucket(), key)
            .getInputStream()) {
          assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("side");
        }
        assertThat(context.getBean(S3Client.class).headObject(b -> b.bucket(bucket()).key(key))
            .cacheControl()).isEqualTo("public, max-age=31536000, immutable");
      });
    } finally {
      crt.close();
    }
  }
}
