package dev.stockroom.spring;

import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.spring.InvalidStockroomPropertyException.Refused;
import dev.stockroom.validation.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * Turns {@code stockroom.cloud-front.*} into {@link CloudFrontSettings}: one key pair
 * ({@code key-pair-id}, {@code private-key}) or several ({@code key-pairs[n].id},
 * {@code key-pairs[n].private-key}) with {@code active-key-pair-id}. Only what is set reaches the
 * settings builder; the rest keeps core's defaults.
 */
final class CloudFrontMapper {

  private static final String P = StockroomProperties.PREFIX + ".cloud-front.";
  /** A bound on what is read of a key file; core refuses PEM text far shorter than this. */
  private static final int MAX_KEY_FILE_BYTES = 1 << 20;

  private final StockroomProperties.CloudFront cf;
  private final PropertyValues values;

  private CloudFrontMapper(StockroomProperties.CloudFront cf, PropertyValues values) {
    this.cf = cf;
    this.values = values;
  }

  /**
   * Returns the settings, or empty when no {@code stockroom.cloud-front.*} property is set.
   *
   * @throws InvalidStockroomPropertyException naming the property and its value
   */
  static Optional<CloudFrontSettings> map(StockroomProperties.CloudFront cf,
      Optional<CloudFrontClient> client, PropertyValues values) {
    return new CloudFrontMapper(cf, values).settings(client);
  }

  private Optional<CloudFrontSettings> settings(Optional<CloudFrontClient> client) {
    List<String> set = setProperties();
    if (cf.getDomain() == null) {
      if (set.isEmpty()) {
        return Optional.empty();
      }
      throw new InvalidStockroomPropertyException(List.of(Refused.notSet(P + "domain")),
          "CloudFront properties are set (" + String.join(", ", set) + ") but no domain",
          "Set " + P + "domain to the distribution's domain, or remove the " + P
              + "* properties.", null);
    }
    CloudFrontSettings.Builder settings = CloudFrontSettings.builder();
    PropertiesMapper.set(values.refused(P + "domain", cf.getDomain()),
        () -> settings.domain(cf.getDomain()));
    keyPairs(settings);
    if (cf.getActiveKeyPairId() != null) {
      PropertiesMapper.set(values.refused(P + "active-key-pair-id", cf.getActiveKeyPairId()),
          () -> settings.activeKeyPairId(cf.getActiveKeyPairId()).build());
    }
    optional(settings);
    client.ifPresent(settings::cloudFrontClient);
    return Optional.of(settings.build());
  }

  private void optional(CloudFrontSettings.Builder settings) {
    if (cf.getLinkWindow() != null) {
      PropertiesMapper.set(values.refused(P + "link-window", cf.getLinkWindow()),
          () -> settings.linkWindow(cf.getLinkWindow()));
    }
    if (cf.getMaximumLifetime() != null) {
      PropertiesMapper.set(values.refused(P + "maximum-lifetime", cf.getMaximumLifetime()),
          () -> settings.shortLivedMaximum(cf.getMaximumLifetime()));
    }
    if (cf.getMinimumRemainingLifetime() != null) {
      PropertiesMapper.set(values.refused(P + "minimum-remaining-lifetime",
          cf.getMinimumRemainingLifetime()),
          () -> settings.minimumRemainingLifetime(cf.getMinimumRemainingLifetime()));
    }
    if (cf.getCacheSize() != null) {
      PropertiesMapper.set(values.refused(P + "cache-size", cf.getCacheSize()),
          () -> settings.cacheSize(cf.getCacheSize()));
    }
    if (cf.getCookieDomain() != null) {
      PropertiesMapper.set(values.refused(P + "cookie-domain", cf.getCookieDomain()),
          () -> settings.cookieDomain(cf.getCookieDomain()));
    }
    if (cf.getCookiePath() != null) {
      PropertiesMapper.set(values.refused(P + "cookie-path", cf.getCookiePath()),
          () -> settings.cookiePath(cf.getCookiePath()));
    }
    if (cf.getDistributionId() != null) {
      PropertiesMapper.set(values.refused(P + "distribution-id", cf.getDistributionId()),
          () -> settings.distributionId(cf.getDistributionId()));
    }
    if (cf.getHashAlgorithm() != null) {
      PropertiesMapper.set(values.refused(P + "hash-algorithm", cf.getHashAlgorithm()),
          () -> settings.hashAlgorithm(cf.getHashAlgorithm()));
    }
    if (cf.getInvalidationDelay() != null) {
      PropertiesMapper.set(values.refused(P + "invalidation-delay", cf.getInvalidationDelay()),
          () -> settings.invalidationDelay(cf.getInvalidationDelay()));
    }
  }

  /** Adds the key pairs of whichever form is used, refusing both forms at once and neither. */
  private void keyPairs(CloudFrontSettings.Builder settings) {
    boolean single = cf.getKeyPairId() != null || cf.getPrivateKey() != null;
    boolean several = !cf.getKeyPairs().isEmpty();
    if (single && several) {
      List<Refused> both = new ArrayList<>();
      if (cf.getKeyPairId() != null) {
        both.add(values.refused(P + "key-pair-id", cf.getKeyPairId()));
      }
      if (cf.getPrivateKey() != null) {
        both.add(values.refused(P + "private-key", cf.getPrivateKey().getDescription()));
      }
      both.add(Refused.of(P + "key-pairs", Printable.of(ids())));
      throw new InvalidStockroomPropertyException(both, "key-pair-id/private-key (one key pair) "
          + "and key-pairs (several) are two forms of the same setting", "Use one form: move "
          + "the single key pair into " + P + "key-pairs, or remove " + P + "key-pairs.", null);
    }
    if (several) {
      addSeveral(settings);
    } else {
      addSingle(settings);
    }
  }

  private void addSingle(CloudFrontSettings.Builder settings) {
    if (cf.getKeyPairId() == null || cf.getPrivateKey() == null) {
      List<Refused> missing = new ArrayList<>();
      if (cf.getKeyPairId() == null) {
        missing.add(Refused.notSet(P + "key-pair-id"));
      }
      if (cf.getPrivateKey() == null) {
        missing.add(Refused.notSet(P + "private-key"));
      }
      throw new InvalidStockroomPropertyException(missing, "a CloudFront domain is set but no "
          + "complete key pair", "Set " + P + "key-pair-id and " + P + "private-key (e.g. "
          + "file:/run/secrets/cloudfront.pem), or several key pairs with " + P
          + "key-pairs[0].id and " + P + "key-pairs[0].private-key; or remove " + P
          + "domain.", null);
    }
    addKeyPair(settings, P + "key-pair-id", cf.getKeyPairId(), P + "private-key",
        cf.getPrivateKey());
  }

  private void addSeveral(CloudFrontSettings.Builder settings) {
    Map<String, String> seen = new LinkedHashMap<>();
    for (int i = 0; i < cf.getKeyPairs().size(); i++) {
      StockroomProperties.KeyPair pair = cf.getKeyPairs().get(i);
      String entry = P + "key-pairs[" + i + "]";
      if (pair.getId() == null || pair.getPrivateKey() == null) {
        String missing = entry + (pair.getId() == null ? ".id" : ".private-key");
        throw new InvalidStockroomPropertyException(List.of(Refused.notSet(missing)),
            "every key pair needs an id and a private-key", "Set " + missing + ".", null);
      }
      String previous = seen.putIfAbsent(pair.getId(), entry + ".id");
      if (previous != null) {
        throw new InvalidStockroomPropertyException(List.of(
            values.refused(entry + ".id", pair.getId())), "key pair id already used by "
            + previous, "Give each key pair its own id.", null);
      }
      addKeyPair(settings, entry + ".id", pair.getId(), entry + ".private-key",
          pair.getPrivateKey());
    }
  }

  private void addKeyPair(CloudFrontSettings.Builder settings, String idProperty, String id,
      String keyProperty, Resource key) {
    // activeKeyPairId checks the id alone, so a bad id is blamed on the id property
    PropertiesMapper.set(values.refused(idProperty, id),
        () -> CloudFrontSettings.builder().activeKeyPairId(id));
    String pem = read(keyProperty, key);
    PropertiesMapper.set(values.refused(keyProperty, key.getDescription()),
        () -> settings.keyPairPem(id, pem));
  }

  private String read(String property, Resource key) {
    Refused refused = values.refused(property, key.getDescription());
    if (!key.exists() || !key.isReadable()) {
      throw new InvalidStockroomPropertyException(List.of(refused), key.getDescription()
          + " cannot be read", "Point " + property + " at a readable PEM file, e.g. "
          + "file:/run/secrets/cloudfront.pem.", null);
    }
    try (InputStream in = key.getInputStream()) {
      // ISO-8859-1 keeps every byte, so a binary (DER) file reaches core's message about it
      return new String(in.readNBytes(MAX_KEY_FILE_BYTES), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new InvalidStockroomPropertyException(List.of(refused), key.getDescription()
          + " cannot be read", "Point " + property + " at a readable PEM file.", null);
    }
  }

  private String ids() {
    return cf.getKeyPairs().stream().map(pair -> String.valueOf(pair.getId())).toList()
        .toString();
  }

  private List<String> setProperties() {
    List<String> set = new ArrayList<>();
    add(set, "key-pair-id", cf.getKeyPairId());
    add(set, "private-key", cf.getPrivateKey());
    add(set, "key-pairs", cf.getKeyPairs().isEmpty() ? null : cf.getKeyPairs());
    add(set, "active-key-pair-id", cf.getActiveKeyPairId());
    add(set, "link-window", cf.getLinkWindow());
    add(set, "maximum-lifetime", cf.getMaximumLifetime());
    add(set, "minimum-remaining-lifetime", cf.getMinimumRemainingLifetime());
    add(set, "cache-size", cf.getCacheSize());
    add(set, "cookie-domain", cf.getCookieDomain());
    add(set, "cookie-path", cf.getCookiePath());
    add(set, "distribution-id", cf.getDistributionId());
    add(set, "invalidation-delay", cf.getInvalidationDelay());
    return set;
  }

  private static void add(List<String> set, String name, Object value) {
    if (value != null) {
      set.add(P + name);
    }
  }
}
