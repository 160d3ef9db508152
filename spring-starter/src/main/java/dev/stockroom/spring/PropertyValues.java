package dev.stockroom.spring;

import dev.stockroom.spring.InvalidStockroomPropertyException.Refused;
import dev.stockroom.validation.Printable;
import java.util.List;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.Environment;

/**
 * How a report shows a property's value: as the user wrote it ({@code 10d}, not the bound
 * {@code PT240H}), found in the environment under any of its relaxed names, and made printable
 * (control characters escaped, PEM text and signatures elided, long values cut).
 */
final class PropertyValues {

  private final Iterable<ConfigurationPropertySource> sources;

  private PropertyValues(Iterable<ConfigurationPropertySource> sources) {
    this.sources = sources;
  }

  /** Returns the values of {@code environment}. */
  static PropertyValues of(Environment environment) {
    return new PropertyValues(ConfigurationPropertySources.get(environment));
  }

  /** Returns a lookup that knows no environment and shows bound values. */
  static PropertyValues none() {
    return new PropertyValues(List.of());
  }

  /**
   * Returns {@code property} for a report, with its value as written, or {@code bound} when the
   * environment does not hold it under that name.
   */
  Refused refused(String property, Object bound) {
    return Refused.of(property, shown(property, bound));
  }

  /** Returns the value of {@code property} as written, or {@code bound}, made printable. */
  String shown(String property, Object bound) {
    ConfigurationPropertyName name = ConfigurationPropertyName.ofIfValid(property);
    if (name != null) {
      for (ConfigurationPropertySource source : sources) {
        ConfigurationProperty written = source.getConfigurationProperty(name);
        if (written != null && written.getValue() != null) {
          return Printable.of(written.getValue());
        }
      }
    }
    return Printable.of(bound);
  }
}
