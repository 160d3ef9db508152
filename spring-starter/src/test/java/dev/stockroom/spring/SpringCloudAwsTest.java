package dev.stockroom.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.stockroom.Stockroom;
import dev.stockroom.internal.s3.S3Clients;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import io.awspring.cloud.autoconfigure.core.AwsAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration;
import io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration;
import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;
import io.awspring.cloud.autoconfigure.s3.S3CrtAsyncClientAutoConfiguration;
import io.awspring.cloud.autoconfigure.s3.S3TransferManagerAutoConfiguration;
import io.awspring.cloud.s3.S3Template;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * Stockroom beside Spring Cloud AWS's S3 starter, configured only through
 * {@code spring.cloud.aws.*}: one client of each kind, Stockroom's uploads and bucket calls at the
 * configured endpoint through the interceptors registered on the application's S3 client, and
 * Spring Cloud AWS's transfer manager on the same client whether Stockroom is on or off.
 * {@link SpringCloudAwsCrtTest} runs these with {@code aws-crt-client} on the classpath.
 */
class SpringCloudAwsTest {

  /** Cache-Control of product images (DESIGN.md's policy table). */
  private static final String IMAGE_CACHE_CONTROL = "public, max-age=31536000, immutable";

  private final RecordingInterceptor requests = new RecordingInterceptor();
  private final String bucket = SharedS3Mock.newBucket();

  /** The application: Spring Cloud AWS configured by properties alone, with an interceptor. */
  ApplicationContextRunner app() {
    return new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(springCloudAwsS3()))
        .withConfiguration(AutoConfigurations.of(stockroomStarter()))
        .withPropertyValues("spring.cloud.aws.s3.endpoint=" + SharedS3Mock.endpoint(),
            "spring.cloud.aws.s3.path-style-access-enabled=true",
            "spring.cloud.aws.region.static=" + SharedS3Mock.REGION.id(),
            "spring.cloud.aws.credentials.access-key=foo",
            "spring.cloud.aws.credentials.secret-key=bar",
            "stockroom.bucket=" + bucket)
        .withBean(S3ClientCustomizer.class, () -> builder -> builder.overrideConfiguration(
            o -> o.addExecutionInterceptor(requests)));
  }

  /** The starter's auto-configurations, as its imports file lists them. */
  private static Class<?>[] stockroomStarter() {
    return ImportCandidates.load(AutoConfiguration.class, SpringCloudAwsTest.class.getClassLoader())
        .getCandidates().stream().filter(name -> name.startsWith("dev.stockroom.spring."))
        .map(name -> ClassUtils.resolveClassName(name, null)).toArray(Class<?>[]::new);
  }

  /**
   * Spring Cloud AWS's S3 auto-configurations as an application gets them: the CRT client's only
   * with {@code aws-crt-client} present (a listed class skips the import filter that checks it).
   */
  private static Class<?>[] springCloudAwsS3() {
    List<Class<?>> configurations = new ArrayList<>(List.of(AwsAutoConfiguration.class,
        CredentialsProviderAutoConfiguration.class, RegionProviderAutoConfiguration.class,
        S3TransferManagerAutoConfiguration.class, S3AutoConfiguration.class));
    if (ClassUtils.isPresent("software.amazon.awssdk.http.crt.AwsCrtHttpClient", null)) {
      configurations.add(S3CrtAsyncClientAutoConfiguration.class);
    }
    return configurations.toArray(Class<?>[]::new);
  }

  @Test
  void oneClientOfEachKind_stockroomAndS3Template_reachTheEndpointThroughTheAppsInterceptor() {
    app().run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(S3Client.class)
          .hasSingleBean(S3AsyncClient.class).hasSingleBean(S3TransferManager.class)
          .hasSingleBean(Stockroom.class);
      Stockroom stockroom = context.getBean(Stockroom.class);
      stockroom.lifecycle().apply();
      stockroom.media().productImage("sku-1/front.jpg")
          .upload("jpeg".getBytes(StandardCharsets.UTF_8), "image/jpeg");
      S3Template template = context.getBean(S3Template.class);
      template.upload(bucket, "exports/a.csv",
          new ByteArrayInputStream("a,b".getBytes(StandardCharsets.UTF_8)));

      String image = "media/product-images/sku-1/front.jpg";
      assertThat(requests.sent("PutBucketLifecycleConfiguration")).extracting(this::uri)
          .containsExactly(at("?lifecycle"));
      assertThat(requests.sent("PutObject")).extracting(this::uri)
          .containsExactly(at("/" + image), at("/exports/a.csv"));
      try (InputStream in = template.download(bucket, image).getInputStream()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("jpeg");
      }
      HeadObjectResponse head = context.getBean(S3Client.class)
          .headObject(b -> b.bucket(bucket).key(image));
      assertThat(head.cacheControl()).isEqualTo(IMAGE_CACHE_CONTROL);
      assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
    });
  }

  @Test
  void stockroomDisabled_leavesSpringCloudAwsWorking_withoutARegionInTheEnvironment() {
    assumeThat(S3Clients.localRegion()).as("no AWS_REGION, aws.region or profile region")
        .isEmpty();
    app().withPropertyValues("stockroom.enabled=false").run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(Stockroom.class)
          .hasSingleBean(S3AsyncClient.class);
      S3Template template = context.getBean(S3Template.class);
      template.upload(bucket, "exports/b.csv",
          new ByteArrayInputStream("b".getBytes(StandardCharsets.UTF_8)));

      try (InputStream in = template.download(bucket, "exports/b.csv").getInputStream()) {
        assertThat(in.readAllBytes()).isEqualTo("b".getBytes(StandardCharsets.UTF_8));
      }
    });
  }

  @Test
  void closingStockroom_leavesTheApplicationsClientsOpen_theContextClosesThem() {
    S3AsyncClient[] async = new S3AsyncClient[1];
    app().run(context -> {
      async[0] = context.getBean(S3AsyncClient.class);
      context.getBean(Stockroom.class).close();

      assertThat(async[0].headBucket(b -> b.bucket(bucket)).join().sdkHttpResponse()
          .isSuccessful()).isTrue();
      assertThat(context.getBean(S3Client.class).headBucket(b -> b.bucket(bucket))
          .sdkHttpResponse().isSuccessful()).isTrue();
    });
    // the context closed the client it made: its event loop no longer takes work
    assertThatThrownBy(() -> async[0].headBucket(b -> b.bucket(bucket)).join())
        .hasRootCauseInstanceOf(RejectedExecutionException.class);
  }

  @Test
  void theAppsOwnS3AsyncClient_isTheOnlyOne() {
    S3AsyncClient own = SharedS3Mock.asyncClient(requests);
    app().withBean(S3AsyncClient.class, () -> own).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(S3AsyncClient.class);
      assertThat(context.getBean(S3AsyncClient.class)).isSameAs(own);
    });
  }

  @Test
  void anS3AsyncClientReachingAnotherPlace_stopsTheStartup() {
    S3AsyncClient virtualHosted = SharedS3Mock.asyncClientBuilder().forcePathStyle(false).build();
    try {
      app().withBean(S3AsyncClient.class, () -> virtualHosted).run(context -> {
        assertThat(StartupFailure.of(context).getDescription()).isEqualTo(
            "Stockroom could not be configured:\n\n"
            + "    Property: stockroom\n"
            + "    Reason: the application's S3Client and S3AsyncClient beans reach bucket '"
            + bucket + "' at different places (S3Client: " + SharedS3Mock.endpoint() + "/"
            + bucket + " in us-east-1; S3AsyncClient: http://" + bucket + ".localhost:"
            + SharedS3Mock.endpoint().getPort() + " in us-east-1): Stockroom's bucket-level "
            + "calls and uploads would go to different stores");
      });
    } finally {
      virtualHosted.close();
    }
  }

  String bucket() {
    return bucket;
  }

  private URI uri(RecordingInterceptor.Sent sent) {
    return sent.http().getUri();
  }

  /** Returns the URI of {@code path} in the bucket on S3Mock, path-style. */
  private URI at(String path) {
    return URI.create(SharedS3Mock.endpoint() + "/" + bucket + path);
  }
}
