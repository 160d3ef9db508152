package dev.stockroom.spring;

import java.util.Optional;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Utilities;

/**
 * The application's {@link S3Client} and {@link S3AsyncClient} beans as Stockroom would use them:
 * the sync client for bucket-level calls, the async one for uploads. Both must reach the bucket
 * at the same place, or lifecycle rules would be written to one store and objects to another.
 */
final class S3ClientPair {

  private static final String PROPERTY = StockroomProperties.PREFIX;
  private static final String KEY = "key";

  private S3ClientPair() {}

  /**
   * Checks that the clients fit together.
   *
   * @throws InvalidStockroomPropertyException if there is a sync client without an async one, or
   *     the two address {@code bucket} at different URLs or in different regions
   */
  static void check(Optional<S3AsyncClient> async, Optional<S3Client> sync, String bucket) {
    if (sync.isEmpty()) {
      return;
    }
    if (async.isEmpty()) {
      // Stockroom would build its uploads' client from stockroom.* alone: another endpoint,
      // other credentials and none of the S3Client's interceptors could go unnoticed.
      throw new InvalidStockroomPropertyException(PROPERTY, "the application has an S3Client "
          + "bean but no S3AsyncClient bean; Stockroom's bucket-level calls would go through the "
          + "S3Client and its uploads through a client built from stockroom.* alone",
          "Declare an S3AsyncClient bean with the S3Client's endpoint, region, credentials, "
          + "path-style and interceptors (and multipartEnabled(true)); with Spring Cloud AWS's "
          + "S3 support on, the starter declares it from spring.cloud.aws.s3.*.", null);
    }
    String syncAt = where(sync.get().utilities(), sync.get().serviceClientConfiguration().region(),
        bucket);
    String asyncAt = where(async.get().utilities(),
        async.get().serviceClientConfiguration().region(), bucket);
    if (!syncAt.equals(asyncAt)) {
      throw new InvalidStockroomPropertyException(PROPERTY, "the application's S3Client and "
          + "S3AsyncClient beans reach bucket '" + bucket + "' at different places (S3Client: "
          + syncAt + "; S3AsyncClient: " + asyncAt + "): Stockroom's bucket-level calls and "
          + "uploads would go to different stores",
          "Give both clients the same endpoint, region and path-style (with Spring Cloud AWS: "
          + "spring.cloud.aws.s3.endpoint, spring.cloud.aws.s3.path-style-access-enabled and "
          + "spring.cloud.aws.region.static or spring.cloud.aws.s3.region).", null);
    }
  }

  /** Returns the bucket's URL as the client would address it, and the client's region. */
  private static String where(S3Utilities utilities, Region region, String bucket) {
    String url = utilities.getUrl(request -> request.bucket(bucket).key(KEY)).toString();
    return url.substring(0, url.length() - KEY.length() - 1) + " in " + region;
  }
}
