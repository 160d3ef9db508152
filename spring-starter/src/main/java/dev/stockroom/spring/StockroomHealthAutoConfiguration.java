package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The Stockroom health indicator, when Spring Boot's health support is on the classpath; off with
 * {@code management.health.stockroom.enabled=false}.
 */
@AutoConfiguration(after = StockroomAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Stockroom.class)
@ConditionalOnEnabledHealthIndicator("stockroom")
@EnableConfigurationProperties(StockroomProperties.class)
public class StockroomHealthAutoConfiguration {

  private static final String CACHE_INTERVAL = StockroomProperties.PREFIX
      + ".health.cache-interval";

  /**
   * Reports bucket reachability, lifecycle drift and KMS key state, reusing a result for
   * {@code stockroom.health.cache-interval}.
   *
   * @throws InvalidStockroomPropertyException if the cache interval is negative
   */
  @Bean
  @ConditionalOnMissingBean(name = "stockroomHealthIndicator")
  public StockroomHealthIndicator stockroomHealthIndicator(Stockroom stockroom,
      StockroomProperties properties, Environment environment) {
    Duration interval = properties.getHealth().getCacheInterval();
    if (interval == null || interval.isNegative()) {
      throw new InvalidStockroomPropertyException(List.of(PropertyValues.of(environment)
          .refused(CACHE_INTERVAL, interval)), "the cache interval must be 0 or more",
          "Set " + CACHE_INTERVAL + " to how long a health result is reused, e.g. 1m, or 0 to "
              + "ask S3 on every probe.", null);
    }
    return new StockroomHealthIndicator(stockroom, interval);
  }
}
