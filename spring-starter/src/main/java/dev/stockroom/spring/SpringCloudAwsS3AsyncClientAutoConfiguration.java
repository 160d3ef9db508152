package dev.stockroom.spring;

import io.awspring.cloud.autoconfigure.AwsAsyncClientCustomizer;
import io.awspring.cloud.autoconfigure.core.AwsClientBuilderConfigurer;
import io.awspring.cloud.autoconfigure.core.AwsConnectionDetails;
import io.awspring.cloud.autoconfigure.s3.S3ClientCustomizer;
import io.awspring.cloud.autoconfigure.s3.properties.S3Properties;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The application's {@link S3AsyncClient} when it uses Spring Cloud AWS's S3 support and declares
 * none: built from the same configuration as Spring Cloud AWS's {@link S3Client}, so that
 * Stockroom's uploads and bucket-level calls, and Spring Cloud AWS's own transfer manager, reach
 * one endpoint with one region, credentials, path-style and set of interceptors.
 *
 * <p>Not switched off by {@code stockroom.enabled=false}: the starter puts
 * {@code s3-transfer-manager} on the classpath, which turns on Spring Cloud AWS's transfer
 * manager; without an {@code S3AsyncClient} bean that builds an SDK-default client that ignores
 * {@code spring.cloud.aws.*}. Ordered before Spring Cloud AWS's CRT client, which cannot carry
 * interceptors or {@link S3ClientCustomizer}s: with {@code aws-crt-client} on the classpath this
 * client is used instead; declare an {@code S3AsyncClient} bean to choose another.
 */
@AutoConfiguration(beforeName = {
    "io.awspring.cloud.autoconfigure.s3.S3CrtAsyncClientAutoConfiguration",
    "io.awspring.cloud.autoconfigure.s3.S3TransferManagerAutoConfiguration",
    "io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration"})
@ConditionalOnClass(value = {S3AsyncClient.class, AwsClientBuilderConfigurer.class},
    name = "io.awspring.cloud.s3.S3OutputStreamProvider")
@ConditionalOnBooleanProperty(name = "spring.cloud.aws.s3.enabled", matchIfMissing = true)
@EnableConfigurationProperties(S3Properties.class)
public class SpringCloudAwsS3AsyncClientAutoConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(SpringCloudAwsS3AsyncClientAutoConfiguration.class);

  /** The client and its event loops, unless the application declares an S3AsyncClient. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingBean(S3AsyncClient.class)
  static class JavaClient {

    /**
     * Builds the client as Spring Cloud AWS builds its {@code S3Client}: its client builder
     * configurer (credentials, region, endpoint), the {@code spring.cloud.aws.s3.*} service
     * settings (path-style among them), {@link AwsAsyncClientCustomizer}s, and the override
     * configuration and plugins of the {@link S3ClientBuilder} bean, where
     * {@link S3ClientCustomizer}s put their interceptors, retry strategy and headers. Multipart
     * uploads are on.
     */
    @Bean
    S3AsyncClient s3AsyncClient(AwsClientBuilderConfigurer configurer, S3Properties properties,
        ObjectProvider<AwsConnectionDetails> connectionDetails,
        ObjectProvider<S3ClientBuilder> s3ClientBuilder,
        ObjectProvider<AwsAsyncClientCustomizer> asyncCustomizers, S3EventLoops eventLoops) {
      // Netty on the context's own event loops, set before the customizers: they may replace it
      S3AsyncClientBuilder netty = S3AsyncClient.builder().httpClientBuilder(
          NettyNioAsyncHttpClient.builder().eventLoopGroup(eventLoops.group()));
      S3AsyncClientBuilder builder = configurer.configureAsyncClient(netty, properties,
          connectionDetails.getIfAvailable(), null, asyncCustomizers.orderedStream());
      builder.serviceConfiguration(properties.toS3Configuration());
      Optional.ofNullable(properties.getCrossRegionEnabled())
          .ifPresent(builder::crossRegionAccessEnabled);
      s3ClientBuilder.ifAvailable(sync -> {
        builder.overrideConfiguration(sync.overrideConfiguration());
        sync.plugins().forEach(builder::addPlugin);
      });
      if (ClassUtils.isPresent("software.amazon.awssdk.http.crt.AwsCrtHttpClient", null)) {
        log.info("S3AsyncClient built from spring.cloud.aws.s3.* with the S3 client's "
            + "interceptors, in place of Spring Cloud AWS's CRT client, which cannot carry "
            + "them; declare an S3AsyncClient bean to use another");
      }
      return builder.multipartEnabled(true).build();
    }

    /** The event loops of {@link #s3AsyncClient}'s HTTP client, ended after it. */
    @Bean
    S3EventLoops stockroomS3EventLoops() {
      return new S3EventLoops(SdkEventLoopGroup.builder().build());
    }
  }

  /**
   * Event loops that end without Netty's two-second quiet period, which the SDK's own client
   * waits out on every close: the client that used them is closed first, so no task can arrive.
   */
  record S3EventLoops(SdkEventLoopGroup group) implements AutoCloseable {

    @Override
    public void close() {
      group.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS)
          .awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }
}
