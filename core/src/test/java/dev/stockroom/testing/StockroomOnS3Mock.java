package dev.stockroom.testing;

import dev.stockroom.Stockroom;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * Stockroom builders set up for the shared S3Mock: core's side of the test support, kept here
 * because {@code stockroom-test} must not depend on {@code stockroom-core}.
 */
public final class StockroomOnS3Mock {

  private StockroomOnS3Mock() {}

  /**
   * Returns a Stockroom builder for {@code bucket} on the shared S3Mock, letting Stockroom create
   * its own client (as users do), with {@code interceptors} added to see what it sends.
   */
  public static Stockroom.Builder builder(String bucket, ExecutionInterceptor... interceptors) {
    return Stockroom.builder().bucket(bucket).region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(SharedS3Mock.endpoint())
        .forcePathStyle(true)
        .s3ClientCustomizer(b -> b.overrideConfiguration(
            o -> List.of(interceptors).forEach(o::addExecutionInterceptor)));
  }
}
