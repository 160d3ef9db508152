package dev.stockroom.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.links.HashAlgorithm;
import dev.stockroom.testing.CloudFrontKeyPair;
import dev.stockroom.testing.CloudFrontVerifier;
import dev.stockroom.testing.SharedS3Mock;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The application's MeterRegistry receives Stockroom's meters; without Micrometer the starter
 * works as before; the SHA-256 and Batch Operations properties reach Stockroom.
 */
class StockroomMetricsAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class,
          StockroomMetricsAutoConfiguration.class))
      .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS);

  @TempDir
  Path dir;

  private String[] onS3Mock(String bucket) {
    return new String[] {"stockroom.bucket=" + bucket, "stockroom.region=us-east-1",
        "stockroom.endpoint=" + SharedS3Mock.endpoint(), "stockroom.path-style=true"};
  }

  @Test
  void theApplicationsMeterRegistry_getsStockroomsMeters() {
    String bucket = SharedS3Mock.newBucket();
    runner.withPropertyValues(onS3Mock(bucket))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .run(context -> {
          assertThat(context).hasNotFailed().hasBean("stockroomMetricsCustomizer");
          context.getBean(Stockroom.class).media().productImage("a.jpg")
              .upload("image".getBytes(StandardCharsets.UTF_8), "image/jpeg");
          assertThat(context.getBean(MeterRegistry.class).get("stockroom.upload")
              .tags("bucket", bucket, "kind", "product-image", "outcome", "stored").timer()
              .count()).isEqualTo(1);
        });
  }

  @Test
  void theApplicationsObservationRegistry_seesEachUpload() {
    String bucket = SharedS3Mock.newBucket();
    List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    runner.withPropertyValues(onS3Mock(bucket))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(ObservationRegistry.class, () -> observations)
        .run(context -> context.getBean(Stockroom.class).media().productImage("a.jpg")
            .upload("image".getBytes(StandardCharsets.UTF_8), "image/jpeg"));
    assertThat(stopped).singleElement().satisfies(context -> {
      assertThat(context.getName()).isEqualTo("stockroom.upload");
      assertThat(context.getLowCardinalityKeyValue("kind").getValue()).isEqualTo("product-image");
      assertThat(context.getLowCardinalityKeyValue("bucket").getValue()).isEqualTo(bucket);
    });
  }

  @Test
  void withoutMicrometer_theStarterWorksAsBefore() {
    String bucket = SharedS3Mock.newBucket();
    runner.withPropertyValues(onS3Mock(bucket))
        .withClassLoader(new FilteredClassLoader(MeterRegistry.class))
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean("stockroomMetricsCustomizer")
              .hasSingleBean(Stockroom.class);
          context.getBean(Stockroom.class).media().productImage("b.jpg")
              .upload("image".getBytes(StandardCharsets.UTF_8), "image/jpeg");
        });
  }

  @Test
  void hashAlgorithmAndBatchOperations_areMapped() throws Exception {
    CloudFrontKeyPair keys = CloudFrontKeyPair.generate();
    Path pem = Files.writeString(dir.resolve("cf.pem"), keys.privateKeyPem());
    runner.withPropertyValues("stockroom.bucket=shop-assets", "stockroom.region=eu-west-1",
            "stockroom.cloud-front.domain=d111111abcdef8.cloudfront.net",
            "stockroom.cloud-front.key-pair-id=" + keys.keyPairId(),
            "stockroom.cloud-front.private-key=file:" + pem,
            "stockroom.cloud-front.hash-algorithm=sha256",
            "stockroom.batch-operations.account-id=123456789012",
            "stockroom.batch-operations.role-arn=arn:aws:iam::123456789012:role/batch",
            "stockroom.batch-operations.in-process-limit=5000")
        .run(context -> {
          assertThat(context).hasNotFailed();
          Stockroom stockroom = context.getBean(Stockroom.class);
          String url = stockroom.links().url("media/product-images/a.jpg", Duration.ofMinutes(5))
              .url();
          assertThat(url).endsWith("&Hash-Algorithm=" + HashAlgorithm.SHA256);
          assertThat(new CloudFrontVerifier().trust(keys).acceptsUrl(url, Instant.now()))
              .isTrue();
          assertThat(stockroom.batchJobs().settings().inProcessLimit()).isEqualTo(5000);
          assertThat(stockroom.batchJobs().settings().roleArn())
              .isEqualTo("arn:aws:iam::123456789012:role/batch");
        });
    runner.withPropertyValues("stockroom.bucket=shop-assets", "stockroom.region=eu-west-1",
            "stockroom.batch-operations.account-id=123456789012")
        .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("Batch Operations need both account-id and role-arn"));
  }
}
