package dev.stockroom.internal.crypto;

import dev.stockroom.internal.s3.S3Clients;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * The KMS client: the user's own if given, otherwise one created on first use (most instances
 * never need one) and closed with Stockroom.
 */
public final class KmsClients implements Supplier<KmsClient>, SdkAutoCloseable {

  private final KmsClient userClient;
  private final Region region;
  private final AwsCredentialsProvider credentials;
  private KmsClient created;
  private boolean closed;

  public KmsClients(KmsClient userClient, Region region, AwsCredentialsProvider credentials) {
    this.userClient = userClient;
    this.region = region;
    this.credentials = credentials;
  }

  @Override
  public synchronized KmsClient get() {
    if (userClient != null) {
      return userClient;
    }
    if (created == null) {
      if (closed) {
        throw new IllegalStateException("stockroom is closed");
      }
      Region resolved = region != null ? region : S3Clients.localRegion().orElseThrow(() ->
          new IllegalArgumentException("region must be set (or AWS_REGION, aws.region or a "
              + "profile region) when Stockroom creates its own KMS client"));
      var builder = KmsClient.builder().region(resolved);
      if (credentials != null) {
        builder.credentialsProvider(credentials);
      }
      created = builder.build();
    }
    return created;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (created != null) {
      created.close();
    }
  }
}
