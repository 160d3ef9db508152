package dev.stockroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A JUnit 5 extension with what a test of code that uses Stockroom needs, all local: an in-process
 * S3Mock with a fresh bucket for each test, a KMS stand-in with a usable key, a freshly generated
 * CloudFront key pair and a {@link CloudFrontVerifier} that trusts it.
 *
 * <pre>{@code
 * @RegisterExtension
 * static StockroomTestEnvironment env = StockroomTestEnvironment.create();
 *
 * @Test
 * void ordersAreEncrypted() {
 *   try (Stockroom stockroom = Stockroom.builder()
 *       .bucket(env.bucket())                       // this test's own bucket
 *       .region(env.region())
 *       .credentialsProvider(env.credentials())
 *       .endpointOverride(env.endpoint())
 *       .forcePathStyle(true)                       // S3Mock serves path-style requests
 *       .kmsKeyId(env.kmsKeyId())                   // a bare key id: S3Mock refuses ARNs
 *       .kmsClient(env.kmsClient())                 // the key check goes to the KMS stand-in
 *       .cloudFront(cf -> cf.domain("d111111abcdef8.cloudfront.net")
 *           .keyPairPem(env.cloudFrontKeyPair().keyPairId(),
 *               env.cloudFrontKeyPair().privateKeyPem()))
 *       .build()) {
 *     // ... exercise the code under test, then read back with env.s3() and check links with
 *     // env.cloudFrontVerifier().acceptsUrl(link.url(), Instant.now())
 *   }
 * }
 * }</pre>
 *
 * <p>What lives how long:
 * <ul>
 *   <li>S3Mock is started once per JVM, on first use, and stopped when the JVM ends (it takes
 *       seconds to start): {@link #endpoint()}, {@link #region()}, {@link #credentials()} and
 *       {@link #s3()} are the same for every environment and may be used before any test runs
 *       (in a static initialiser or a Spring {@code @DynamicPropertySource}).
 *   <li>{@link #bucket()} is a fresh, empty bucket for each test, created before the test's
 *       {@code @BeforeEach} methods run; {@link #newBucket()} makes more, for example one for a
 *       whole test class.
 *   <li>The KMS stand-in, its {@link #kmsClient()}, the CloudFront key pair and the verifier are
 *       made by {@link #create()} and belong to this environment: registered on a static field
 *       they serve the whole test class (nested classes included) and the stand-in is stopped
 *       after it; registered on an instance field, after each test.
 * </ul>
 *
 * <p>One environment serves one test at a time: tests of a class that registers it must not run
 * concurrently.
 */
public final class StockroomTestEnvironment
    implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback {

  private final KmsStandIn kms;
  private final KmsClient kmsClient;
  private final CloudFrontKeyPair keyPair;
  private final CloudFrontVerifier verifier;

  private volatile String bucket;
  private volatile String owner;

  private StockroomTestEnvironment(KmsStandIn kms, CloudFrontKeyPair keyPair) {
    this.kms = kms;
    this.kmsClient = kms.client();
    this.keyPair = keyPair;
    this.verifier = new CloudFrontVerifier().trust(keyPair);
  }

  /**
   * Creates an environment: starts its KMS stand-in with {@link #kmsKeyId()} registered as a
   * usable key and generates its CloudFront key pair. S3Mock starts on first use.
   *
   * @throws UncheckedIOException if the KMS stand-in cannot listen on a loopback port
   */
  public static StockroomTestEnvironment create() {
    KmsStandIn kms;
    try {
      kms = new KmsStandIn();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the KMS stand-in", e);
    }
    kms.key(KmsStandIn.usable(SharedS3Mock.KMS_KEY_ID), SharedS3Mock.KMS_KEY_ARN);
    return new StockroomTestEnvironment(kms, CloudFrontKeyPair.generate());
  }

  /**
   * Returns the current test's bucket: created empty before the test, never shared with another
   * test.
   *
   * @throws IllegalStateException outside a test (in {@code @BeforeAll} or a static initialiser:
   *     use {@link #newBucket()} there)
   */
  public String bucket() {
    String current = bucket;
    if (current == null) {
      throw new IllegalStateException("there is a bucket per test only while a test runs; use "
          + "newBucket() for one outside a test");
    }
    return current;
  }

  /** Creates another empty bucket with a unique name on S3Mock and returns its name. */
  public String newBucket() {
    return SharedS3Mock.newBucket();
  }

  /** Returns S3Mock's HTTP endpoint, for {@code endpointOverride}, starting S3Mock on first use. */
  public URI endpoint() {
    return SharedS3Mock.endpoint();
  }

  /** Returns the region the clients use ({@code us-east-1}; S3Mock accepts any). */
  public Region region() {
    return SharedS3Mock.REGION;
  }

  /** Returns static credentials that S3Mock and the KMS stand-in accept. */
  public AwsCredentialsProvider credentials() {
    return SharedS3Mock.CREDENTIALS;
  }

  /**
   * Returns a client for S3Mock to set up and read back outside the code under test. It is shared
   * by every test in the JVM and closed when the JVM ends: do not close it.
   */
  public S3Client s3() {
    return SharedS3Mock.admin();
  }

  /**
   * Returns the KMS key id that both S3Mock (for SSE-KMS uploads) and the KMS stand-in (for
   * DescribeKey: enabled, symmetric, ENCRYPT_DECRYPT) accept. It is a bare key id: S3Mock
   * refuses a key ARN in requests.
   */
  public String kmsKeyId() {
    return SharedS3Mock.KMS_KEY_ID;
  }

  /** Returns the KMS stand-in, to register more keys (a disabled one, say) or count calls. */
  public KmsStandIn kms() {
    return kms;
  }

  /** Returns a real {@link KmsClient} pointed at the KMS stand-in; closed with the environment. */
  public KmsClient kmsClient() {
    return kmsClient;
  }

  /** Returns this environment's CloudFront key pair, generated by {@link #create()}. */
  public CloudFrontKeyPair cloudFrontKeyPair() {
    return keyPair;
  }

  /** Returns a verifier that trusts {@link #cloudFrontKeyPair()} (and whatever else it is told). */
  public CloudFrontVerifier cloudFrontVerifier() {
    return verifier;
  }

  /** Remembers the class it was registered on, so that it stops after that class. */
  @Override
  public void beforeAll(ExtensionContext context) {
    if (owner == null) {
      owner = context.getUniqueId();
    }
  }

  /** Creates the test's bucket. */
  @Override
  public void beforeEach(ExtensionContext context) {
    bucket = SharedS3Mock.newBucket();
  }

  /** Forgets the test's bucket; stops the KMS stand-in when registered on an instance field. */
  @Override
  public void afterEach(ExtensionContext context) {
    bucket = null;
    if (owner == null) {
      close();
    }
  }

  /** Stops the KMS stand-in after the class it was registered on. */
  @Override
  public void afterAll(ExtensionContext context) {
    if (context.getUniqueId().equals(owner)) {
      close();
    }
  }

  private void close() {
    kmsClient.close();
    kms.close();
  }

  @Override
  public String toString() {
    return "StockroomTestEnvironment{bucket=" + bucket + ", kmsKeyId=" + kmsKeyId()
        + ", cloudFrontKeyPairId=" + keyPair.keyPairId() + '}';
  }
}
