package dev.stockroom;

import dev.stockroom.crypto.KmsKey;
import dev.stockroom.internal.AwsClients;
import dev.stockroom.internal.BucketNames;
import dev.stockroom.internal.IoThreads;
import dev.stockroom.internal.LazyClient;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.Require;
import dev.stockroom.internal.crypto.DefaultKmsKey;
import dev.stockroom.internal.lifecycle.DefaultBucketLifecycle;
import dev.stockroom.internal.links.DefaultLinks;
import dev.stockroom.internal.s3.S3Clients;
import dev.stockroom.internal.transfer.ClassObjects;
import dev.stockroom.internal.transfer.DefaultKindObjects;
import dev.stockroom.internal.transfer.ObjectUploader;
import dev.stockroom.lifecycle.BucketLifecycle;
import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.links.Links;
import dev.stockroom.policy.DataClass;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.KindObjects;
import dev.stockroom.transfer.LogObjects;
import dev.stockroom.transfer.MediaObjects;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.TransactionalObjects;
import dev.stockroom.transfer.TransferSettings;
import dev.stockroom.transfer.UploadTarget;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The entry point: one bucket, classified by a {@link PolicyCatalog}. Uploads each kind with its
 * policy, keeps the bucket's lifecycle in line. Build one per bucket with {@link #builder()}, share
 * it between threads, close it when done; closing shuts down only what it created.
 *
 * <pre>{@code
 * try (Stockroom stockroom = Stockroom.builder()
 *         .bucket("shop-assets")
 *         .region(Region.EU_WEST_1)
 *         .kmsKeyId("alias/shop-data")
 *         .build()) {
 *   stockroom.lifecycle().apply();
 *   StoredObject image = stockroom.media().productImage("sku-1/front.jpg")
 *       .upload(Path.of("front.jpg"));
 * }
 * }</pre>
 */
public final class Stockroom implements AutoCloseable {

  private final String bucket;
  private final PolicyCatalog policies;
  private final TransferSettings transferSettings;
  private final OpenGuard guard = new OpenGuard();
  private final S3Clients s3;
  private final LazyClient<KmsClient> kms;
  private final LazyClient<CloudFrontClient> cloudFront;
  private final DefaultLinks links;
  private final ExecutorService io;
  private final S3TransferManager transferManager;
  private final KmsKey kmsKey;
  private final BucketLifecycle lifecycle;
  private final Map<DataKind, DefaultKindObjects> kinds = new EnumMap<>(DataKind.class);
  private final ClassObjects media;
  private final ClassObjects transactional;
  private final ClassObjects logs;

  private Stockroom(Builder b) {
    this.bucket = b.bucket;
    this.policies = b.policies;
    this.transferSettings = b.transferSettings;
    this.s3 = S3Clients.create(b.s3AsyncClient, b.s3Client, new S3Clients.Settings(b.region,
        b.endpointOverride, b.forcePathStyle, b.credentials, b.accelerate, b.transferSettings,
        b.s3ClientCustomizer));
    this.kms = new LazyClient<>(b.kmsClient, () -> AwsClients.kms(b.region, b.credentials));
    this.cloudFront = new LazyClient<>(b.cloudFront == null ? null
        : b.cloudFront.cloudFrontClient().orElse(null), () -> AwsClients.cloudFront(b.credentials));
    this.links = b.cloudFront == null ? null
        : new DefaultLinks(bucket, b.cloudFront, policies, b.clock, cloudFront, guard);
    this.io = IoThreads.create();
    this.transferManager = S3TransferManager.builder().s3Client(s3.async()).build();
    this.kmsKey = new DefaultKmsKey(b.kmsKeyId, b.kmsKeyCheck, kms, b.awsCheckInterval, io,
        guard);
    this.lifecycle = new DefaultBucketLifecycle(bucket, policies, s3.bucketClient(), guard);
    ObjectUploader uploader = new ObjectUploader(bucket, transferManager, kmsKey,
        s3.bucketClient(), b.awsCheckInterval, io, guard);
    policies.policies().forEach(policy -> kinds.put(policy.kind(), new DefaultKindObjects(
        uploader, policy, transferSettings.maxConcurrentFiles(), false)));
    this.media = new ClassObjects(DataClass.MEDIA, kinds::get);
    this.transactional = new ClassObjects(DataClass.TRANSACTIONAL, kinds::get);
    this.logs = new ClassObjects(DataClass.LOG, kinds::get);
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the bucket this instance stores into. */
  public String bucket() {
    return bucket;
  }

  /** Returns the policy catalog in force. */
  public PolicyCatalog policies() {
    return policies;
  }

  /** Returns the transfer settings in force. */
  public TransferSettings transferSettings() {
    return transferSettings;
  }

  /** Returns whether uploads go through Transfer Acceleration. */
  public boolean accelerated() {
    return s3.accelerated();
  }

  /** Returns the bucket's lifecycle configuration, kept in line with the policy catalog. */
  public BucketLifecycle lifecycle() {
    return lifecycle;
  }

  /** Returns media: product images and videos, pages, user uploads. */
  public MediaObjects media() {
    return media;
  }

  /** Returns transactional data: orders, customers, payments (always SSE-KMS). */
  public TransactionalObjects transactional() {
    return transactional;
  }

  /** Returns logs: access, error, audit. */
  public LogObjects logs() {
    return logs;
  }

  /** Returns the objects of {@code kind}. */
  public KindObjects objects(DataKind kind) {
    return kinds.get(Require.nonNull(kind, "kind"));
  }

  /**
   * Returns the object at the full {@code key}, classified by its prefix: {@code
   * object("media/pages/index.html")} is a PAGE.
   *
   * @throws IllegalArgumentException if the key lies under no known prefix, or is not a valid key
   */
  public UploadTarget object(String key) {
    Require.nonNull(key, "key");
    var policy = policies.classify(key);
    return objects(policy.kind()).object(key.substring(policy.prefix().length()));
  }

  /**
   * Returns CloudFront signed links and cookies.
   *
   * @throws IllegalStateException if CloudFront is not configured
   */
  public Links links() {
    Require.state(links != null, "CloudFront is not configured: set cloudFront(...) on the "
        + "Stockroom builder");
    return links;
  }

  /**
   * Resumes a paused file upload, also one paused by another Stockroom instance or process.
   *
   * @throws IllegalArgumentException if the token is for another bucket, or its key lies outside
   *     its kind's prefix in this catalog
   * @throws IllegalStateException if Stockroom is closed
   */
  public FileTransfer resume(ResumeToken token) {
    guard.check();
    Require.nonNull(token, "token");
    Require.argument(token.bucket().equals(bucket), "token is for bucket '%s', but this "
        + "Stockroom stores into '%s'", token.bucket(), bucket);
    return kinds.get(token.kind()).resume(token);
  }

  /** Returns the KMS key SSE-KMS uploads use, and its check. */
  public KmsKey kmsKey() {
    return kmsKey;
  }

  /**
   * Closes what this instance created (Transfer Manager, clients, threads); the caller's clients
   * stay open. Later calls fail with {@link IllegalStateException}. Uploads still in flight fail.
   */
  @Override
  public void close() {
    if (guard.close()) {
      if (links != null) {
        links.close();
      }
      transferManager.close();
      s3.close();
      kms.close();
      cloudFront.close();
      io.shutdown();
    }
  }

  @Override
  public String toString() {
    return "Stockroom{bucket='" + bucket + "', closed=" + guard.isClosed() + '}';
  }

  /**
   * Builds a {@link Stockroom}. Setters check their argument; {@link #build()} checks the
   * combination, makes no network call, and leaves the builder reusable.
   */
  public static final class Builder {
    private String bucket;
    private Region region;
    private URI endpointOverride;
    private boolean forcePathStyle;
    private AwsCredentialsProvider credentials;
    private S3AsyncClient s3AsyncClient;
    private S3Client s3Client;
    private Consumer<S3AsyncClientBuilder> s3ClientCustomizer;
    private PolicyCatalog policies = PolicyCatalog.defaults();
    private String kmsKeyId;
    private KmsClient kmsClient;
    private boolean kmsKeyCheck = true;
    private boolean accelerate;
    private TransferSettings transferSettings = TransferSettings.defaults();
    private Duration awsCheckInterval = Duration.ofMinutes(15);
    private CloudFrontSettings cloudFront;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Sets the bucket (required).
     *
     * @throws IllegalArgumentException if the name breaks S3's bucket naming rules
     */
    public Builder bucket(String bucket) {
      this.bucket = BucketNames.check(bucket);
      return this;
    }

    /**
     * Sets the region of the clients Stockroom creates. Without it, the region comes from
     * {@code AWS_REGION}, {@code aws.region} or the profile; never from the network.
     */
    public Builder region(Region region) {
      this.region = Require.nonNull(region, "region");
      return this;
    }

    /**
     * Sends S3 requests to an S3-compatible endpoint (S3Mock, MinIO, LocalStack) instead of AWS.
     * Transfer Acceleration is then turned off, with one warning.
     *
     * @throws IllegalArgumentException if the URI is not absolute http(s)
     */
    public Builder endpointOverride(URI endpoint) {
      Require.nonNull(endpoint, "endpointOverride");
      String scheme = endpoint.getScheme();
      Require.argument(("http".equals(scheme) || "https".equals(scheme))
          && endpoint.getHost() != null, "endpointOverride must be an absolute http or https URI, "
          + "but was '%s'", endpoint);
      this.endpointOverride = endpoint;
      return this;
    }

    /** Addresses the bucket in the path rather than the host name (most S3-compatible stores). */
    public Builder forcePathStyle(boolean forcePathStyle) {
      this.forcePathStyle = forcePathStyle;
      return this;
    }

    /** Sets the credentials of the clients Stockroom creates (default: the SDK's default chain). */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      this.credentials = Require.nonNull(credentials, "credentialsProvider");
      return this;
    }

    /**
     * Uses the caller's async client for every S3 call; Stockroom will not close it. Region,
     * endpoint, path-style, credentials, acceleration and transfer settings are then the client's
     * own; build it with {@code multipartEnabled(true)} for multipart uploads.
     */
    public Builder s3AsyncClient(S3AsyncClient client) {
      this.s3AsyncClient = Require.nonNull(client, "s3AsyncClient");
      return this;
    }

    /**
     * Uses the caller's sync client for bucket-level calls (lifecycle, Object Lock status);
     * Stockroom will not close it. Transfers need an async client: give one with
     * {@link #s3AsyncClient}, or Stockroom builds its own from this builder's settings.
     */
    public Builder s3Client(S3Client client) {
      this.s3Client = Require.nonNull(client, "s3Client");
      return this;
    }

    /**
     * Adjusts the S3 client Stockroom creates, after its own settings (e.g. an interceptor, a
     * retry policy).
     */
    public Builder s3ClientCustomizer(Consumer<S3AsyncClientBuilder> customizer) {
      this.s3ClientCustomizer = Require.nonNull(customizer, "s3ClientCustomizer");
      return this;
    }

    /** Sets the policy catalog (default {@link PolicyCatalog#defaults()}). */
    public Builder policies(PolicyCatalog policies) {
      this.policies = Require.nonNull(policies, "policies");
      return this;
    }

    /**
     * Changes the policy catalog in place: {@code policies(p -> p.policy(PRODUCT_IMAGE, i ->
     * i.transition(120, STANDARD_IA)))}.
     *
     * @throws IllegalArgumentException if a changed policy breaks an invariant
     */
    public Builder policies(Consumer<PolicyCatalog.Builder> change) {
      Require.nonNull(change, "policies");
      PolicyCatalog.Builder catalog = policies.toBuilder();
      change.accept(catalog);
      this.policies = catalog.build();
      return this;
    }

    /**
     * Sets the KMS key (id, alias or ARN) for SSE-KMS. Transactional kinds are refused without one;
     * media and audit logs use it when set.
     *
     * @throws IllegalArgumentException if blank or holding whitespace
     */
    public Builder kmsKeyId(String kmsKeyId) {
      Require.nonNull(kmsKeyId, "kmsKeyId");
      Require.argument(!kmsKeyId.isEmpty() && kmsKeyId.chars().noneMatch(Character::isWhitespace),
          "kmsKeyId must be a key id, alias or ARN without whitespace, but was '%s'", kmsKeyId);
      this.kmsKeyId = kmsKeyId;
      return this;
    }

    /** Uses the caller's KMS client for the key check; Stockroom will not close it. */
    public Builder kmsClient(KmsClient client) {
      this.kmsClient = Require.nonNull(client, "kmsClient");
      return this;
    }

    /**
     * Sets whether the KMS key is described through the KMS API before the first SSE-KMS upload
     * (default true). Turn it off only where no KMS API is reachable (an S3-compatible store).
     */
    public Builder kmsKeyCheck(boolean check) {
      this.kmsKeyCheck = check;
      return this;
    }

    /**
     * Sends uploads through S3 Transfer Acceleration ({@code <bucket>.s3-accelerate.amazonaws.com}).
     * The bucket must have acceleration enabled. Ignored, with one warning, under an endpoint
     * override.
     */
    public Builder accelerate(boolean accelerate) {
      this.accelerate = accelerate;
      return this;
    }

    /** Sets part size, multipart threshold, connections and files in flight. */
    public Builder transferSettings(TransferSettings settings) {
      this.transferSettings = Require.nonNull(settings, "transferSettings");
      return this;
    }

    /** Changes the transfer settings in place: {@code transfer(t -> t.partSize(16 << 20))}. */
    public Builder transferSettings(Consumer<TransferSettings.Builder> change) {
      Require.nonNull(change, "transferSettings");
      TransferSettings.Builder settings = transferSettings.toBuilder();
      change.accept(settings);
      this.transferSettings = settings.build();
      return this;
    }

    /**
     * Sets how long the answers of the checks made against AWS (KMS key state, bucket Object Lock)
     * are kept before they are asked again (default 15 minutes).
     *
     * @throws IllegalArgumentException unless positive
     */
    public Builder awsCheckInterval(Duration interval) {
      Require.nonNull(interval, "awsCheckInterval");
      Require.argument(!interval.isNegative() && !interval.isZero(),
          "awsCheckInterval must be positive, but was %s", interval);
      this.awsCheckInterval = interval;
      return this;
    }

    /** Sets how CloudFront links are signed; without it {@link Stockroom#links()} refuses. */
    public Builder cloudFront(CloudFrontSettings settings) {
      this.cloudFront = Require.nonNull(settings, "cloudFront");
      return this;
    }

    /**
     * Sets how CloudFront links are signed: {@code cloudFront(cf -> cf.domain("d1.cloudfront.net")
     * .keyPair("K2JCJMDEHXQW5F", Path.of("cloudfront-key.pem")))}.
     *
     * @throws IllegalArgumentException if a setting is invalid or the key cannot be read
     */
    public Builder cloudFront(Consumer<CloudFrontSettings.Builder> settings) {
      Require.nonNull(settings, "cloudFront");
      CloudFrontSettings.Builder builder = CloudFrontSettings.builder();
      settings.accept(builder);
      this.cloudFront = builder.build();
      return this;
    }

    /** Sets the clock for link expiries (default the system clock in UTC); for tests. */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /**
     * Returns a new Stockroom. Makes no network call.
     *
     * @throws IllegalArgumentException if no bucket is set; if Stockroom must create a client and
     *     no region is known; if acceleration is asked for a bucket whose name has dots, or with
     *     the caller's own async client
     */
    public Stockroom build() {
      Require.argument(bucket != null, "bucket must be set");
      if (accelerate) {
        Require.argument(!bucket.contains("."), "bucket '%s' cannot use Transfer Acceleration: "
            + "its name must not contain dots", bucket);
        Require.argument(s3AsyncClient == null, "accelerate applies to the S3 client Stockroom "
            + "creates; build your own S3AsyncClient with accelerate(true) instead");
      }
      return new Stockroom(this);
    }
  }
}
