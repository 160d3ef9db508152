package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/** The Stockroom health indicator, when Spring Boot's health support is on the classpath. */
@AutoConfiguration(after = StockroomAutoConfiguration.class)
@ConditionalOnClass(HealthIndicator.class)
@ConditionalOnBean(Stockroom.class)
@ConditionalOnEnabledHealthIndicator("stockroom")
public class StockroomHealthAutoConfiguration {

  /** Reports bucket reachability, lifecycle drift and KMS key state. */
  @Bean
  @ConditionalOnMissingBean(name = "stockroomHealthIndicator")
  public StockroomHealthIndicator stockroomHealthIndicator(Stockroom stockroom) {
    return new StockroomHealthIndicator(stockroom);
  }
}
