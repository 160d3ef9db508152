package dev.stockroom.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.StorageException;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.Transition;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

class StockroomAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class,
          StockroomHealthAutoConfiguration.class))
      .withPropertyValues("stockroom.region=eu-west-1");

  @Test
  void defaults_giveOneStockroomWithTheDefaultPolicy() {
    runner.withPropertyValues("stockroom.bucket=shop-assets").run(context -> {
      assertThat(context).hasSingleBean(Stockroom.class)
          .hasSingleBean(StockroomHealthIndicator.class)
          .doesNotHaveBean(StockroomLifecycleOnStartup.class);
      Stockroom stockroom = context.getBean(Stockroom.class);
      assertThat(stockroom.bucket()).isEqualTo("shop-assets");
      assertThat(stockroom.policies()).isEqualTo(PolicyCatalog.defaults());
      assertThat(stockroom.transferSettings().partSize()).isEqualTo(8L << 20);
      assertThat(stockroom.kmsKey().keyId()).isEmpty();
      assertThatThrownBy(stockroom::links).isInstanceOf(IllegalStateException.class);
    });
  }

  @Test
  void everyPropertyIsMapped() {
    runner.withPropertyValues(
        "stockroom.bucket=shop-assets",
        "stockroom.endpoint=http://127.0.0.1:9",
        "stockroom.path-style=true",
        "stockroom.accelerate=true",
        "stockroom.kms.key-id=alias/shop-data",
        "stockroom.kms.key-check=false",
        "stockroom.cloud-front.domain=cdn.shop.example",
        "stockroom.cloud-front.key-pair-id=K2JCJMDEHXQW5F",
        "stockroom.cloud-front.private-key=classpath:keys/rsa-pkcs1.pem",
        "stockroom.cloud-front.link-window=5m",
        "stockroom.cloud-front.maximum-lifetime=10m",
        "stockroom.transfer.part-size=16MB",
        "stockroom.transfer.max-concurrent-files=8",
        "stockroom.policies.product-image.transition-to-ia=120d",
        "stockroom.policies.product-image.archive-class=GLACIER_IR",
        "stockroom.policies.error-log.expiration=30d",
        "stockroom.policies.page.cache-control=public, max-age=600")
        .run(context -> {
          Stockroom stockroom = context.getBean(Stockroom.class);
          assertThat(stockroom.accelerated()).isFalse();
          assertThat(stockroom.kmsKey().keyId()).contains("alias/shop-data");
          assertThat(stockroom.links().activeKeyPairId()).isEqualTo("K2JCJMDEHXQW5F");
          var link = stockroom.links().url("media/pages/a.html", Duration.ofMinutes(1));
          assertThat(link.resourceUrl()).isEqualTo("https://cdn.shop.example/media/pages/a.html");
          assertThat(link.expiresAt().getEpochSecond() % 300).isZero();
          assertThatThrownBy(() -> stockroom.links().url("media/user-uploads/a.png",
              Duration.ofMinutes(15))).hasMessageContaining("at most PT10M");
          assertThat(stockroom.transferSettings().partSize()).isEqualTo(16L << 20);
          assertThat(stockroom.transferSettings().maxConcurrentFiles()).isEqualTo(8);
          var policies = stockroom.policies();
          assertThat(policies.policy(DataKind.PRODUCT_IMAGE).transitions()).containsExactly(
              Transition.of(120, TransitionStorageClass.STANDARD_IA),
              Transition.of(365, TransitionStorageClass.GLACIER_IR));
          assertThat(policies.policy(DataKind.ERROR_LOG).expirationDays()).hasValue(30);
          assertThat(policies.policy(DataKind.PAGE).cacheControl())
              .isEqualTo("public, max-age=600");
          // the endpoint is used: nothing listens on port 9
          assertThatThrownBy(() -> stockroom.lifecycle().plan())
              .isInstanceOf(StorageException.class);
        });
  }

  @Test
  void lifecycleApplyOnStartup_writesTheRules() {
    String bucket = SharedS3Mock.newBucket();
    runner.withPropertyValues("stockroom.bucket=" + bucket,
            "stockroom.endpoint=" + SharedS3Mock.endpoint(), "stockroom.path-style=true",
            "stockroom.lifecycle.apply-on-startup=true")
        .withBean(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider.class,
            () -> SharedS3Mock.CREDENTIALS)
        .run(context -> {
          assertThat(context).hasSingleBean(StockroomLifecycleOnStartup.class);
          assertThat(context.getBean(StockroomLifecycleOnStartup.class).applied().hasChanges())
              .isTrue();
          assertThat(SharedS3Mock.admin().getBucketLifecycleConfiguration(r -> r.bucket(bucket))
              .rules()).hasSize(10);

          Health health = context.getBean(StockroomHealthIndicator.class).health(true);
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsEntry("bucket", bucket)
              .containsEntry("lifecycleDrift", java.util.List.of());
        });
  }

  @Test
  void health_isDown_whenTheBucketCannotBeRead() {
    runner.withPropertyValues("stockroom.bucket=shop-assets",
            "stockroom.endpoint=http://127.0.0.1:9")
        .withBean(software.amazon.awssdk.auth.credentials.AwsCredentialsProvider.class,
            () -> SharedS3Mock.CREDENTIALS)
        .run(context -> {
          Health health = context.getBean(StockroomHealthIndicator.class).health(true);
          assertThat(health.getStatus()).isEqualTo(Status.DOWN);
          assertThat(health.getDetails()).containsKey("error");
        });
  }

  @Test
  void usersBeansWin() {
    RecordingInterceptor requests = new RecordingInterceptor();
    S3AsyncClient mine = S3AsyncClient.builder().region(Region.EU_WEST_1)
        .credentialsProvider(SharedS3Mock.CREDENTIALS)
        .endpointOverride(URI.create("http://127.0.0.1:9")).forcePathStyle(true)
        .overrideConfiguration(o -> o.addExecutionInterceptor(requests)).build();
    // with the app's own S3 client and no KMS key, a region property would be ignored: none set
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class))
        .withPropertyValues("stockroom.bucket=shop-assets")
        .withBean(S3AsyncClient.class, () -> mine)
        .withBean(StockroomBuilderCustomizer.class, () -> b -> b.policies(p -> p.policy(
            DataKind.ERROR_LOG, e -> e.expirationDays(14))))
        .run(context -> {
          Stockroom stockroom = context.getBean(Stockroom.class);
          assertThatThrownBy(() -> stockroom.lifecycle().plan());
          assertThat(requests.sent()).isNotEmpty();
          assertThat(stockroom.policies().policy(DataKind.ERROR_LOG).expirationDays()).hasValue(14);
        });
    mine.close();

    Stockroom own = Stockroom.builder().bucket("mine").region(Region.EU_WEST_1).build();
    runner.withPropertyValues("stockroom.bucket=shop-assets")
        .withBean(Stockroom.class, () -> own)
        .run(context -> assertThat(context).hasSingleBean(Stockroom.class)
            .getBean(Stockroom.class).isSameAs(own));
    own.close();
  }

  @Test
  void disabledFlag_turnsItAllOff() {
    runner.withPropertyValues("stockroom.enabled=false").run(context ->
        assertThat(context).doesNotHaveBean(Stockroom.class)
            .doesNotHaveBean(StockroomHealthIndicator.class));
  }

  @Test
  void withoutActuator_noHealthIndicator() {
    runner.withPropertyValues("stockroom.bucket=shop-assets")
        .withClassLoader(new FilteredClassLoader(HealthIndicator.class))
        .run(context -> assertThat(context).hasSingleBean(Stockroom.class)
            .doesNotHaveBean(StockroomHealthIndicator.class));
  }

  @Test
  void missingBucket_failsWithTheAnalyzersMessage() {
    runner.run(context -> {
      FailureAnalysis analysis = analyze(context.getStartupFailure());
      assertThat(analysis.getDescription())
          .isEqualTo("Stockroom could not be configured: stockroom.bucket: no bucket is set");
      assertThat(analysis.getAction()).isEqualTo("Set stockroom.bucket to the S3 bucket Stockroom "
          + "stores into, or set stockroom.enabled=false.");
    });
  }

  @Test
  void unreadablePrivateKey_failsWithTheAnalyzersMessage() {
    runner.withPropertyValues("stockroom.bucket=shop-assets",
        "stockroom.cloud-front.domain=cdn.shop.example",
        "stockroom.cloud-front.key-pair-id=K2JCJMDEHXQW5F",
        "stockroom.cloud-front.private-key=file:/nonexistent/cloudfront.pem").run(context -> {
          FailureAnalysis analysis = analyze(context.getStartupFailure());
          assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured: "
              + "stockroom.cloud-front.private-key: URL [file:/nonexistent/cloudfront.pem] cannot "
              + "be read");
          assertThat(analysis.getAction()).isEqualTo("Point stockroom.cloud-front.private-key at "
              + "a readable PEM file, e.g. file:/run/secrets/cloudfront.pem.");
        });
  }

  @Test
  void invalidValues_nameTheProperty() {
    Map<String, String> cases = Map.of(
        "stockroom.policies.product-image.transition-to-ia=10d",
        "stockroom.policies.product-image: PRODUCT_IMAGE: transition days for STANDARD_IA must be "
            + "at least 30, but was 10",
        "stockroom.policies.invoice.expiration=30d",
        "stockroom.policies.invoice: unknown data kind 'invoice'",
        "stockroom.bucket=Shop_Assets",
        "stockroom.bucket: bucket must be 3 to 63 characters of lowercase letters, digits, '.' "
            + "and '-', starting and ending with a letter or digit, but was 'Shop_Assets'");
    cases.forEach((property, message) -> runner
        .withPropertyValues("stockroom.bucket=shop-assets", property)
        .run(context -> assertThat(analyze(context.getStartupFailure()).getDescription())
            .isEqualTo("Stockroom could not be configured: " + message)));
  }

  private static FailureAnalysis analyze(Throwable failure) {
    assertThat(failure).isNotNull();
    FailureAnalysis analysis = new StockroomFailureAnalyzer().analyze(failure);
    assertThat(analysis).as("analysis of %s", failure).isNotNull();
    return analysis;
  }
}
