package dev.stockroom.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.CloudFrontStandIn;
import dev.stockroom.testing.KmsStandIn;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinitionCustomizer;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Who closes which client: the application's client beans are used and stay open after the
 * context closes; the clients and threads the starter's Stockroom created end with it.
 */
class ClientOwnershipTest {

  /** Spring closes an AutoCloseable bean with the context unless told it has no destroy method. */
  private static final BeanDefinitionCustomizer NO_DESTROY_METHOD =
      definition -> definition.setDestroyMethodName("");

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class))
      .withPropertyValues("stockroom.region=us-east-1",
          "stockroom.endpoint=" + SharedS3Mock.endpoint(), "stockroom.path-style=true")
      .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS);

  @Test
  void theAppsS3KmsAndCloudFrontClients_areUsed_andStayOpenAfterTheContextCloses()
      throws Exception {
    String bucket = SharedS3Mock.newBucket();
    RecordingInterceptor s3Requests = new RecordingInterceptor();
    RecordingInterceptor cloudFrontRequests = new RecordingInterceptor();
    RecordingInterceptor s3AsyncRequests = new RecordingInterceptor();
    try (CloudFrontStandIn standIn = new CloudFrontStandIn();
        KmsStandIn kms = new KmsStandIn().key(KmsStandIn.usable(SharedS3Mock.KMS_KEY_ID));
        KmsClient appKms = kms.client();
        S3Client appS3 = S3Client.builder().region(SharedS3Mock.REGION)
            .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(SharedS3Mock.endpoint())
            .forcePathStyle(true)
            .overrideConfiguration(o -> o.addExecutionInterceptor(s3Requests)).build();
        // an app with an S3Client has the S3AsyncClient to match (the starter refuses one alone)
        S3AsyncClient appS3Async = SharedS3Mock.asyncClient(s3AsyncRequests);
        CloudFrontClient appCloudFront = CloudFrontClient.builder().region(Region.AWS_GLOBAL)
            .credentialsProvider(SharedS3Mock.CREDENTIALS)
            .endpointOverride(standIn.client().serviceClientConfiguration().endpointOverride()
                .orElseThrow())
            .overrideConfiguration(o -> o.addExecutionInterceptor(cloudFrontRequests)).build()) {
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class))
          .withPropertyValues("stockroom.bucket=" + bucket,
              "stockroom.cloud-front.domain=cdn.shop.example",
              "stockroom.cloud-front.key-pair-id=K2JCJMDEHXQW5F",
              "stockroom.cloud-front.private-key=classpath:keys/rsa-pkcs8.pem",
              "stockroom.cloud-front.distribution-id=EDFDVBD6EXAMPLE",
              "stockroom.kms.key-id=" + SharedS3Mock.KMS_KEY_ID)
          // without a destroy method, so that Spring does not close them: only Stockroom could
          .withBean(S3Client.class, () -> appS3, NO_DESTROY_METHOD)
          .withBean(S3AsyncClient.class, () -> appS3Async, NO_DESTROY_METHOD)
          .withBean(CloudFrontClient.class, () -> appCloudFront, NO_DESTROY_METHOD)
          .withBean(KmsClient.class, () -> appKms, NO_DESTROY_METHOD)
          .run(context -> {
            Stockroom stockroom = context.getBean(Stockroom.class);
            stockroom.lifecycle().plan();
            stockroom.transactional().order("2026/12/07/o-1.json").upload(new byte[] {1},
                "application/json");
            var invalidation = stockroom.invalidations().invalidate(List.of("media/pages/a.html"));
            stockroom.invalidations().flush();
            assertThat(invalidation.join().id()).isEqualTo("I1");
          });

      assertThat(s3Requests.sent()).extracting(RecordingInterceptor.Sent::operation)
          .contains("GetBucketLifecycleConfiguration").doesNotContain("PutObject");
      assertThat(s3AsyncRequests.sent()).extracting(RecordingInterceptor.Sent::operation)
          .contains("PutObject");
      assertThat(kms.describeCalls()).as("DescribeKey through the app's KmsClient").isPositive();
      // the invalidations in progress are listed first, to fit the batch to CloudFront's limits
      assertThat(cloudFrontRequests.sent()).extracting(RecordingInterceptor.Sent::operation)
          .containsExactly("ListInvalidations", "CreateInvalidation");
      // the context is closed; the app's clients still work
      assertThat(appS3.listBuckets().buckets()).extracting(b -> b.name()).contains(bucket);
      assertThat(appS3Async.headObject(h -> h.bucket(bucket)
          .key("transactional/orders/2026/12/07/o-1.json")).join().contentLength()).isEqualTo(1);
      assertThat(appKms.describeKey(d -> d.keyId(SharedS3Mock.KMS_KEY_ID)).keyMetadata().keyId())
          .isEqualTo(SharedS3Mock.KMS_KEY_ID);
      assertThat(appCloudFront.createInvalidation(r -> r.distributionId("EDFDVBD6EXAMPLE")
          .invalidationBatch(b -> b.callerReference("after-close")
              .paths(p -> p.quantity(1).items("/media/pages/b.html"))))
          .invalidation().id()).isEqualTo("I2");
    }
  }

  @Test
  void theClientsTheStarterBuilt_areClosed_andNoneOfTheirThreadsRemain() throws Exception {
    String bucket = SharedS3Mock.newBucket(); // S3Mock and its threads start before the count
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    runner.withPropertyValues("stockroom.bucket=" + bucket).run(context -> {
      Stockroom stockroom = context.getBean(Stockroom.class);
      stockroom.media().productImage("a.jpg").upload(new byte[] {1}, "image/jpeg");
      stockroom.lifecycle().apply();
      assertThat(started(before)).as("the threads of the client Stockroom created").isNotEmpty();
    });

    assertThat(SharedS3Mock.admin().headObject(h -> h.bucket(bucket)
        .key("media/product-images/a.jpg")).contentLength()).isEqualTo(1);
    assertThat(leftBehind(before)).isEmpty();
  }

  /** Returns the names of the threads started since {@code before} and still alive. */
  private static Set<String> started(Set<Thread> before) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> !before.contains(thread) && thread.isAlive())
        .map(Thread::getName)
        // the JVM's and S3Mock's own threads are not Stockroom's
        .filter(name -> !name.startsWith("ForkJoinPool.commonPool")
            && !name.startsWith("http-nio") && !name.startsWith("task-")
            && !name.startsWith("Attach Listener"))
        .collect(Collectors.toSet());
  }

  /** Returns the threads {@link #started} still alive after up to five seconds. */
  private static Set<String> leftBehind(Set<Thread> before) throws InterruptedException {
    Set<String> left = started(before);
    for (int attempt = 0; attempt < 50 && !left.isEmpty(); attempt++) {
      Thread.sleep(100);
      left = started(before);
    }
    return left;
  }
}
