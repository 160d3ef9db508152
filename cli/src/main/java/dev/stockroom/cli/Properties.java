package dev.stockroom.cli;

import dev.stockroom.validation.Printable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings the command line reads, by the names the Spring Boot starter uses
 * ({@code stockroom.kms.key-id}), from three places, each over the one before: {@code
 * stockroom.yml}, the environment ({@code STOCKROOM_KMS_KEYID}, Spring's form of the same name)
 * and the command's flags. A name Stockroom does not know is refused, wherever it comes from.
 */
final class Properties {

  /** Every property the command line reads, with what it is. */
  static final Map<String, String> KNOWN = known();

  private final Map<String, String> values = new TreeMap<>();
  private final Map<String, String> origins = new TreeMap<>();

  private static Map<String, String> known() {
    Map<String, String> known = new LinkedHashMap<>();
    known.put("stockroom.bucket", "the bucket");
    known.put("stockroom.region", "the AWS region (else AWS_REGION or the profile's)");
    known.put("stockroom.endpoint", "an S3-compatible endpoint (http or https URI)");
    known.put("stockroom.path-style", "path-style requests (true or false)");
    known.put("stockroom.accelerate", "Transfer Acceleration (true or false)");
    known.put("stockroom.kms.key-id", "the KMS key of SSE-KMS uploads");
    known.put("stockroom.kms.key-check", "check the KMS key before the first upload");
    known.put("stockroom.cloud-front.domain", "the CloudFront distribution's domain");
    known.put("stockroom.cloud-front.key-pair-id", "the CloudFront public key id");
    known.put("stockroom.cloud-front.private-key", "the PEM private key file (file: or a path)");
    known.put("stockroom.cloud-front.distribution-id", "the distribution id (invalidations)");
    known.put("stockroom.cloud-front.hash-algorithm", "SHA1 (default) or SHA256");
    known.put("stockroom.transfer.part-size", "multipart part size (e.g. 16MB)");
    known.put("stockroom.transfer.multipart-threshold", "size from which uploads go in parts");
    known.put("stockroom.transfer.max-connections", "HTTP connections");
    known.put("stockroom.transfer.max-concurrent-files", "files in flight in a directory upload");
    known.put("stockroom.upload-headers.server-side-encryption", "an SSE header on kinds that do "
        + "not require KMS (default true)");
    known.put("stockroom.upload-headers.object-lock-retention", "audit logs' COMPLIANCE retention "
        + "(default true)");
    known.put("stockroom.upload-headers.checksums", "a CRC32C checksum on uploads (default true)");
    known.put("stockroom.upload-headers.kind-tag", "a stockroom-kind tag on each object "
        + "(default false)");
    known.put("stockroom.batch-operations.account-id", "the AWS account of Batch Operations jobs");
    known.put("stockroom.batch-operations.role-arn", "the IAM role Batch Operations assume");
    known.put("stockroom.batch-operations.work-prefix", "where job manifests and reports go");
    known.put("stockroom.batch-operations.in-process-limit", "repairs above it run as jobs");
    known.put("stockroom.protection-key", "base64 of 32+ secret bytes: signs backup manifests, "
        + "keys erasure receipts");
    known.put("stockroom.backups.bucket", "the backup bucket (versioned)");
    known.put("stockroom.backups.prefix", "where backups go in it (default stockroom-backups/)");
    known.put("stockroom.backups.kms-key-id", "the backup bucket's KMS key");
    return Collections.unmodifiableMap(known);
  }

  /** Returns the environment variable of {@code property}, as Spring Boot binds it. */
  static String environmentName(String property) {
    return property.replace("-", "").replace('.', '_').toUpperCase(java.util.Locale.ROOT);
  }

  /**
   * Sets {@code property} to {@code value}, read from {@code origin}.
   *
   * @throws UsageException if Stockroom does not know the property
   */
  void put(String property, String value, String origin) {
    if (!KNOWN.containsKey(property)) {
      throw new UsageException(Printable.of(origin) + ": unknown property '" + Printable.of(property)
          + "'; known: " + String.join(", ", KNOWN.keySet()));
    }
    values.put(property, value);
    origins.put(property, origin);
  }

  /** Reads every known property from {@code environment}. */
  void putEnvironment(Map<String, String> environment) {
    for (String property : KNOWN.keySet()) {
      String value = environment.get(environmentName(property));
      if (value != null && !value.isEmpty()) {
        put(property, value, "environment variable " + environmentName(property));
      }
    }
  }

  Optional<String> get(String property) {
    return Optional.ofNullable(values.get(property));
  }

  /** Returns where {@code property} was set, for messages. */
  String origin(String property) {
    String origin = origins.getOrDefault(property, property);
    // "--set" alone would not say which of several --set flags it was
    return origin.equals("--set") ? "--set " + property : origin;
  }

  /** Returns the names set under {@code prefix} ({@code stockroom.cloud-front.}). */
  List<String> namesUnder(String prefix) {
    return values.keySet().stream().filter(name -> name.startsWith(prefix)).toList();
  }
}
