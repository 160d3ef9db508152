package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.policy.Transition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.core.io.Resource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Applies {@link StockroomProperties} to a {@link Stockroom.Builder}. Every value the builder
 * refuses is reported as an {@link InvalidStockroomPropertyException} naming the property.
 */
final class PropertiesMapper {

  private static final String P = StockroomProperties.PREFIX + ".";
  private static final Set<String> ARCHIVE_CLASSES = Set.of("GLACIER", "GLACIER_IR",
      "DEEP_ARCHIVE");

  private PropertiesMapper() {}

  static void apply(StockroomProperties properties, Stockroom.Builder builder) {
    if (properties.getBucket() == null || properties.getBucket().isBlank()) {
      throw new InvalidStockroomPropertyException(P + "bucket", "no bucket is set",
          "Set stockroom.bucket to the S3 bucket Stockroom stores into, or set "
              + "stockroom.enabled=false.", null);
    }
    set(P + "bucket", properties.getBucket(), () -> builder.bucket(properties.getBucket()));
    if (properties.getRegion() != null) {
      set(P + "region", properties.getRegion(),
          () -> builder.region(Region.of(properties.getRegion())));
    }
    if (properties.getEndpoint() != null) {
      set(P + "endpoint", properties.getEndpoint(),
          () -> builder.endpointOverride(properties.getEndpoint()));
    }
    builder.forcePathStyle(properties.isPathStyle()).accelerate(properties.isAccelerate());
    kms(properties.getKms(), builder);
    transfer(properties.getTransfer(), builder);
    if (properties.getCloudFront().getDomain() != null) {
      builder.cloudFront(cloudFront(properties.getCloudFront()));
    }
    if (!properties.getPolicies().isEmpty()) {
      builder.policies(policies(properties.getPolicies()));
    }
  }

  private static void kms(StockroomProperties.Kms kms, Stockroom.Builder builder) {
    if (kms.getKeyId() != null) {
      set(P + "kms.key-id", kms.getKeyId(), () -> builder.kmsKeyId(kms.getKeyId()));
    }
    builder.kmsKeyCheck(kms.isKeyCheck());
    set(P + "kms.check-interval", kms.getCheckInterval(),
        () -> builder.awsCheckInterval(kms.getCheckInterval()));
  }

  private static void transfer(StockroomProperties.Transfer transfer, Stockroom.Builder builder) {
    set(P + "transfer", transfer.getPartSize(), () -> builder.transferSettings(t -> t
        .partSize(transfer.getPartSize().toBytes())
        .multipartThreshold(transfer.getMultipartThreshold().toBytes())
        .maxConnections(transfer.getMaxConnections())
        .maxConcurrentFiles(transfer.getMaxConcurrentFiles())));
  }

  private static CloudFrontSettings cloudFront(StockroomProperties.CloudFront cf) {
    String prefix = P + "cloud-front.";
    CloudFrontSettings.Builder settings = CloudFrontSettings.builder();
    set(prefix + "domain", cf.getDomain(), () -> settings.domain(cf.getDomain()));
    if (cf.getKeyPairId() == null || cf.getPrivateKey() == null) {
      throw new InvalidStockroomPropertyException(prefix + "private-key",
          "a CloudFront domain is set but no key pair",
          "Set stockroom.cloud-front.key-pair-id and stockroom.cloud-front.private-key (e.g. "
              + "file:/run/secrets/cloudfront.pem), or remove stockroom.cloud-front.domain.", null);
    }
    String pem = read(cf.getPrivateKey());
    set(prefix + "private-key", cf.getPrivateKey().getDescription(),
        () -> settings.keyPairPem(cf.getKeyPairId(), pem));
    set(prefix + "link-window", cf.getLinkWindow(), () -> settings.linkWindow(cf.getLinkWindow()));
    set(prefix + "maximum-lifetime", cf.getMaximumLifetime(),
        () -> settings.shortLivedMaximum(cf.getMaximumLifetime()));
    set(prefix + "minimum-remaining-lifetime", cf.getMinimumRemainingLifetime(),
        () -> settings.minimumRemainingLifetime(cf.getMinimumRemainingLifetime()));
    set(prefix + "cache-size", cf.getCacheSize(), () -> settings.cacheSize(cf.getCacheSize()));
    if (cf.getCookieDomain() != null) {
      set(prefix + "cookie-domain", cf.getCookieDomain(),
          () -> settings.cookieDomain(cf.getCookieDomain()));
    }
    if (cf.getDistributionId() != null) {
      set(prefix + "distribution-id", cf.getDistributionId(),
          () -> settings.distributionId(cf.getDistributionId()));
    }
    return settings.build();
  }

  private static String read(Resource key) {
    String property = P + "cloud-front.private-key";
    if (!key.exists() || !key.isReadable()) {
      throw new InvalidStockroomPropertyException(property, key.getDescription()
          + " cannot be read", "Point stockroom.cloud-front.private-key at a readable PEM file, "
          + "e.g. file:/run/secrets/cloudfront.pem.", null);
    }
    try (InputStream in = key.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new InvalidStockroomPropertyException(property, key.getDescription()
          + " cannot be read", "Point stockroom.cloud-front.private-key at a readable PEM file.",
          e);
    }
  }

  private static PolicyCatalog policies(Map<String, StockroomProperties.Policy> overrides) {
    PolicyCatalog.Builder catalog = PolicyCatalog.builder();
    overrides.forEach((id, policy) -> {
      String prefix = P + "policies." + id;
      DataKind kind = kind(prefix, id);
      set(prefix, id, () -> catalog.policy(kind, p -> override(prefix, policy, p)));
    });
    return catalog.build();
  }

  private static DataKind kind(String property, String id) {
    try {
      return DataKind.fromId(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidStockroomPropertyException(property, e.getMessage(), "Use one of "
          + List.of(DataKind.values()).stream().map(DataKind::id).toList() + ".", e);
    }
  }

  private static void override(String prefix, StockroomProperties.Policy policy,
      StoragePolicy.Builder p) {
    if (policy.getPrefix() != null) {
      p.prefix(policy.getPrefix());
    }
    if (policy.getCacheControl() != null) {
      p.cacheControl(policy.getCacheControl());
    }
    if (policy.getTransitionToIa() != null) {
      p.transition(days(prefix + ".transition-to-ia", policy.getTransitionToIa()),
          TransitionStorageClass.STANDARD_IA);
    }
    if (policy.getTransitionToArchive() != null || policy.getArchiveClass() != null) {
      archive(prefix, policy, p);
    }
    if (policy.getExpiration() != null) {
      p.expirationDays(days(prefix + ".expiration", policy.getExpiration()));
    }
    if (policy.getNoncurrentExpiration() != null) {
      p.noncurrentVersionExpirationDays(days(prefix + ".noncurrent-expiration",
          policy.getNoncurrentExpiration()));
    }
  }

  /** Replaces the archive step (GLACIER, GLACIER_IR or DEEP_ARCHIVE) of the kind's transitions. */
  private static void archive(String prefix, StockroomProperties.Policy policy,
      StoragePolicy.Builder p) {
    StoragePolicy current = p.build();
    List<Transition> kept = new ArrayList<>();
    Transition archive = null;
    for (Transition t : current.transitions()) {
      if (ARCHIVE_CLASSES.contains(t.storageClass().toString())) {
        archive = t;
      } else {
        kept.add(t);
      }
    }
    String archiveClass = policy.getArchiveClass() != null ? policy.getArchiveClass()
        : archive != null ? archive.storageClass().toString() : "GLACIER";
    if (!ARCHIVE_CLASSES.contains(archiveClass)) {
      throw new IllegalArgumentException("archive-class must be one of " + ARCHIVE_CLASSES
          + ", but was " + archiveClass);
    }
    Integer days = policy.getTransitionToArchive() != null
        ? days(prefix + ".transition-to-archive", policy.getTransitionToArchive())
        : archive != null ? archive.days() : null;
    if (days == null) {
      throw new IllegalArgumentException("archive-class needs transition-to-archive: the kind has "
          + "no archive step yet");
    }
    kept.add(Transition.of(days, TransitionStorageClass.fromValue(archiveClass)));
    p.transitions(kept);
  }

  private static int days(String property, Duration duration) {
    if (duration.isNegative() || duration.toSeconds() % 86_400 != 0) {
      throw new IllegalArgumentException(property + " must be whole days (e.g. 120d), but was "
          + duration);
    }
    return Math.toIntExact(duration.toDays());
  }

  /** Runs a builder call, reporting a refused value against {@code property}. */
  private static void set(String property, Object value, Runnable call) {
    try {
      call.run();
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidStockroomPropertyException(property, e.getMessage(), "Correct "
          + property + " (was '" + value + "').", e);
    }
  }
}
