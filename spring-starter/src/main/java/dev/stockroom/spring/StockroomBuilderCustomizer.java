package dev.stockroom.spring;

import dev.stockroom.Stockroom;

/**
 * Adjusts the {@link Stockroom.Builder} after the properties are applied: declare beans of this
 * type to set what properties cannot (a policy catalog built in code, an S3 client customizer).
 */
@FunctionalInterface
public interface StockroomBuilderCustomizer {

  /** Adjusts {@code builder}. */
  void customize(Stockroom.Builder builder);
}
