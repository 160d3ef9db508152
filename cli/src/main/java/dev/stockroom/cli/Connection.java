package dev.stockroom.cli;

import dev.stockroom.Stockroom;
import dev.stockroom.links.HashAlgorithm;
import dev.stockroom.validation.Printable;
import java.net.URI;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;

/**
 * Builds the Stockroom a command works with from the properties. Credentials come from the AWS
 * default chain. Each value is converted here and handed to Stockroom's builder, which checks it;
 * either way a bad value is reported with the property (and where it was set) and the value.
 */
final class Connection {

  private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d");
  private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?",
      Pattern.CASE_INSENSITIVE);

  private final Properties properties;

  Connection(Properties properties) {
    this.properties = properties;
  }

  /**
   * Returns a new Stockroom; the caller closes it.
   *
   * @throws UsageException if a property is missing or wrong
   */
  Stockroom open() {
    Stockroom.Builder builder = Stockroom.builder();
    String bucket = properties.get("stockroom.bucket").orElseThrow(() -> new UsageException(
        "no bucket: pass --bucket, set STOCKROOM_BUCKET or stockroom.bucket in stockroom.yml"));
    apply("stockroom.bucket", bucket, builder::bucket);
    value("stockroom.region", text -> {
      if (!REGION.matcher(text).matches()) {
        throw new IllegalArgumentException("not an AWS region name");
      }
      return builder.region(Region.of(text));
    });
    value("stockroom.endpoint", text -> builder.endpointOverride(endpoint(text)));
    value("stockroom.path-style", text -> builder.forcePathStyle(bool(text)));
    value("stockroom.accelerate", text -> builder.accelerate(bool(text)));
    value("stockroom.kms.key-id", builder::kmsKeyId);
    value("stockroom.kms.key-check", text -> builder.kmsKeyCheck(bool(text)));
    transfer(builder);
    cloudFront(builder);
    batchOperations(builder);
    protection(builder);
    try {
      return builder.build();
    } catch (IllegalArgumentException | IllegalStateException | NullPointerException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private void transfer(Stockroom.Builder builder) {
    value("stockroom.transfer.part-size", text -> builder.transferSettings(t -> t
        .partSize(bytes(text))));
    value("stockroom.transfer.multipart-threshold", text -> builder.transferSettings(t -> t
        .multipartThreshold(bytes(text))));
    value("stockroom.transfer.max-connections", text -> builder.transferSettings(t -> t
        .maxConnections(Integer.parseInt(text))));
    value("stockroom.transfer.max-concurrent-files", text -> builder.transferSettings(t -> t
        .maxConcurrentFiles(Integer.parseInt(text))));
    value("stockroom.upload-headers.server-side-encryption", text -> builder.uploadHeaders(h -> h
        .serverSideEncryption(bool(text))));
    value("stockroom.upload-headers.object-lock-retention", text -> builder.uploadHeaders(h -> h
        .objectLockRetention(bool(text))));
    value("stockroom.upload-headers.checksums", text -> builder.uploadHeaders(h -> h
        .checksums(bool(text))));
    value("stockroom.upload-headers.kind-tag", text -> builder.uploadHeaders(h -> h
        .kindTag(bool(text))));
  }

  private void cloudFront(Stockroom.Builder builder) {
    if (properties.namesUnder("stockroom.cloud-front.").isEmpty()) {
      return;
    }
    String domain = required("stockroom.cloud-front.domain");
    String keyPairId = required("stockroom.cloud-front.key-pair-id");
    String key = required("stockroom.cloud-front.private-key");
    java.util.Optional<HashAlgorithm> hash = properties.get("stockroom.cloud-front.hash-algorithm")
        .map(text -> {
          try {
            return HashAlgorithm.valueOf(text.toUpperCase(Locale.ROOT));
          } catch (IllegalArgumentException e) {
            throw new UsageException(properties.origin("stockroom.cloud-front.hash-algorithm")
                + "='" + Printable.of(text) + "': expected SHA1 or SHA256", e);
          }
        });
    apply("stockroom.cloud-front.private-key", key, text -> builder.cloudFront(cf -> {
      cf.domain(domain).keyPair(keyPairId, Path.of(text.startsWith("file:")
          ? text.substring("file:".length()) : text));
      properties.get("stockroom.cloud-front.distribution-id").ifPresent(cf::distributionId);
      hash.ifPresent(cf::hashAlgorithm);
    }));
  }

  private void batchOperations(Stockroom.Builder builder) {
    if (properties.namesUnder("stockroom.batch-operations.").isEmpty()) {
      return;
    }
    String account = required("stockroom.batch-operations.account-id");
    String role = required("stockroom.batch-operations.role-arn");
    apply("stockroom.batch-operations.role-arn", role, text -> builder.batchOperations(b -> {
      b.accountId(account).roleArn(text);
      properties.get("stockroom.batch-operations.work-prefix").ifPresent(b::workPrefix);
      properties.get("stockroom.batch-operations.in-process-limit")
          .ifPresent(limit -> b.inProcessLimit(Long.parseLong(limit)));
    }));
  }

  private void protection(Stockroom.Builder builder) {
    // a secret: read without apply(), whose messages repeat the value
    properties.get("stockroom.protection-key").ifPresent(text -> {
      String origin = properties.origin("stockroom.protection-key");
      try {
        builder.protectionKey(Base64.getDecoder().decode(text.strip()));
      } catch (IllegalArgumentException e) {
        throw new UsageException(origin + " must be base64 of at least 32 secret bytes (e.g. "
            + "the output of: openssl rand -base64 32)", e);
      }
    });
    if (properties.namesUnder("stockroom.backups.").isEmpty()) {
      return;
    }
    String bucket = required("stockroom.backups.bucket");
    apply("stockroom.backups.bucket", bucket, text -> builder.backups(b -> {
      b.bucket(text);
      properties.get("stockroom.backups.prefix").ifPresent(b::prefix);
      properties.get("stockroom.backups.kms-key-id").ifPresent(b::kmsKeyId);
    }));
  }

  private String required(String property) {
    return properties.get(property).orElseThrow(() -> new UsageException(property + " must be "
        + "set too (" + Properties.environmentName(property) + ")"));
  }

  private void value(String property, Function<String, ?> setter) {
    properties.get(property).ifPresent(text -> apply(property, text, setter));
  }

  private void apply(String property, String text, Function<String, ?> setter) {
    try {
      setter.apply(text);
    } catch (RuntimeException e) {
      String why = e instanceof NumberFormatException ? "not a number" : e.getMessage();
      throw new UsageException(properties.origin(property) + "='" + Printable.of(text) + "': "
          + why, e);
    }
  }

  private static URI endpoint(String text) {
    URI uri = URI.create(text);
    if (uri.getHost() == null || !("http".equals(uri.getScheme())
        || "https".equals(uri.getScheme()))) {
      throw new IllegalArgumentException("an endpoint is an http or https URI with a host");
    }
    return uri;
  }

  private static boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false");
    };
  }

  /** Returns a size such as {@code 16MB} (binary units, as the starter reads them) in bytes. */
  static long bytes(String text) {
    Matcher size = SIZE.matcher(text.strip());
    if (!size.matches()) {
      throw new IllegalArgumentException("expected a size such as 16MB");
    }
    long value = Long.parseLong(size.group(1));
    String unit = size.group(2) == null ? "B" : size.group(2).toUpperCase(Locale.ROOT);
    int shift = switch (unit) {
      case "KB" -> 10;
      case "MB" -> 20;
      case "GB" -> 30;
      default -> 0;
    };
    return Math.multiplyExact(value, 1L << shift);
  }
}
