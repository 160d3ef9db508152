package dev.stockroom.spring;

import static dev.stockroom.spring.StartupFailure.description;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.KmsStandIn;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * The health indicator asks S3 (and KMS) at most once per cache interval: counted as the
 * requests its client sends.
 */
class StockroomHealthIndicatorTest {

  private static final String LIFECYCLE = "GetBucketLifecycleConfiguration";
  private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

  private final RecordingInterceptor requests = new RecordingInterceptor();
  private final MutableClock clock = new MutableClock(START);

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class,
          StockroomHealthAutoConfiguration.class))
      .withPropertyValues("stockroom.region=us-east-1",
          "stockroom.endpoint=" + SharedS3Mock.endpoint(), "stockroom.path-style=true")
      .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS)
      .withBean(StockroomBuilderCustomizer.class, () -> b -> b.s3ClientCustomizer(s3 ->
          s3.overrideConfiguration(o -> o.addExecutionInterceptor(requests))));

  @Test
  void probesWithinTheInterval_askS3Once_andAfterItAgain() {
    try (Stockroom stockroom = OnS3Mock.builder(SharedS3Mock.newBucket(), requests)
        .build()) {
      StockroomHealthIndicator health = new StockroomHealthIndicator(stockroom,
          Duration.ofMinutes(1), clock);

      Health first = health.health();
      clock.advance(Duration.ofSeconds(59));
      Health second = health.health(true);
      assertThat(requests.sent(LIFECYCLE)).hasSize(1);
      assertThat(first.getStatus()).isEqualTo(Status.UP);
      assertThat(second.getDetails()).containsEntry("checkedAt", START.toString());

      clock.advance(Duration.ofSeconds(1));
      Health third = health.health();
      assertThat(requests.sent(LIFECYCLE)).hasSize(2);
      assertThat(third.getDetails()).containsEntry("checkedAt", START.plusSeconds(60).toString());

      // a clock set back does not keep an old result alive
      clock.set(START);
      health.health();
      assertThat(requests.sent(LIFECYCLE)).hasSize(3);
    }
  }

  @Test
  void aDownResult_isKeptForTheIntervalToo() {
    try (Stockroom stockroom = Stockroom.builder().bucket("shop-assets")
        .region(SharedS3Mock.REGION).credentialsProvider(SharedS3Mock.CREDENTIALS)
        // nothing listens on port 9
        .endpointOverride(URI.create("http://127.0.0.1:9")).forcePathStyle(true)
        .s3ClientCustomizer(s3 -> s3.overrideConfiguration(o -> o
            .retryStrategy(AwsRetryStrategy.doNotRetry()).addExecutionInterceptor(requests)))
        .build()) {
      StockroomHealthIndicator health = new StockroomHealthIndicator(stockroom,
          Duration.ofMinutes(1), clock);

      Health down = health.health();
      clock.advance(Duration.ofSeconds(30));
      health.health();

      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails()).containsEntry("bucket", "shop-assets").containsKey("error");
      assertThat(requests.sent(LIFECYCLE)).hasSize(1);
    }
  }

  @Test
  void theCacheInterval_isAProperty_ofOneMinuteByDefault() {
    runner.withPropertyValues("stockroom.bucket=" + SharedS3Mock.newBucket()).run(context -> {
      StockroomHealthIndicator health = context.getBean(StockroomHealthIndicator.class);
      health.health();
      health.health();
      assertThat(requests.sent(LIFECYCLE)).hasSize(1);
    });
    requests.clear();
    runner.withPropertyValues("stockroom.bucket=" + SharedS3Mock.newBucket(),
        "stockroom.health.cache-interval=0").run(context -> {
          StockroomHealthIndicator health = context.getBean(StockroomHealthIndicator.class);
          health.health();
          health.health();
          assertThat(requests.sent(LIFECYCLE)).hasSize(2);
        });
  }

  @Test
  void details_nameTheBucketDriftAndKmsKeyState() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    try (KmsStandIn kms = new KmsStandIn().key(KmsStandIn.usable(SharedS3Mock.KMS_KEY_ID))) {
      KmsClient client = kms.client();
      runner.withPropertyValues("stockroom.bucket=" + bucket,
              "stockroom.kms.key-id=" + SharedS3Mock.KMS_KEY_ID,
              "stockroom.lifecycle.apply-on-startup=true")
          .withBean(KmsClient.class, () -> client)
          .run(context -> {
            Health health = context.getBean(StockroomHealthIndicator.class).health(true);
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsOnlyKeys("bucket", "lifecycleDrift",
                    "kmsKeyId", "kmsKeyState", "checkedAt")
                .containsEntry("bucket", bucket)
                .containsEntry("lifecycleDrift", List.of())
                .containsEntry("kmsKeyId", SharedS3Mock.KMS_KEY_ID)
                .containsEntry("kmsKeyState", "Enabled");
          });
      client.close();
    }
  }

  @Test
  void anOwnedRuleEditedByHand_isListedAsDrift_andTheStatusStaysUp() {
    String bucket = SharedS3Mock.newBucket();
    runner.withPropertyValues("stockroom.bucket=" + bucket,
            "stockroom.lifecycle.apply-on-startup=true")
        .run(context -> {
          S3Client admin = SharedS3Mock.admin();
          List<LifecycleRule> edited = admin.getBucketLifecycleConfiguration(r -> r.bucket(bucket))
              .rules().stream().map(rule -> rule.id().equals("stockroom.user-upload")
                  ? rule.toBuilder().expiration(e -> e.days(20_000)).build() : rule)
              .toList();
          admin.putBucketLifecycleConfiguration(r -> r.bucket(bucket)
              .lifecycleConfiguration(c -> c.rules(edited)));

          Health health = context.getBean(StockroomHealthIndicator.class).health(true);

          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsEntry("lifecycleDrift",
              List.of("stockroom.user-upload"));
        });
  }

  @Test
  void managementHealthStockroomEnabledFalse_turnsTheIndicatorOff() {
    runner.withPropertyValues("stockroom.bucket=shop-assets",
            "management.health.stockroom.enabled=false")
        .run(context -> assertThat(context).hasSingleBean(Stockroom.class)
            .doesNotHaveBean(StockroomHealthIndicator.class));
    runner.withPropertyValues("stockroom.bucket=shop-assets",
            "management.health.stockroom.enabled=true")
        .run(context -> assertThat(context).hasSingleBean(StockroomHealthIndicator.class));
  }

  @Test
  void aNegativeCacheInterval_isReportedAgainstTheProperty() {
    runner.withPropertyValues("stockroom.bucket=shop-assets",
        "stockroom.health.cache-interval=-1m").run(context ->
        assertThat(StartupFailure.of(context).getDescription()).isEqualTo(description(
            "stockroom.health.cache-interval", "\"-1m\"", "the cache interval must be 0 or more")));
  }
}
