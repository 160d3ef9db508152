package dev.stockroom.testing;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One in-process S3Mock for the whole test JVM (it takes seconds to start), plus clients that talk
 * to it over HTTP. Each test creates its own bucket, so tests never see each other's objects.
 * {@link StockroomTestEnvironment} is built on it; use this class directly where a JUnit
 * extension does not fit.
 */
public final class SharedS3Mock {

  /** The KMS key id S3Mock accepts in requests (it takes bare key ids, not ARNs). */
  public static final String KMS_KEY_ID = "4f7a1c9e-2d3b-4e8f-9a6b-0c1d2e3f4a5b";
  /** The ARN of {@link #KMS_KEY_ID}, as S3Mock is told about it (it registers keys by ARN). */
  public static final String KMS_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/" + KMS_KEY_ID;
  /** A second key S3Mock accepts, for objects written with another key than Stockroom's. */
  public static final String OTHER_KMS_KEY_ID = "9b8c7d6e-5f4a-4b3c-8d2e-1f0a9b8c7d6e";
  /** The ARN of {@link #OTHER_KMS_KEY_ID}. */
  public static final String OTHER_KMS_KEY_ARN = "arn:aws:kms:us-east-1:123456789012:key/"
      + OTHER_KMS_KEY_ID;
  /** The region of the clients ({@code us-east-1}). */
  public static final Region REGION = Region.US_EAST_1;
  /** Static credentials; S3Mock accepts any. */
  public static final StaticCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("foo", "bar"));

  private static S3MockExtension mock;
  private static Path root;
  private static S3Client admin;
  private static final List<AutoCloseable> clients = new CopyOnWriteArrayList<>();

  private SharedS3Mock() {}

  /** Returns the HTTP endpoint of the shared S3Mock, starting it on first use. */
  public static synchronized URI endpoint() {
    if (mock == null) {
      try {
        root = Files.createTempDirectory("stockroom-s3mock-");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot make S3Mock's store folder", e);
      }
      mock = S3MockExtension.builder().withSecureConnection(false)
          .withRootFolder(root.toString())
          // S3Mock takes the valid keys as one comma-separated property
          .withValidKmsKeys(KMS_KEY_ARN + "," + OTHER_KMS_KEY_ARN)
          // S3Mock is a Spring Boot application: keep Stockroom's own auto-configuration (on the
          // classpath in the starter's and the examples' tests) out of its context.
          .withProperty("stockroom.enabled", "false")
          // ... and Spring Cloud AWS's S3 support (on the starter's test classpath): its S3Client
          // would need a region, and S3Mock serves S3, it is no client of it.
          .withProperty("spring.cloud.aws.s3.enabled", "false")
          .silent().build();
      mock.start();
      Runtime.getRuntime().addShutdownHook(new Thread(SharedS3Mock::stop));
    }
    return URI.create("http://localhost:" + mock.getHttpPort());
  }

  /**
   * Returns the folder S3Mock keeps its buckets in (one folder per bucket), starting it on first
   * use: for tests that must change stored bytes behind S3's API, as a failing disk would.
   */
  public static synchronized Path storeRoot() {
    endpoint();
    return root;
  }

  /** Returns a sync client for setting up and reading back, outside Stockroom; do not close it. */
  public static synchronized S3Client admin() {
    if (admin == null) {
      admin = S3Client.builder().region(REGION).credentialsProvider(CREDENTIALS)
          .endpointOverride(endpoint()).forcePathStyle(true).build();
    }
    return admin;
  }

  /** Creates a bucket with a unique name and returns the name. */
  public static String newBucket() {
    String bucket = "test-" + UUID.randomUUID().toString().substring(0, 13);
    admin().createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  /** Returns a builder for an async client to S3Mock with the given interceptors. */
  public static S3AsyncClientBuilder asyncClientBuilder(ExecutionInterceptor... interceptors) {
    return S3AsyncClient.builder().region(REGION).credentialsProvider(CREDENTIALS)
        .endpointOverride(endpoint()).forcePathStyle(true)
        .overrideConfiguration(o -> List.of(interceptors).forEach(o::addExecutionInterceptor));
  }

  /** Returns an async client to S3Mock, closed when the JVM ends. */
  public static S3AsyncClient asyncClient(ExecutionInterceptor... interceptors) {
    S3AsyncClient client = asyncClientBuilder(interceptors).build();
    clients.add(client);
    return client;
  }

  private static synchronized void stop() {
    for (AutoCloseable client : clients) {
      try {
        client.close();
      } catch (Exception ignored) {
        // the JVM is ending
      }
    }
    if (admin != null) {
      admin.close();
    }
    mock.stop();
  }
}
