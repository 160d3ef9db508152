package dev.stockroom;

import dev.stockroom.internal.BucketNames;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.Require;
import dev.stockroom.internal.lifecycle.DefaultBucketLifecycle;
import dev.stockroom.internal.s3.S3Clients;
import dev.stockroom.lifecycle.BucketLifecycle;
import dev.stockroom.policy.PolicyCatalog;
import java.net.URI;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The entry point: one bucket, classified by a {@link PolicyCatalog}, with its lifecycle kept in
 * line. Build one per bucket with {@link #builder()}, share it between threads, close it when done;
 * closing shuts down only the clients it created.
 *
 * <pre>{@code
 * try (Stockroom stockroom = Stockroom.builder()
 *         .bucket("shop-assets")
 *         .region(Region.EU_WEST_1)
 *         .build()) {
 *   LifecyclePlan plan = stockroom.lifecycle().apply();
 * }
 * }</pre>
 */
public final class Stockroom implements AutoCloseable {

  private final String bucket;
  private final PolicyCatalog policies;
  private final S3Clients clients;
  private final OpenGuard guard = new OpenGuard();
  private final BucketLifecycle lifecycle;

  private Stockroom(Builder builder) {
    this.bucket = builder.bucket;
    this.policies = builder.policies;
    this.clients = S3Clients.create(builder.s3AsyncClient, builder.s3Client,
        new S3Clients.Settings(builder.region, builder.endpointOverride, builder.forcePathStyle,
            builder.credentials));
    this.lifecycle = new DefaultBucketLifecycle(bucket, policies, clients.bucketClient(), guard);
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

  /** Returns the bucket's lifecycle configuration, kept in line with the policy catalog. */
  public BucketLifecycle lifecycle() {
    return lifecycle;
  }

  /** Closes the clients this instance created; later calls fail with IllegalStateException. */
  @Override
  public void close() {
    if (guard.close()) {
      clients.close();
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
    private PolicyCatalog policies = PolicyCatalog.defaults();

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
     * Sets the region of the client Stockroom creates. Without it, the region comes from
     * {@code AWS_REGION}, {@code aws.region} or the profile; never from the network.
     */
    public Builder region(Region region) {
      this.region = Require.nonNull(region, "region");
      return this;
    }

    /**
     * Sends requests to an S3-compatible endpoint (S3Mock, MinIO, LocalStack) instead of AWS.
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

    /** Sets the credentials of the client Stockroom creates (default: the SDK's default chain). */
    public Builder credentialsProvider(AwsCredentialsProvider credentials) {
      this.credentials = Require.nonNull(credentials, "credentialsProvider");
      return this;
    }

    /**
     * Uses the caller's async client for every call; Stockroom will not close it. Region, endpoint,
     * path-style and credentials settings are then the client's own.
     */
    public Builder s3AsyncClient(S3AsyncClient client) {
      this.s3AsyncClient = Require.nonNull(client, "s3AsyncClient");
      return this;
    }

    /**
     * Uses the caller's sync client for bucket-level calls (lifecycle); Stockroom will not close
     * it. Transfers need an async client: give one with {@link #s3AsyncClient}, or Stockroom builds
     * its own from this builder's settings.
     */
    public Builder s3Client(S3Client client) {
      this.s3Client = Require.nonNull(client, "s3Client");
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
     * Returns a new Stockroom. Makes no network call.
     *
     * @throws IllegalArgumentException if no bucket is set, or if Stockroom must create a client
     *     and no region is known
     */
    public Stockroom build() {
      Require.argument(bucket != null, "bucket must be set");
      return new Stockroom(this);
    }
  }
}
