package dev.stockroom.internal.s3;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The S3 clients one Stockroom instance talks through: the user's own where given, otherwise one it
 * creates (and alone closes).
 */
public final class S3Clients implements SdkAutoCloseable {

  private final S3AsyncClient async;
  private final S3Client sync;
  private final List<SdkAutoCloseable> owned = new ArrayList<>();

  private S3Clients(S3AsyncClient async, S3Client sync) {
    this.async = async;
    this.sync = sync;
  }

  /** The settings for clients Stockroom creates itself. */
  public record Settings(Region region, URI endpointOverride, boolean forcePathStyle,
      AwsCredentialsProvider credentials) {}

  /**
   * Returns the clients to use: the user's async client if given; otherwise one built from
   * {@code settings}. A user's sync client, if given, serves the bucket-level calls.
   *
   * @throws IllegalArgumentException if a client must be built and no region is known
   */
  public static S3Clients create(S3AsyncClient userAsync, S3Client userSync, Settings settings) {
    if (userAsync != null) {
      return new S3Clients(userAsync, userSync);
    }
    S3AsyncClient created = build(settings);
    S3Clients clients = new S3Clients(created, userSync);
    clients.owned.add(created);
    return clients;
  }

  private static S3AsyncClient build(Settings settings) {
    Region region = Optional.ofNullable(settings.region()).or(S3Clients::localRegion)
        .orElseThrow(() -> new IllegalArgumentException("region must be set (or AWS_REGION, "
            + "aws.region or a profile region) when Stockroom creates its own S3 client"));
    var builder = S3AsyncClient.builder()
        .region(region)
        .multipartEnabled(true)
        .forcePathStyle(settings.forcePathStyle());
    if (settings.endpointOverride() != null) {
      builder.endpointOverride(settings.endpointOverride());
    }
    if (settings.credentials() != null) {
      builder.credentialsProvider(settings.credentials());
    }
    return builder.build();
  }

  /** Looks for a region in the environment, system properties and profile: never the network. */
  private static Optional<Region> localRegion() {
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
