package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A {@link Stockroom} bean from {@code stockroom.*} properties. Reuses the application's
 * {@link S3AsyncClient}, {@link S3Client}, {@link KmsClient} and {@link CloudFrontClient} beans
 * (e.g. from Spring Cloud AWS) when there is one of a type, and its {@link AwsRegionProvider}
 * and {@link AwsCredentialsProvider} beans for the clients Stockroom still creates. An
 * {@code S3Client} only with an {@code S3AsyncClient} that reaches the bucket at the same place
 * (see {@link SpringCloudAwsS3AsyncClientAutoConfiguration} for the one built from Spring Cloud
 * AWS's configuration).
 */
@AutoConfiguration(afterName = {
    "io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration",
    "io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration",
    "io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration"})
@ConditionalOnClass(Stockroom.class)
@ConditionalOnBooleanProperty(name = "stockroom.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StockroomProperties.class)
public class StockroomAutoConfiguration {

  /**
   * Builds the Stockroom; closed with the application context.
   *
   * @throws InvalidStockroomPropertyException naming the properties a refused setting came from
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Stockroom stockroom(StockroomProperties properties, Environment environment,
      ObjectProvider<S3AsyncClient> s3AsyncClient, ObjectProvider<S3Client> s3Client,
      ObjectProvider<KmsClient> kmsClient, ObjectProvider<CloudFrontClient> cloudFrontClient,
      ObjectProvider<AwsCredentialsProvider> credentials, ObjectProvider<AwsRegionProvider> region,
      ObjectProvider<StockroomBuilderCustomizer> customizers) {
    Stockroom.Builder builder = Stockroom.builder();
    PropertiesMapper.AwsBeans beans = new PropertiesMapper.AwsBeans(
        Optional.ofNullable(s3AsyncClient.getIfUnique()),
        Optional.ofNullable(s3Client.getIfUnique()),
        Optional.ofNullable(kmsClient.getIfUnique()),
        Optional.ofNullable(cloudFrontClient.getIfUnique()),
        Optional.ofNullable(credentials.getIfUnique()), Optional.ofNullable(region.getIfUnique()));
    SettingSources sources = PropertiesMapper.apply(properties, beans,
        PropertyValues.of(environment), builder);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw sources.explain(e);
    }
  }

  /** Applies the lifecycle plan at start-up when {@code stockroom.lifecycle.apply-on-startup}. */
  @Bean
  @ConditionalOnBooleanProperty("stockroom.lifecycle.apply-on-startup")
  @ConditionalOnMissingBean
  public StockroomLifecycleOnStartup stockroomLifecycleOnStartup(Stockroom stockroom) {
    return new StockroomLifecycleOnStartup(stockroom);
  }

  /**
   * Keeps {@code stockroom.resume-token-key} and {@code stockroom.protection-key} out of the
   * actuator's {@code env} and
   * {@code configprops} endpoints, even where they are set to show values.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(SanitizingFunction.class)
  static class Sanitizing {

    /** Masks the resume token and protection keys under any of their relaxed names. */
    @Bean
    SanitizingFunction stockroomResumeTokenKeySanitizer() {
      return SanitizingFunction.sanitizeValue().ifKeyMatches(key ->
          key.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT)
              .matches(".*(resumetokenkey|protectionkey)"));
    }
  }
}
