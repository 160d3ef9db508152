package dev.stockroom.examples.quickstart;

import com.adobe.testing.s3mock.S3MockApplication;
import dev.stockroom.Stockroom;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The S3 endpoint the example talks to: an in-process S3Mock, or one the user configured. */
final class LocalS3 implements AutoCloseable {

  private static final StaticCredentialsProvider MOCK_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("quickstart", "quickstart"));

  private final URI endpoint;
  private final S3MockApplication mock;

  private LocalS3(URI endpoint, S3MockApplication mock) {
    this.endpoint = endpoint;
    this.mock = mock;
  }

  /** Starts S3Mock on a free port, plain HTTP, quiet. */
  static LocalS3 startInProcess() {
    System.out.println("No S3 endpoint configured: starting an in-process S3Mock...");
    // S3Mock adds its own defaults to the map it is given, so it must be mutable.
    Map<String, Object> properties = new HashMap<>(Map.of(
        S3MockApplication.PROP_HTTP_PORT, 0,
        S3MockApplication.PROP_HTTPS_PORT, 0,
        S3MockApplication.PROP_SILENT, true,
        "spring.main.banner-mode", "off",
        "logging.level.root", "WARN"));
    S3MockApplication mock = S3MockApplication.start(properties);
    return new LocalS3(URI.create("http://localhost:" + mock.getHttpPort()), mock);
  }

  static LocalS3 at(URI endpoint) {
    return new LocalS3(endpoint, null);
  }

  URI endpoint() {
    return endpoint;
  }

  /** Points a Stockroom builder at this endpoint. */
  Stockroom.Builder configure(Stockroom.Builder builder) {
    builder.endpointOverride(endpoint).forcePathStyle(true);
    return mock == null ? builder : builder.credentialsProvider(MOCK_CREDENTIALS);
  }

  /** Returns a plain S3 client for this endpoint, to create the bucket and read results back. */
  S3Client client(Region region) {
    var builder = S3Client.builder().region(region).endpointOverride(endpoint)
        .forcePathStyle(true);
    if (mock != null) {
      builder.credentialsProvider(MOCK_CREDENTIALS);
    }
    return builder.build();
  }

  @Override
  public void close() {
    if (mock != null) {
      mock.stop();
    }
  }
}
