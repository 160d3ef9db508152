package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A {@link Stockroom} bean from {@code stockroom.*} properties. Reuses the application's
 * {@link S3AsyncClient}, {@link S3Client}, {@link KmsClient}, {@link AwsCredentialsProvider} and
 * {@link AwsRegionProvider} beans (e.g. from Spring Cloud AWS) when there are any.
 */
@AutoConfiguration(afterName = {
    "io.awspring.cloud.autoconfigure.core.CredentialsProviderAutoConfiguration",
    "io.awspring.cloud.autoconfigure.core.RegionProviderAutoConfiguration",
    "io.awspring.cloud.autoconfigure.s3.S3AutoConfiguration"})
@ConditionalOnClass(Stockroom.class)
@ConditionalOnBooleanProperty(name = "stockroom.enabled", matchIfMissing = true)
@EnableConfigurationProperties(StockroomProperties.class)
public class StockroomAutoConfiguration {

  /** Builds the Stockroom; closed with the application context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public Stockroom stockroom(StockroomProperties properties,
      ObjectProvider<S3AsyncClient> s3AsyncClient, ObjectProvider<S3Client> s3Client,
      ObjectProvider<KmsClient> kmsClient, ObjectProvider<AwsCredentialsProvider> credentials,
      ObjectProvider<AwsRegionProvider> region,
      ObjectProvider<StockroomBuilderCustomizer> customizers) {
    Stockroom.Builder builder = Stockroom.builder();
    if (properties.getRegion() == null) {
      region.ifUnique(provider -> builder.region(provider.getRegion()));
    }
    credentials.ifUnique(builder::credentialsProvider);
    s3AsyncClient.ifUnique(builder::s3AsyncClient);
    s3Client.ifUnique(builder::s3Client);
    kmsClient.ifUnique(builder::kmsClient);
    PropertiesMapper.apply(properties, builder);
    customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidStockroomPropertyException(StockroomProperties.PREFIX, e.getMessage(),
          "Check the stockroom.* properties (and the region of the AWS setup).", e);
    }
  }

  /** Applies the lifecycle plan at start-up when {@code stockroom.lifecycle.apply-on-startup}. */
  @Bean
  @ConditionalOnBooleanProperty("stockroom.lifecycle.apply-on-startup")
  @ConditionalOnMissingBean
  public StockroomLifecycleOnStartup stockroomLifecycleOnStartup(Stockroom stockroom) {
    return new StockroomLifecycleOnStartup(stockroom);
  }
}
