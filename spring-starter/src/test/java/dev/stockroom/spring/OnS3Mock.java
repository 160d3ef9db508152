package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.SharedS3Mock;
import java.util.List;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** A Stockroom builder on the shared S3Mock, for tests that make one outside Spring. */
final class OnS3Mock {

  private OnS3Mock() {}

  static Stockroom.Builder builder(String bucket, ExecutionInterceptor... interceptors) {
    return Stockroom.builder().bucket(bucket).region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(SharedS3Mock.endpoint())
        .forcePathStyle(true)
        .s3ClientCustomizer(b -> b.overrideConfiguration(
            o -> List.of(interceptors).forEach(o::addExecutionInterceptor)));
  }
}
