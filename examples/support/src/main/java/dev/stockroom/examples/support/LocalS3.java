package dev.stockroom.examples.support;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.stockroom.Stockroom;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * The S3 endpoint an example talks to: an in-process S3Mock, or the one the user configured with
 * {@code STOCKROOM_ENDPOINT} / {@code -Dstockroom.endpoint}.
 */
public final class LocalS3 implements AutoCloseable {

  private static final StaticCredentialsProvider MOCK_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("quickstart", "quickstart"));

  /**
   * The KMS key id the in-process S3Mock accepts for SSE-KMS (it takes the bare id). There is no
   * KMS API locally, so examples turn Stockroom's KMS key check off against it.
   */
  public static final String LOCAL_KMS_KEY_ID = "0b6a3c2e-5d4f-4e8a-9c1b-7f2d3e4a5b6c";

  private final URI endpoint;
  private final S3MockApplication mock;

  private LocalS3(URI endpoint, S3MockApplication mock) {
    this.endpoint = endpoint;
    this.mock = mock;
  }

  /** Starts S3Mock on a free port, plain HTTP, quiet; its data goes when it stops. */
  public static LocalS3 startInProcess() {
    return startInProcess(null);
  }

  /**
   * As {@link #startInProcess()}, keeping its data in {@code root} across runs when not null (so
   * a re-run of an example finds what the last run stored).
   */
  public static LocalS3 startInProcess(java.nio.file.Path root) {
    System.out.println("No S3 endpoint configured: starting an in-process S3Mock...");
    // S3Mock adds its own defaults to the map it is given, so it must be mutable.
    Map<String, Object> properties = new HashMap<>(Map.of(
        S3MockApplication.PROP_HTTP_PORT, 0,
        S3MockApplication.PROP_HTTPS_PORT, 0,
        S3MockApplication.PROP_SILENT, true,
        "com.adobe.testing.s3mock.store.validKmsKeys",
        "arn:aws:kms:us-east-1:000000000000:key/" + LOCAL_KMS_KEY_ID,
        "spring.main.banner-mode", "off",
        // S3Mock is a Spring Boot application: keep Stockroom's starter, when it is on the
        // classpath (the shop example), out of S3Mock's own context.
        "stockroom.enabled", false,
        "logging.level.root", "WARN"));
    if (root != null) {
      properties.put("com.adobe.testing.s3mock.store.root", root.toString());
      properties.put("com.adobe.testing.s3mock.store.retain-files-on-exit", true);
    }
    S3MockApplication mock = S3MockApplication.start(properties);
    return new LocalS3(URI.create("http://localhost:" + mock.getHttpPort()), mock);
  }

  /** Uses an endpoint the user runs (MinIO, LocalStack, AWS). */
  public static LocalS3 at(URI endpoint) {
    return new LocalS3(endpoint, null);
  }

  /** Returns whether this is the in-process S3Mock (not an endpoint the user configured). */
  public boolean inProcess() {
    return mock != null;
  }

  /** Returns the endpoint. */
  public URI endpoint() {
    return endpoint;
  }

  /** Points a Stockroom builder at this endpoint. */
  public Stockroom.Builder configure(Stockroom.Builder builder) {
    builder.endpointOverride(endpoint).forcePathStyle(true);
    return mock == null ? builder : builder.credentialsProvider(MOCK_CREDENTIALS);
  }

  /** Returns the credentials S3Mock accepts, or empty for a user's endpoint (default chain). */
  public java.util.Optional<StaticCredentialsProvider> credentials() {
    return java.util.Optional.ofNullable(mock == null ? null : MOCK_CREDENTIALS);
  }

  /** Returns a plain S3 client for this endpoint, to create the bucket and read results back. */
  public S3Client client(Region region) {
    var builder = S3Client.builder().region(region).endpointOverride(endpoint)
        .forcePathStyle(true);
    if (mock != null) {
      builder.credentialsProvider(MOCK_CREDENTIALS);
    }
    return builder.build();
  }

  /** Returns the configured endpoint's store, or an in-process S3Mock when none is configured. */
  public static LocalS3 fromEnvironment() {
    return fromEnvironment(null);
  }

  /** As {@link #fromEnvironment()}, an in-process S3Mock keeping its data in {@code root}. */
  public static LocalS3 fromEnvironment(java.nio.file.Path root) {
    String endpoint = setting("stockroom.endpoint", "STOCKROOM_ENDPOINT", null);
    return endpoint == null ? startInProcess(root) : at(URI.create(endpoint));
  }

  /** Returns a system property, else an environment variable, else {@code fallback}. */
  public static String setting(String property, String env, String fallback) {
    String value = System.getProperty(property);
    if (value == null || value.isBlank()) {
      value = System.getenv(env);
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  /** Creates {@code bucket} unless it exists. */
  public static void createBucketIfMissing(S3Client admin, String bucket) {
    try {
      admin.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException missing) {
      admin.createBucket(b -> b.bucket(bucket));
      System.out.println("Created bucket '" + bucket + "'");
    }
  }

  /** Creates {@code bucket} with Object Lock enabled (and so versioning) unless it exists. */
  public static void createObjectLockBucketIfMissing(S3Client admin, String bucket) {
    try {
      admin.headBucket(b -> b.bucket(bucket));
    } catch (NoSuchBucketException missing) {
      admin.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
      System.out.println("Created bucket '" + bucket + "' with Object Lock");
    }
  }

  @Override
  public void close() {
    if (mock != null) {
      mock.stop();
    }
  }
}
