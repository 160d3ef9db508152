package dev.stockroom;

import dev.stockroom.audit.Audit;
import dev.stockroom.batch.BatchJobs;
import dev.stockroom.batch.BatchOperations;
import dev.stockroom.cost.CostComparison;
import dev.stockroom.cost.CostModel;
import dev.stockroom.crypto.KmsKey;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.metrics.Meters;
import dev.stockroom.internal.metrics.MicrometerMeters;
import dev.stockroom.internal.transfer.ClassObjects;
import dev.stockroom.internal.wiring.Assembly;
import dev.stockroom.internal.wiring.Setup;
import dev.stockroom.internal.wiring.SetupChecks;
import dev.stockroom.lifecycle.BucketLifecycle;
import dev.stockroom.links.CloudFrontSettings;
import dev.stockroom.links.Invalidations;
import dev.stockroom.links.Links;
import dev.stockroom.policy.DataClass;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.protection.BackupSettings;
import dev.stockroom.protection.DataProtection;
import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.KindObjects;
import dev.stockroom.transfer.LogObjects;
import dev.stockroom.transfer.MediaObjects;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.TransactionalObjects;
import dev.stockroom.transfer.TransferSettings;
import dev.stockroom.transfer.UploadHeaders;
import dev.stockroom.transfer.UploadTarget;
import dev.stockroom.validation.BucketNames;
import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;

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
  private final Assembly parts;
  private final OpenGuard guard;
  private final ClassObjects media;
  private final ClassObjects transactional;
  private final ClassObjects logs;

  private Stockroom(Setup setup) {
    this.bucket = setup.bucket();
    this.policies = setup.policies();
    this.transferSettings = setup.transferSettings();
    this.parts = new Assembly(setup);
    this.guard = parts.guard();
    this.media = parts.dataClass(DataClass.MEDIA);
    this.transactional = parts.dataClass(DataClass.TRANSACTIONAL);
    this.logs = parts.dataClass(DataClass.LOG);
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
    return parts.accelerated();
  }

  /** Returns the bucket's lifecycle configuration, kept in line with the policy catalog. */
  public BucketLifecycle lifecycle() {
    return parts.lifecycle();
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
    return parts.kind(Require.nonNull(kind, "kind"));
  }

  /**
   * Returns the object at the full {@code key}, classified by its prefix: {@code
   * object("media/pages/index.html")} is a PAGE.
   *
   * @throws IllegalArgumentException if the key lies under no known prefix, or is not a valid key
   */
  public UploadTarget object(String key) {
    ObjectKeys.check(key, "key");
    var policy = policies.classify(key);
    return objects(policy.kind()).object(key.substring(policy.prefix().length()));
  }

  /**
   * Returns CloudFront signed links and cookies.
   *
   * @throws IllegalStateException if CloudFront is not configured
   */
  public Links links() {
    return parts.links().orElseThrow(() -> new IllegalStateException("CloudFront is not "
        + "configured: set cloudFront(...) on the Stockroom builder"));
  }

  /**
   * Returns CloudFront invalidations of replaced media.
   *
   * @throws IllegalStateException if CloudFront or its distribution id is not configured
   */
  public Invalidations invalidations() {
    return parts.invalidations().orElseThrow(() -> new IllegalStateException("invalidations need "
        + "the CloudFront distribution id: set distributionId in the cloudFront(...) settings"));
  }

  /**
   * Resumes a paused file upload from its saved token text, also one paused by another Stockroom
   * instance or process that holds the same {@link Builder#resumeTokenKey resume token key}. The
   * token is untrusted: the upload is rebuilt from the policy in force and checked as a fresh one.
   *
   * @throws IllegalArgumentException if the token was altered or signed with another key, is for
   *     another bucket, breaks a rule a fresh upload keeps (key, prefix, content type, metadata),
   *     or its file is not the one paused (path, size, modification time)
   * @throws IllegalStateException if Stockroom is closed
   */
  public FileTransfer resume(String savedToken) {
    guard.check();
    return parts.resumption().resume(savedToken);
  }

  /** As {@link #resume(String)}, for a token object (its signature is checked again). */
  public FileTransfer resume(ResumeToken token) {
    guard.check();
    return parts.resumption().resume(token);
  }

  /**
   * Returns what the policy in force costs under {@code model}, month by month, beside
   * "everything in STANDARD" and "everything in INTELLIGENT_TIERING", with the rules that lose
   * money. To price a lifecycle change, use {@code model.change(lifecycle().plan(), policies(),
   * month)}. Makes no network call.
   *
   * @throws IllegalArgumentException if the model's price list lacks a class the policy uses
   */
  public CostComparison cost(CostModel model) {
    return Require.nonNull(model, "model").compare(policies);
  }

  /**
   * Returns the audit of the objects already in the bucket against the policy in force, and their
   * repair: findings from the live bucket or an S3 Inventory report, a plan, and its application.
   */
  public Audit audit() {
    return parts.audit();
  }

  /**
   * Returns the S3 Batch Operations jobs Stockroom creates: their status, and cancelling one.
   *
   * @throws IllegalStateException if Batch Operations are not configured
   */
  public BatchJobs batchJobs() {
    return parts.batchJobs().orElseThrow(() -> new IllegalStateException("Batch Operations are "
        + "not configured: set batchOperations(...) on the Stockroom builder"));
  }

  /**
   * Returns data protection: erasure of a data subject across every version, in the bucket and
   * its backups, with a receipt stored as an audit log; backups of the transactional data (when
   * {@link Builder#backups configured}) and restore drills.
   */
  public DataProtection protection() {
    return parts.protection();
  }

  /** Returns the KMS key SSE-KMS uploads use, and its check. */
  public KmsKey kmsKey() {
    return parts.kmsKey();
  }

  /**
   * Closes this instance: new work is refused at once; uploads in flight may finish within the
   * {@link Builder#shutdownGracePeriod shutdown grace period}, and those still running then are
   * stopped, their multipart uploads aborted and their futures failed with a {@link
   * TransferCancelledException}; pending invalidations are sent; then what this instance created
   * (Transfer Manager, clients, threads) is closed. The caller's clients and executor stay open.
   * Returns once all of that is done; later calls return at once.
   */
  @Override
  public void close() {
    if (guard.close()) {
      parts.close();
    }
  }

  @Override
  public String toString() {
    return "Stockroom{bucket='" + bucket + "', closed=" + guard.isClosed() + '}';
  }

  /**
   * Builds a {@link Stockroom}. Setters check their argument; {@link #build()} checks the
   * combination, makes no network call, and leaves the builder reusable.
   *
   * <p>Every {@code Consumer} overload follows one rule: it edits the value set so far (or the
   * default), as {@code toBuilder()} would, so {@code policies(p -> ...)} twice applies both
   * changes, and {@code cloudFront(cf -> ...)} after {@code cloudFront(settings)} changes those
   * settings rather than starting over.
   *
   * <p>Settings for a client Stockroom does not create are refused at {@link #build()}: with your
   * own {@code S3AsyncClient}, endpoint, path-style, customizer and the part, threshold and
   * connection settings are its own; with every client your own, so are region and credentials.
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
    private Executor executor;
    private Duration shutdownGracePeriod = Duration.ofSeconds(30);
    private byte[] resumeTokenKey;
    private UploadHeaders uploadHeaders = UploadHeaders.defaults();
    private BatchOperations batchOperations;
    private MeterRegistry meterRegistry;
    private ObservationRegistry observationRegistry;
    private byte[] protectionKey;
    private BackupSettings backups;

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

    /** Sets which optional headers uploads carry (default {@link UploadHeaders#defaults()}). */
    public Builder uploadHeaders(UploadHeaders headers) {
      this.uploadHeaders = Require.nonNull(headers, "uploadHeaders");
      return this;
    }

    /** Changes the upload headers in place: {@code uploadHeaders(h -> h.kindTag(true))}. */
    public Builder uploadHeaders(Consumer<UploadHeaders.Builder> change) {
      Require.nonNull(change, "uploadHeaders");
      UploadHeaders.Builder headers = uploadHeaders.toBuilder();
      change.accept(headers);
      this.uploadHeaders = headers.build();
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
      CloudFrontSettings.Builder builder = cloudFront != null ? cloudFront.toBuilder()
          : CloudFrontSettings.builder();
      settings.accept(builder);
      this.cloudFront = builder.build();
      return this;
    }

    /**
     * Sets the clock for everything that depends on time (default the system clock in UTC): link
     * expiries and their cache windows, Object Lock retain-until dates, how long AWS check
     * answers are kept.
     */
    public Builder clock(Clock clock) {
      this.clock = Require.nonNull(clock, "clock");
      return this;
    }

    /**
     * Runs Stockroom's blocking work (reading callers' streams, hashing files, asking KMS, walking
     * directories) on the caller's executor, which Stockroom never shuts down. Without it,
     * Stockroom keeps a bounded pool of {@code max(8, 2 × processors)} daemon threads. Each stream
     * upload holds one thread while it reads its stream.
     */
    public Builder executor(Executor executor) {
      this.executor = Require.nonNull(executor, "executor");
      return this;
    }

    /**
     * Sets how long {@link Stockroom#close()} lets uploads in flight finish before it stops them
     * (default 30 seconds; zero stops them at once).
     *
     * @throws IllegalArgumentException if negative or over 1 hour
     */
    public Builder shutdownGracePeriod(Duration grace) {
      Require.nonNull(grace, "shutdownGracePeriod");
      Require.argument(!grace.isNegative() && grace.compareTo(Duration.ofHours(1)) <= 0,
          "shutdownGracePeriod must be between 0 and 1 hour, but was %s", grace);
      this.shutdownGracePeriod = grace;
      return this;
    }

    /**
     * Sets the key resume tokens are signed with (HMAC-SHA256, at least 32 bytes; keep it secret,
     * e.g. in a secret store). A token is resumed only by a Stockroom holding the key that signed
     * it; without this setting each instance signs with a random key of its own, so tokens resume
     * only in the instance that paused them.
     *
     * @throws IllegalArgumentException if shorter than 32 bytes
     */
    public Builder resumeTokenKey(byte[] key) {
      Require.nonNull(key, "resumeTokenKey");
      Require.argument(key.length >= 32, "resumeTokenKey must be at least 32 bytes, but was %s",
          key.length);
      this.resumeTokenKey = key.clone();
      return this;
    }

    /**
     * Sets the secret (at least 32 bytes; keep it in a secret store) that keys the hashes in
     * erasure receipts (HMAC-SHA256, so a receipt's hashed keys and subject cannot be reversed by
     * hashing guesses) and signs backup manifests. Each use derives its own key from it. Without
     * it, receipts are hashed under a random key that is never kept: they still hold no personal
     * data, but no one can later check a key against them.
     *
     * @throws IllegalArgumentException if shorter than 32 bytes
     */
    public Builder protectionKey(byte[] key) {
      Require.nonNull(key, "protectionKey");
      Require.argument(key.length >= 32, "protectionKey must be at least 32 bytes, but was %s",
          key.length);
      this.protectionKey = key.clone();
      return this;
    }

    /**
     * Sets where and how the transactional data is backed up; without it, {@code
     * protection().backup(...)} refuses. Needs {@link #protectionKey} (it signs the manifests)
     * and a KMS key (the backups' own or this builder's).
     */
    public Builder backups(BackupSettings settings) {
      this.backups = Require.nonNull(settings, "backups");
      return this;
    }

    /**
     * Sets where and how the transactional data is backed up: {@code backups(b ->
     * b.bucket("shop-backups"))}; edits the settings set so far.
     *
     * @throws IllegalArgumentException if a setting is invalid
     * @throws IllegalStateException if the bucket is missing
     */
    public Builder backups(Consumer<BackupSettings.Builder> settings) {
      Require.nonNull(settings, "backups");
      BackupSettings.Builder builder = backups != null ? backups.toBuilder()
          : BackupSettings.builder();
      settings.accept(builder);
      this.backups = builder.build();
      return this;
    }

    /**
     * Sets how repairs (and other work too large for one process) run as S3 Batch Operations
     * jobs; without it, everything runs in-process.
     */
    public Builder batchOperations(BatchOperations settings) {
      this.batchOperations = Require.nonNull(settings, "batchOperations");
      return this;
    }

    /**
     * Sets how S3 Batch Operations jobs run: {@code batchOperations(b -> b.accountId("123456789012")
     * .roleArn("arn:aws:iam::123456789012:role/stockroom-batch"))}; edits the settings set so far.
     *
     * @throws IllegalArgumentException if a setting is invalid
     * @throws IllegalStateException if the account id or the role is missing
     */
    public Builder batchOperations(Consumer<BatchOperations.Builder> settings) {
      Require.nonNull(settings, "batchOperations");
      BatchOperations.Builder builder = batchOperations != null ? batchOperations.toBuilder()
          : BatchOperations.builder();
      settings.accept(builder);
      this.batchOperations = builder.build();
      return this;
    }

    /**
     * Records Stockroom's meters in {@code registry} (Micrometer, an optional dependency:
     * Stockroom runs without it): uploads by kind and outcome with their latency and bytes,
     * slow-down answers and retries of the client Stockroom creates, links signed and served from
     * the cache, lifecycle drift, KMS checks. docs/spring-boot.md lists the meters.
     */
    public Builder meterRegistry(MeterRegistry registry) {
      this.meterRegistry = Require.nonNull(registry, "meterRegistry");
      return this;
    }

    /**
     * Observes each upload as an Observation named {@code stockroom.upload} in {@code registry},
     * so traces show uploads (the registry's handlers then make the upload timer); needs {@link
     * #meterRegistry} for the other meters.
     */
    public Builder observationRegistry(ObservationRegistry registry) {
      this.observationRegistry = Require.nonNull(registry, "observationRegistry");
      return this;
    }

    /**
     * Returns a new Stockroom. Makes no network call.
     *
     * @throws IllegalArgumentException if no bucket is set; if Stockroom must create a client and
     *     no region is known; if acceleration is asked for a bucket whose name has dots, or with
     *     the caller's own async client; if a setting would be ignored (see the class comment); if
     *     a KMS key ARN names another region than the S3 client's; if Batch Operations' work
     *     prefix overlaps a kind's, or they need an S3 Control client Stockroom cannot create
     *     (under an endpoint override, or without a region); if backups are set with their
     *     bucket (or cross-region bucket) the one backed up, without a KMS key, or without a
     *     protection key
     */
    public Stockroom build() {
      Setup setup = new Setup(bucket, region, endpointOverride, forcePathStyle, credentials,
          s3AsyncClient, s3Client, s3ClientCustomizer, policies, kmsKeyId, kmsClient, kmsKeyCheck,
          accelerate, transferSettings, awsCheckInterval, cloudFront, clock, executor,
          shutdownGracePeriod, resumeTokenKey == null ? null : resumeTokenKey.clone(),
          uploadHeaders, batchOperations, meters(),
          protectionKey == null ? null : protectionKey.clone(), backups);
      SetupChecks.check(setup);
      return new Stockroom(setup);
    }

    /** Micrometer's classes are touched only when a registry was given. */
    private Meters meters() {
      if (meterRegistry == null) {
        Require.state(observationRegistry == null, "observationRegistry needs a meterRegistry "
            + "too");
        return Meters.NONE;
      }
      return new MicrometerMeters(meterRegistry, observationRegistry,
          bucket == null ? "" : bucket);
    }
  }
}
