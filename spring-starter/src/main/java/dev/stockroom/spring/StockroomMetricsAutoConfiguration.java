package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Binds Stockroom's meters to the application's {@link MeterRegistry}, and its uploads to the
 * application's {@link ObservationRegistry} (so traces show them), when Micrometer is on the class
 * path and the application has a registry. Meter names start with {@code stockroom.}, so
 * {@code management.metrics.enable.stockroom=false} turns them off.
 */
@AutoConfiguration(before = StockroomAutoConfiguration.class)
@ConditionalOnClass({Stockroom.class, MeterRegistry.class})
@ConditionalOnBooleanProperty(name = "stockroom.enabled", matchIfMissing = true)
public class StockroomMetricsAutoConfiguration {

  /** Hands the application's registries, when it has one of each kind, to Stockroom's builder. */
  @Bean
  @ConditionalOnMissingBean(name = "stockroomMetricsCustomizer")
  public StockroomBuilderCustomizer stockroomMetricsCustomizer(
      ObjectProvider<MeterRegistry> meters, ObjectProvider<ObservationRegistry> observations) {
    return builder -> meters.ifUnique(registry -> {
      builder.meterRegistry(registry);
      observations.ifUnique(builder::observationRegistry);
    });
  }
}
