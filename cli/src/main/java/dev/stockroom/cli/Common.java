package dev.stockroom.cli;

import dev.stockroom.Stockroom;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The options every command takes: where the settings come from and how to answer. Flags win over
 * environment variables, which win over {@code stockroom.yml}.
 */
final class Common {

  @Option(names = "--config", paramLabel = "FILE",
      description = "stockroom.yml to read (default: ./stockroom.yml when it exists)")
  Path config;

  @Option(names = "--bucket", paramLabel = "NAME", description = "the bucket (stockroom.bucket)")
  String bucket;

  @Option(names = "--region", paramLabel = "REGION",
      description = "the AWS region (stockroom.region; else AWS_REGION or the profile's)")
  String region;

  @Option(names = "--endpoint", paramLabel = "URI",
      description = "an S3-compatible endpoint (stockroom.endpoint)")
  String endpoint;

  @Option(names = "--path-style", description = "send path-style requests (stockroom.path-style)")
  Boolean pathStyle;

  @Option(names = "--kms-key-id", paramLabel = "KEY",
      description = "the KMS key of SSE-KMS uploads (stockroom.kms.key-id)")
  String kmsKeyId;

  @Option(names = "--set", paramLabel = "PROPERTY=VALUE",
      description = "any property, e.g. --set stockroom.cloud-front.domain=d1.cloudfront.net")
  List<String> set = new ArrayList<>();

  @Option(names = "--json", description = "answer in JSON, for scripts")
  boolean json;

  /**
   * Returns the properties from the file, the environment and these flags.
   *
   * @throws UsageException if a name is unknown or a file cannot be read
   */
  Properties properties(Context context) {
    Properties properties = new Properties();
    Path file = config != null ? config : context.workingDirectory().resolve(ConfigFile.DEFAULT_NAME);
    if (config != null || Files.exists(file)) {
      ConfigFile.read(file, properties);
    }
    properties.putEnvironment(context.environment());
    for (String assignment : set) {
      int equals = assignment.indexOf('=');
      if (equals <= 0) {
        throw new UsageException("--set '" + dev.stockroom.validation.Printable.of(assignment)
            + "': expected PROPERTY=VALUE");
      }
      properties.put(assignment.substring(0, equals), assignment.substring(equals + 1), "--set");
    }
    flag(properties, "stockroom.bucket", bucket, "--bucket");
    flag(properties, "stockroom.region", region, "--region");
    flag(properties, "stockroom.endpoint", endpoint, "--endpoint");
    flag(properties, "stockroom.path-style", pathStyle == null ? null : pathStyle.toString(),
        "--path-style");
    flag(properties, "stockroom.kms.key-id", kmsKeyId, "--kms-key-id");
    return properties;
  }

  /** Returns a new Stockroom from these settings; the caller closes it. */
  Stockroom open(Context context) {
    return new Connection(properties(context)).open();
  }

  private static void flag(Properties properties, String property, String value, String flag) {
    if (value != null) {
      properties.put(property, value, flag);
    }
  }
}
