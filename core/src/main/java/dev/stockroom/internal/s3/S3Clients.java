package dev.stockroom.internal.s3;

import dev.stockroom.transfer.TransferSettings;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The S3 clients one Stockroom instance talks through: the user's own where given, otherwise one it
 * creates (and alone closes).
 */
public final class S3Clients implements SdkAutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(S3Clients.class);

  private final S3AsyncClient async;
  private final S3Client sync;
  private final boolean accelerated;
  private final ThrottleWatch throttles;
  private final List<SdkAutoCloseable> owned = new ArrayList<>();

  private S3Clients(S3AsyncClient async, S3Client sync, boolean accelerated) {
    this(async, sync, accelerated, null);
  }

  private S3Clients(S3AsyncClient async, S3Client sync, boolean accelerated,
      ThrottleWatch throttles) {
    this.async = async;
    this.sync = sync;
    this.accelerated = accelerated;
    this.throttles = throttles;
  }

  /**
   * The settings for the client Stockroom creates itself.
   *
   * @param region the region, or null to look in the environment
   * @param endpointOverride an S3-compatible endpoint, or null for AWS
   * @param forcePathStyle whether to put the bucket in the path
   * @param credentials the credentials, or null for the SDK's default chain
   * @param accelerate whether to use Transfer Acceleration
   * @param transfer part size, threshold and connections
   * @param customizer a last say on the client builder, or null
   * @param checksums whether the client computes request checksums where S3 supports them (off
   *     for stores that refuse checksum headers)
   */
  public record Settings(Region region, URI endpointOverride, boolean forcePathStyle,
      AwsCredentialsProvider credentials, boolean accelerate, TransferSettings transfer,
      Consumer<S3AsyncClientBuilder> customizer, boolean checksums,
      ExecutionInterceptor metrics) {}

  /**
   * Returns the clients to use: the user's async client if given; otherwise one built from
   * {@code settings}. A user's sync client, if given, serves the bucket-level calls.
   *
   * @throws IllegalArgumentException if a client must be built and no region is known
   */
  public static S3Clients create(S3AsyncClient userAsync, S3Client userSync, Settings settings) {
    if (userAsync != null) {
      return new S3Clients(userAsync, userSync, false);
    }
    boolean accelerate = settings.accelerate();
    if (accelerate && settings.endpointOverride() != null) {
      log.warn("Transfer Acceleration is off: it cannot be used with the endpoint override {}",
          settings.endpointOverride());
      accelerate = false;
    }
    SdkEventLoopGroup eventLoops = SdkEventLoopGroup.builder().build();
    ThrottleWatch throttles = new ThrottleWatch();
    S3AsyncClient created = build(settings, accelerate, eventLoops, throttles);
    S3Clients clients = new S3Clients(created, userSync, accelerate, throttles);
    clients.owned.add(created);
    clients.owned.add(() -> shutDown(eventLoops));
    return clients;
  }

  /**
   * Ends the event loop threads without Netty's default two-second quiet period: the client that
   * used them is already closed, so no task can still arrive, and close() returns at once.
   */
  private static void shutDown(SdkEventLoopGroup eventLoops) {
    eventLoops.eventLoopGroup().shutdownGracefully(0, 5, TimeUnit.SECONDS)
        .awaitUninterruptibly(5, TimeUnit.SECONDS);
  }

  private static S3AsyncClient build(Settings settings, boolean accelerate,
      SdkEventLoopGroup eventLoops, ThrottleWatch throttles) {
    Region region = Optional.ofNullable(settings.region()).or(S3Clients::localRegion)
        .orElseThrow(() -> new IllegalArgumentException("region must be set (or AWS_REGION, "
            + "aws.region or a profile region) when Stockroom creates its own S3 client"));
    TransferSettings transfer = settings.transfer();
    S3AsyncClientBuilder builder = S3AsyncClient.builder()
        .region(region)
        .accelerate(accelerate)
        .forcePathStyle(settings.forcePathStyle())
        .httpClientBuilder(NettyNioAsyncHttpClient.builder()
            .eventLoopGroup(eventLoops)
            .maxConcurrency(transfer.maxConnections()))
        .multipartEnabled(true)
        .multipartConfiguration(m -> m
            .minimumPartSizeInBytes(transfer.partSize())
            .thresholdInBytes(transfer.multipartThreshold()));
    if (settings.endpointOverride() != null) {
      builder.endpointOverride(settings.endpointOverride());
    }
    if (!settings.checksums()) {
      builder.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED);
    }
    if (settings.credentials() != null) {
      builder.credentialsProvider(settings.credentials());
    }
    if (settings.customizer() != null) {
      settings.customizer().accept(builder);
    }
    // after the customizer, which may set an override configuration of its own: added to it
    builder.overrideConfiguration(builder.overrideConfiguration().toBuilder()
        .addExecutionInterceptor(throttles).addExecutionInterceptor(settings.metrics()).build());
    return builder.build();
  }

  /** Looks for a region in the environment, system properties and profile: never the network. */
  public static Optional<Region> localRegion() {
    try {
      return Optional.of(new AwsRegionProviderChain(new SystemSettingsRegionProvider(),
          new AwsProfileRegionProvider()).getRegion());
    } catch (RuntimeException noRegion) {
      return Optional.empty();
    }
  }

  /** Returns the async client (the transfer client). */
  public S3AsyncClient async() {
    return async;
  }

  /**
   * Returns the count of slow-down answers the client Stockroom created has had, or empty for a
   * caller's client (Stockroom cannot watch its requests).
   */
  public Optional<ThrottleWatch> throttles() {
    return Optional.ofNullable(throttles);
  }

  /** Returns whether the transfer client uses Transfer Acceleration. */
  public boolean accelerated() {
    return accelerated;
  }

  /** Returns the client for bucket-level calls: the user's sync client if given, else async. */
  public BucketClient bucketClient() {
    return sync != null ? BucketClient.of(sync) : BucketClient.of(async);
  }

  /** Closes the clients this instance created; the user's stay open. */
  @Override
  public void close() {
    owned.forEach(SdkAutoCloseable::close);
  }
}
