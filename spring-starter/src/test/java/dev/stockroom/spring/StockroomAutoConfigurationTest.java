package dev.stockroom.spring;

import static dev.stockroom.spring.StartupFailure.description;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.stockroom.Stockroom;
import dev.stockroom.exception.StorageException;
import dev.stockroom.exception.TransferCancelledException;
import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.testing.CloudFrontVerifier;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.KmsStandIn;
import dev.stockroom.testing.LogCapture;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.TransferSettings;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;

class StockroomAutoConfigurationTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class,
          StockroomHealthAutoConfiguration.class))
      .withPropertyValues("stockroom.region=eu-west-1");

  @Test
  void unsetProperties_leaveCoresDefaults() throws Exception {
    AtomicReference<CloudFrontSettings> mapped = new AtomicReference<>();
    runner.withPropertyValues("stockroom.bucket=shop-assets",
            "stockroom.cloud-front.domain=cdn.shop.example",
            "stockroom.cloud-front.key-pair-id=K2JCJMDEHXQW5F",
            "stockroom.cloud-front.private-key=classpath:keys/rsa-pkcs8.pem")
        // the Consumer overload edits the settings set so far: a way to read what was mapped
        .withBean(StockroomBuilderCustomizer.class, () -> b -> b.cloudFront(cf ->
            mapped.set(cf.build())))
        .run(context -> {
          assertThat(context).hasSingleBean(Stockroom.class)
              .hasSingleBean(StockroomHealthIndicator.class)
              .doesNotHaveBean(StockroomLifecycleOnStartup.class);
          Stockroom stockroom = context.getBean(Stockroom.class);
          assertThat(stockroom.bucket()).isEqualTo("shop-assets");
          assertThat(stockroom.policies()).isEqualTo(PolicyCatalog.defaults());
          assertThat(stockroom.transferSettings()).isEqualTo(TransferSettings.defaults());
          assertThat(stockroom.accelerated()).isFalse();
          assertThat(stockroom.kmsKey().keyId()).isEmpty();
          assertThat(stockroom.kmsKey().checkEnabled()).isTrue();
        });
    CloudFrontSettings defaults = CloudFrontSettings.builder().domain("cdn.shop.example")
        .keyPairPem("K2JCJMDEHXQW5F", resource("keys/rsa-pkcs8.pem")).build();
    CloudFrontSettings settings = mapped.get();
    assertThat(settings.linkWindow()).isEqualTo(defaults.linkWindow());
    assertThat(settings.shortLivedMaximum()).isEqualTo(defaults.shortLivedMaximum());
    assertThat(settings.minimumRemainingLifetime())
        .isEqualTo(defaults.minimumRemainingLifetime());
    assertThat(settings.cacheSize()).isEqualTo(defaults.cacheSize());
    assertThat(settings.cookieDomain()).isEqualTo(defaults.cookieDomain());
    assertThat(settings.cookiePath()).isEqualTo(defaults.cookiePath());
    assertThat(settings.invalidationDelay()).isEqualTo(defaults.invalidationDelay());
    assertThat(settings.distributionId()).isEqualTo(defaults.distributionId());
    assertThat(settings.keys()).isEqualTo(defaults.keys());
  }

  @Test
  void aFreshPropertiesObject_holdsNoCopyOfCoresDefaults() {
    StockroomProperties properties = new StockroomProperties();
    assertThat(Arrays.asList(properties.getPathStyle(), properties.getAccelerate(),
        properties.getShutdownGracePeriod(), properties.getKms().getKeyCheck(),
        properties.getKms().getCheckInterval(), properties.getTransfer().getPartSize(),
        properties.getTransfer().getMultipartThreshold(),
        properties.getTransfer().getMaxConnections(),
        properties.getTransfer().getMaxConcurrentFiles(),
        properties.getCloudFront().getLinkWindow(),
        properties.getCloudFront().getMaximumLifetime(),
        properties.getCloudFront().getMinimumRemainingLifetime(),
        properties.getCloudFront().getCacheSize(), properties.getCloudFront().getCookiePath(),
        properties.getCloudFront().getInvalidationDelay())).containsOnlyNulls();
  }

  @Test
  void everyPropertyIsMapped() throws Exception {
    AtomicReference<CloudFrontSettings> mapped = new AtomicReference<>();
    // 10:01:00: a link asked for a minute lives at least the minimum remaining lifetime (2 min),
    // rounded up to the 5-minute window
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:01:00Z"));
    CloudFrontVerifier verifier = new CloudFrontVerifier().trustPem("K2JCJMDEHXQW5F",
        resource("keys/rsa-public.pem"));
    LogCapture logs = new LogCapture();
    runner.withPropertyValues(
        "stockroom.bucket=shop-assets",
        "stockroom.endpoint=http://127.0.0.1:9",
        "stockroom.path-style=true",
        "stockroom.accelerate=true",
        "stockroom.shutdown-grace-period=0s",
        "stockroom.kms.key-id=alias/shop-data",
        "stockroom.kms.key-check=false",
        "stockroom.cloud-front.domain=cdn.shop.example",
        "stockroom.cloud-front.key-pair-id=K2JCJMDEHXQW5F",
        "stockroom.cloud-front.private-key=classpath:keys/rsa-pkcs1.pem",
        "stockroom.cloud-front.link-window=5m",
        "stockroom.cloud-front.maximum-lifetime=10m",
        "stockroom.cloud-front.minimum-remaining-lifetime=2m",
        "stockroom.cloud-front.cache-size=500",
        "stockroom.cloud-front.cookie-domain=.shop.example",
        "stockroom.cloud-front.cookie-path=/media/",
        "stockroom.cloud-front.distribution-id=EDFDVBD6EXAMPLE",
        "stockroom.cloud-front.invalidation-delay=5s",
        "stockroom.transfer.part-size=16MB",
        "stockroom.transfer.multipart-threshold=32MB",
        "stockroom.transfer.max-connections=8",
        "stockroom.transfer.max-concurrent-files=4",
        "stockroom.policies.error-log.expiration=30d",
        "stockroom.policies.page.cache-control=public, max-age=600")
        .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS)
        .withBean(StockroomBuilderCustomizer.class, () -> b -> b.clock(clock).cloudFront(cf ->
            mapped.set(cf.build())).s3ClientCustomizer(s3 -> s3.overrideConfiguration(o ->
                o.retryStrategy(AwsRetryStrategy.doNotRetry()))))
        .run(context -> {
          Stockroom stockroom = context.getBean(Stockroom.class);
          // asked for, and turned off under the endpoint, with the one warning that says so
          assertThat(stockroom.accelerated()).isFalse();
          assertThat(logs.messages(Level.WARN)).containsExactly("Transfer Acceleration is off: "
              + "it cannot be used with the endpoint override http://127.0.0.1:9");
          assertThat(stockroom.kmsKey().keyId()).contains("alias/shop-data");
          assertThat(stockroom.kmsKey().checkEnabled()).isFalse();
          assertThat(stockroom.links().activeKeyPairId()).isEqualTo("K2JCJMDEHXQW5F");
          var link = stockroom.links().url("media/pages/a.html", Duration.ofMinutes(1));
          assertThat(link.resourceUrl()).isEqualTo("https://cdn.shop.example/media/pages/a.html");
          // 10:01:00 + 2 min = 10:03:00, rounded up to the 5-minute window (10 min by default)
          assertThat(link.expiresAt()).isEqualTo(Instant.parse("2026-11-22T10:05:00Z"));
          // signed with the private key of the property, under its key pair id
          assertThat(verifier.acceptsUrl(link.url(), clock.instant())).isTrue();
          clock.set(Instant.parse("2026-11-22T10:03:30Z"));
          // 10:03:30 + 2 min = 10:05:30 -> 10:10:00 (with core's 1-minute minimum: 10:05:00)
          assertThat(stockroom.links().url("media/pages/b.html", Duration.ofMinutes(1))
              .expiresAt()).isEqualTo(Instant.parse("2026-11-22T10:10:00Z"));
          assertThatThrownBy(() -> stockroom.links().url("media/user-uploads/a.png",
              Duration.ofMinutes(15))).isInstanceOf(IllegalArgumentException.class)
              .hasMessage("lifetime of USER_UPLOAD links must be at most PT10M, but was PT15M");
          assertThat(stockroom.links().cookies("media/pages/*", Duration.ofMinutes(5))
              .setCookieHeaders()).allSatisfy(header -> assertThat(header)
                  .contains("; Domain=.shop.example; Path=/media/; "));
          assertThat(stockroom.invalidations()).isNotNull();
          assertThat(stockroom.transferSettings()).isEqualTo(TransferSettings.builder()
              .partSize(16L << 20).multipartThreshold(32L << 20).maxConnections(8)
              .maxConcurrentFiles(4).build());
          assertThat(stockroom.policies().policy(DataKind.ERROR_LOG).expirationDays())
              .hasValue(30);
          assertThat(stockroom.policies().policy(DataKind.PAGE).cacheControl())
              .isEqualTo("public, max-age=600");
          // the endpoint and path style are used: nothing listens on port 9
          assertThatThrownBy(() -> stockroom.lifecycle().plan())
              .isInstanceOf(StorageException.class);
        });
    logs.close();
    CloudFrontSettings settings = mapped.get();
    assertThat(settings.linkWindow()).isEqualTo(Duration.ofMinutes(5));
    assertThat(settings.shortLivedMaximum()).isEqualTo(Duration.ofMinutes(10));
    assertThat(settings.minimumRemainingLifetime()).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.cacheSize()).isEqualTo(500);
    assertThat(settings.cookieDomain()).isEqualTo(".shop.example");
    assertThat(settings.cookiePath()).isEqualTo("/media/");
    assertThat(settings.distributionId()).contains("EDFDVBD6EXAMPLE");
    assertThat(settings.invalidationDelay()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void uploadHeaderProperties_changeWhatUploadsCarry() {
    String bucket = SharedS3Mock.newBucket();
    RecordingInterceptor sent = new RecordingInterceptor();
    runner.withPropertyValues("stockroom.bucket=" + bucket, "stockroom.region=us-east-1",
            "stockroom.endpoint=" + SharedS3Mock.endpoint(), "stockroom.path-style=true",
            "stockroom.upload-headers.server-side-encryption=false",
            "stockroom.upload-headers.checksums=false",
            "stockroom.upload-headers.object-lock-retention=false",
            "stockroom.upload-headers.kind-tag=true")
        .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS)
        .withBean(StockroomBuilderCustomizer.class, () -> b -> b.s3ClientCustomizer(s3 -> s3
            .overrideConfiguration(o -> o.addExecutionInterceptor(sent))))
        .run(context -> {
          Stockroom stockroom = context.getBean(Stockroom.class);
          stockroom.media().productImage("sku-1/a.jpg").upload(new byte[] {1}, "image/jpeg");
          stockroom.logs().auditLog("2026/12/07/a.log").upload(new byte[] {2}, "text/plain");
        });
    var admin = SharedS3Mock.admin();
    String image = "media/product-images/sku-1/a.jpg";
    assertThat(admin.getObjectTagging(t -> t.bucket(bucket).key(image)).tagSet())
        .extracting(tag -> tag.key() + "=" + tag.value()).containsExactly(
            "stockroom-kind=product-image");
    assertThat(admin.headObject(h -> h.bucket(bucket).key(image)).serverSideEncryption())
        .isNull();
    assertThat(sent.sent("PutObject")).hasSize(2).allSatisfy(put -> assertThat(put.http()
        .headers()).doesNotContainKeys("x-amz-server-side-encryption", "x-amz-checksum-crc32c",
            "x-amz-sdk-checksum-algorithm", "x-amz-object-lock-mode"));
    // without the Object Lock check, the bucket's Object Lock is never asked for
    assertThat(sent.sent("GetObjectLockConfiguration")).isEmpty();
  }

  @Test
  void accelerate_withoutAnEndpoint_sendsUploadsThroughTransferAcceleration() {
    runner.withPropertyValues("stockroom.bucket=shop-assets", "stockroom.accelerate=true")
        .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS)
        .run(context -> assertThat(context.getBean(Stockroom.class).accelerated()).isTrue());
    runner.withPropertyValues("stockroom.bucket=shop-assets")
        .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS)
        .run(context -> assertThat(context.getBean(Stockroom.class).accelerated()).isFalse());
  }

  @Test
  void shutdownGracePeriod_isHowLongClosingWaitsForUploadsInFlight() throws Exception {
    try (FaultyS3 proxy = new FaultyS3().hold(FaultyS3.putObject())) {
      runner.withPropertyValues("stockroom.bucket=" + SharedS3Mock.newBucket(),
              "stockroom.endpoint=" + proxy.endpoint(), "stockroom.path-style=true",
              "stockroom.shutdown-grace-period=0s")
          .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS)
          .run(context -> {
            CompletableFuture<StoredObject> upload = context.getBean(Stockroom.class).media()
                .productImage("a.jpg").uploadAsync(new byte[] {1}, "image/jpeg");
            proxy.awaitHeld(1);
            CompletableFuture<Void> closing = CompletableFuture.runAsync(context::close);

            // no grace: the upload is stopped at once (core's default would wait 30 seconds)
            assertThat(upload).failsWithin(Duration.ofSeconds(10))
                .withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(TransferCancelledException.class);
            proxy.release();
            closing.get(30, TimeUnit.SECONDS);
          });
    }
  }

  @Test
  void kmsCheckInterval_isHowLongTheKeysStateIsKept() throws Exception {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    try (KmsStandIn kms = new KmsStandIn().key(KmsStandIn.usable(SharedS3Mock.KMS_KEY_ID))) {
      KmsClient client = kms.client();
      runner.withPropertyValues("stockroom.bucket=shop-assets",
              "stockroom.kms.key-id=" + SharedS3Mock.KMS_KEY_ID, "stockroom.kms.check-interval=2m")
          .withBean(KmsClient.class, () -> client)
          .withBean(StockroomBuilderCustomizer.class, () -> b -> b.clock(clock))
          .run(context -> {
            Stockroom stockroom = context.getBean(Stockroom.class);
            stockroom.kmsKey().verify();
            clock.advance(Duration.ofSeconds(119));
            stockroom.kmsKey().verify();
            assertThat(kms.describeCalls()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(2));
            stockroom.kmsKey().verify();
            // core's default (15 minutes) would still answer from its cache
            assertThat(kms.describeCalls()).isEqualTo(2);
          });
      client.close();
    }
  }

  @Test
  void lifecycleApplyOnStartup_writesTheRules() {
    String bucket = SharedS3Mock.newBucket();
    runner.withPropertyValues("stockroom.bucket=" + bucket,
            "stockroom.endpoint=" + SharedS3Mock.endpoint(), "stockroom.path-style=true",
            "stockroom.lifecycle.apply-on-startup=true")
        .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS)
        .run(context -> {
          assertThat(context).hasSingleBean(StockroomLifecycleOnStartup.class);
          assertThat(context.getBean(StockroomLifecycleOnStartup.class).applied().hasChanges())
              .isTrue();
          assertThat(SharedS3Mock.admin().getBucketLifecycleConfiguration(r -> r.bucket(bucket))
              .rules()).hasSize(10);
        });
  }

  @Test
  void usersBeansWin() {
    RecordingInterceptor requests = new RecordingInterceptor();
    S3AsyncClient mine = S3AsyncClient.builder().region(Region.EU_WEST_1)
        .credentialsProvider(SharedS3Mock.CREDENTIALS)
        .endpointOverride(URI.create("http://127.0.0.1:9")).forcePathStyle(true)
        .overrideConfiguration(o -> o.addExecutionInterceptor(requests)).build();
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class))
        .withPropertyValues("stockroom.bucket=shop-assets")
        .withBean(S3AsyncClient.class, () -> mine)
        .withBean(StockroomBuilderCustomizer.class, () -> b -> b.policies(p -> p.policy(
            DataKind.ERROR_LOG, e -> e.expirationDays(14))))
        .run(context -> {
          Stockroom stockroom = context.getBean(Stockroom.class);
          // the app's client is used: its endpoint, where nothing listens
          assertThatThrownBy(() -> stockroom.lifecycle().plan())
              .isInstanceOf(StorageException.class)
              .hasMessageStartingWith("GetBucketLifecycleConfiguration on bucket 'shop-assets' "
                  + "failed: ");
          assertThat(requests.sent()).extracting(RecordingInterceptor.Sent::operation)
              .contains("GetBucketLifecycleConfiguration");
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
      FailureAnalysis analysis = StartupFailure.of(context);
      assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
          + "    Property: stockroom.bucket\n"
          + "    Value: (not set)\n"
          + "    Reason: no bucket is set");
      assertThat(analysis.getAction()).isEqualTo("Set stockroom.bucket to the S3 bucket Stockroom "
          + "stores into, or set stockroom.enabled=false.");
    });
  }

  @Test
  void refusedValues_nameThePropertyAndTheValueAsWritten() {
    runner.withPropertyValues("stockroom.bucket=Shop_Assets").run(context ->
        assertThat(StartupFailure.of(context).getDescription()).isEqualTo(description(
            "stockroom.bucket", "\"Shop_Assets\"", "bucket must be 3 to 63 characters of "
                + "lowercase letters, digits, '.' and '-', starting and ending with a letter or "
                + "digit, but was 'Shop_Assets'")));
    runner.withPropertyValues("stockroom.bucket=shop-assets",
        "stockroom.shutdown-grace-period=2h").run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo(description(
              "stockroom.shutdown-grace-period", "\"2h\"",
              "shutdownGracePeriod must be between 0 and 1 hour, but was PT2H"));
          assertThat(analysis.getAction()).isEqualTo("Correct stockroom.shutdown-grace-period.");
        });
    runner.withPropertyValues("stockroom.bucket=shop-assets", "stockroom.kms.check-interval=0s")
        .run(context -> assertThat(StartupFailure.of(context).getDescription())
            .isEqualTo(description("stockroom.kms.check-interval", "\"0s\"",
                "awsCheckInterval must be positive, but was PT0S")));
    runner.withPropertyValues("stockroom.bucket=shop-assets", "stockroom.transfer.part-size=1MB")
        .run(context -> assertThat(StartupFailure.of(context).getDescription())
            .isEqualTo(description("stockroom.transfer.part-size", "\"1MB\"",
                "partSize must be between 5242880 and 5368709120 bytes, but was 1048576")));
    runner.withPropertyValues("stockroom.bucket=shop-assets",
        "stockroom.endpoint=ftp://files.shop.example").run(context ->
        assertThat(StartupFailure.of(context).getDescription()).isEqualTo(description(
            "stockroom.endpoint", "\"ftp://files.shop.example\"", "endpointOverride must be an "
                + "absolute http or https URI, but was 'ftp://files.shop.example'")));
  }

  @Test
  void aKmsKeyOfAnotherRegion_isReportedAgainstTheKeyAndTheRegion() {
    runner.withPropertyValues("stockroom.bucket=shop-assets", "stockroom.kms.key-id="
        + "arn:aws:kms:us-east-1:123456789012:key/" + SharedS3Mock.KMS_KEY_ID).run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
              + "    Property: stockroom.region\n"
              + "    Value: \"eu-west-1\"\n"
              + "    Property: stockroom.kms.key-id\n"
              + "    Value: \"arn:aws:kms:us-east-1:123456789012:key/"
              + SharedS3Mock.KMS_KEY_ID + "\"\n"
              + "    Reason: kmsKeyId is a key of region us-east-1, but the S3 client is in "
              + "eu-west-1: SSE-KMS needs a key in the bucket's region, but was "
              + "'arn:aws:kms:us-east-1:123456789012:key/" + SharedS3Mock.KMS_KEY_ID + "'");
          assertThat(analysis.getAction())
              .isEqualTo("Correct stockroom.region or stockroom.kms.key-id.");
        });
  }

  private static String resource(String name) throws Exception {
    try (InputStream in = StockroomAutoConfigurationTest.class.getClassLoader()
        .getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
