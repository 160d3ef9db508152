package dev.stockroom.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.stockroom.Stockroom;
import dev.stockroom.internal.s3.S3Clients;
import dev.stockroom.testing.KmsStandIn;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The application's region and credentials beans reach only the clients Stockroom creates; an
 * explicit property that would be ignored next to the application's own clients stops the
 * start-up, naming the property.
 */
class AwsBeansTest {

  private static final AwsRegionProvider AP_NORTHEAST_2 = () -> Region.AP_NORTHEAST_2;
  private static final AwsCredentialsProvider APP_CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIAAPPCREDENTIALS", "app-secret"));

  private final RecordingInterceptor requests = new RecordingInterceptor();
  private final S3AsyncClient appClient = SharedS3Mock.asyncClientBuilder(requests).build();

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class))
      .withPropertyValues("stockroom.bucket=shop-assets");

  @AfterEach
  void closeClient() {
    appClient.close();
  }

  @Test
  void withTheAppsOwnClients_regionAndCredentialsBeans_areNotApplied() {
    runner.withPropertyValues("stockroom.bucket=" + SharedS3Mock.newBucket())
        .withBean(S3AsyncClient.class, () -> appClient)
        .withBean(AwsRegionProvider.class, () -> AP_NORTHEAST_2)
        .withBean(AwsCredentialsProvider.class, () -> APP_CREDENTIALS)
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(Stockroom.class);
          context.getBean(Stockroom.class).lifecycle().plan();
          assertThat(requests.sent()).isNotEmpty();
        });
  }

  @Test
  void whenStockroomCreatesTheS3Client_theBeansAreItsRegionAndCredentials() {
    RecordingInterceptor created = new RecordingInterceptor();
    runner.withPropertyValues("stockroom.bucket=" + SharedS3Mock.newBucket(),
            "stockroom.endpoint=" + SharedS3Mock.endpoint(), "stockroom.path-style=true")
        .withBean(AwsRegionProvider.class, () -> AP_NORTHEAST_2)
        .withBean(AwsCredentialsProvider.class, () -> APP_CREDENTIALS)
        .withBean(StockroomBuilderCustomizer.class, () -> b -> b.s3ClientCustomizer(s3 ->
            s3.overrideConfiguration(o -> o.addExecutionInterceptor(created))))
        .run(context -> {
          context.getBean(Stockroom.class).lifecycle().plan();
          // SigV4 names the access key and the region in the credential scope
          assertThat(created.sent().get(0).http().firstMatchingHeader("Authorization"))
              .hasValueSatisfying(auth -> assertThat(auth)
                  .contains("Credential=AKIAAPPCREDENTIALS/")
                  .contains("/ap-northeast-2/s3/aws4_request"));
        });
  }

  @Test
  void withTheAppsS3Client_theBeansGoOnlyToTheKmsOrCloudFrontClientStockroomCreates()
      throws Exception {
    ApplicationContextRunner appClientAndBeans = runner
        .withBean(S3AsyncClient.class, () -> appClient)
        .withBean(AwsRegionProvider.class, () -> AP_NORTHEAST_2)
        .withBean(AwsCredentialsProvider.class, () -> APP_CREDENTIALS);
    // a KMS key with its check on: Stockroom creates a KMS client, which takes both beans
    appClientAndBeans.withPropertyValues("stockroom.kms.key-id=alias/shop-data")
        .run(context -> assertThat(context).hasNotFailed());
    // with the check off no KMS client is created: either bean would be refused as ignored
    appClientAndBeans.withPropertyValues("stockroom.kms.key-id=alias/shop-data",
        "stockroom.kms.key-check=false").run(context -> assertThat(context).hasNotFailed());
    try (KmsStandIn kms = new KmsStandIn()) {
      KmsClient appKms = kms.client();
      // the KMS client is the app's too
      appClientAndBeans.withPropertyValues("stockroom.kms.key-id=alias/shop-data")
          .withBean(KmsClient.class, () -> appKms)
          .run(context -> assertThat(context).hasNotFailed());
      appKms.close();
    }
    // invalidations: a CloudFront client is created, which takes the credentials
    ApplicationContextRunner cloudFront = appClientAndBeans.withPropertyValues(
        "stockroom.cloud-front.domain=cdn.shop.example",
        "stockroom.cloud-front.key-pair-id=K2JCJMDEHXQW5F",
        "stockroom.cloud-front.private-key=classpath:keys/rsa-pkcs8.pem",
        "stockroom.cloud-front.distribution-id=EDFDVBD6EXAMPLE");
    cloudFront.run(context -> assertThat(context).hasNotFailed());
    CloudFrontClient appCloudFront = CloudFrontClient.builder().region(Region.AWS_GLOBAL)
        .credentialsProvider(APP_CREDENTIALS).build();
    cloudFront.withBean(CloudFrontClient.class, () -> appCloudFront)
        .run(context -> assertThat(context).hasNotFailed());
    appCloudFront.close();
  }

  @Test
  void theAppsS3ClientAndS3AsyncClient_atOnePlace_serveBucketCallsAndUploads() {
    RecordingInterceptor bucketCalls = new RecordingInterceptor();
    S3Client appSync = S3Client.builder().region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(SharedS3Mock.endpoint())
        .forcePathStyle(true)
        .overrideConfiguration(o -> o.addExecutionInterceptor(bucketCalls)).build();
    runner.withPropertyValues("stockroom.bucket=" + SharedS3Mock.newBucket())
        .withBean(S3AsyncClient.class, () -> appClient)
        .withBean(S3Client.class, () -> appSync)
        .run(context -> {
          Stockroom stockroom = context.getBean(Stockroom.class);
          stockroom.lifecycle().plan();
          stockroom.media().productImage("sku-1/front.jpg").upload(new byte[] {1}, "image/jpeg");
          assertThat(bucketCalls.sent()).extracting(RecordingInterceptor.Sent::operation)
              .containsExactly("GetBucketLifecycleConfiguration");
          assertThat(requests.sent()).extracting(RecordingInterceptor.Sent::operation)
              .contains("PutObject").doesNotContain("GetBucketLifecycleConfiguration");
        });
    appSync.close();
  }

  @Test
  void anS3ClientWithoutAnS3AsyncClient_stopsTheStartup_sayingWhatToAdd() {
    // a client of its own: the context closes the beans it holds
    runner.withPropertyValues("stockroom.region=us-east-1")
        .withBean(S3Client.class, () -> S3Client.builder().region(SharedS3Mock.REGION)
            .credentialsProvider(SharedS3Mock.CREDENTIALS).build())
        .run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
              + "    Property: stockroom\n"
              + "    Reason: the application has an S3Client bean but no S3AsyncClient bean; "
              + "Stockroom's bucket-level calls would go through the S3Client and its uploads "
              + "through a client built from stockroom.* alone");
          assertThat(analysis.getAction()).isEqualTo("Declare an S3AsyncClient bean with the "
              + "S3Client's endpoint, region, credentials, path-style and interceptors (and "
              + "multipartEnabled(true)); with Spring Cloud AWS's S3 support on, the starter "
              + "declares it from spring.cloud.aws.s3.*.");
        });
  }

  @Test
  void anExplicitRegion_thatWouldBeIgnored_isReportedAgainstTheProperty() {
    runner.withPropertyValues("stockroom.region=eu-west-1")
        .withBean(S3AsyncClient.class, () -> appClient)
        .run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
              + "    Property: stockroom.region\n"
              + "    Value: \"eu-west-1\"\n"
              + "    Reason: region would be ignored: Stockroom uses the clients you passed in "
              + "(s3AsyncClient, kmsClient, cloudFrontClient) as they are; configure them "
              + "instead, or remove these settings");
          assertThat(analysis.getAction()).isEqualTo("Stockroom creates no client that would use "
              + "stockroom.region: it uses the application's S3AsyncClient bean unchanged. "
              + "Configure that client instead, or remove stockroom.region.");
        });
  }

  @Test
  void clientSettingsNextToTheAppsS3Client_areReportedAgainstEachProperty() {
    runner.withPropertyValues("stockroom.endpoint=http://localhost:9090",
            "stockroom.path-style=true", "stockroom.transfer.part-size=16MB",
            "stockroom.transfer.max-concurrent-files=8")
        .withBean(S3AsyncClient.class, () -> appClient)
        .run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
              + "    Property: stockroom.endpoint\n"
              + "    Value: \"http://localhost:9090\"\n"
              + "    Property: stockroom.path-style\n"
              + "    Value: \"true\"\n"
              + "    Property: stockroom.transfer.part-size\n"
              + "    Value: \"16MB\"\n"
              + "    Reason: endpointOverride, forcePathStyle, transferSettings (partSize, "
              + "multipartThreshold, maxConnections) would be ignored: Stockroom uses the clients "
              + "you passed in (s3AsyncClient, kmsClient, cloudFrontClient) as they are; "
              + "configure them instead, or remove these settings");
          assertThat(analysis.getAction()).isEqualTo("Stockroom creates no client that would use "
              + "stockroom.endpoint, stockroom.path-style and stockroom.transfer.part-size: it "
              + "uses the application's S3AsyncClient bean unchanged. Configure that client "
              + "instead, or remove these properties.");
        });
  }

  @Test
  void aRegionBeanMadeUselessByACustomizer_isNamedInTheReason() {
    runner.withBean(AwsRegionProvider.class, () -> AP_NORTHEAST_2)
        .withBean(StockroomBuilderCustomizer.class, () -> b -> b.s3AsyncClient(appClient))
        .run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
              + "    Property: stockroom\n"
              + "    Reason: region would be ignored: Stockroom uses the clients you passed in "
              + "(s3AsyncClient, kmsClient, cloudFrontClient) as they are; configure them "
              + "instead, or remove these settings (region came from the application's "
              + "AwsRegionProvider bean)");
        });
  }

  @Test
  void aRegionBeanWithoutARegion_isReportedAgainstTheRegionProperty() {
    runner.withBean(AwsRegionProvider.class, () -> () -> {
      throw SdkClientException.create("Unable to load region from any of the providers");
    }).run(context -> {
      FailureAnalysis analysis = StartupFailure.of(context);
      assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
          + "    Property: stockroom.region\n"
          + "    Value: (not set)\n"
          + "    Reason: no region is set, and the application's AwsRegionProvider bean has none: "
          + "Unable to load region from any of the providers");
      assertThat(analysis.getAction()).isEqualTo("Set stockroom.region, or the region of the "
          + "application's AWS setup (e.g. spring.cloud.aws.region.static, AWS_REGION).");
    });
  }

  @Test
  void noRegionAnywhere_isReportedAgainstTheRegionProperty() {
    assumeThat(S3Clients.localRegion()).as("no AWS_REGION, aws.region or profile region")
        .isEmpty();
    runner.run(context -> {
      FailureAnalysis analysis = StartupFailure.of(context);
      assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
          + "    Property: stockroom.region\n"
          + "    Value: (not set)\n"
          + "    Reason: region must be set (or AWS_REGION, aws.region or a profile region) when "
          + "Stockroom creates its own S3 client");
      assertThat(analysis.getAction()).isEqualTo("Set stockroom.region (or AWS_REGION, "
          + "aws.region or a profile region), or declare an AwsRegionProvider bean.");
    });
  }

}
