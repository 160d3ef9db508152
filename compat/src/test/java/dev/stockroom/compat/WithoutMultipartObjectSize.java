package dev.stockroom.compat;

import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;

/**
 * Completes multipart uploads without {@code x-amz-mp-object-size}, the total size the AWS SDK's
 * multipart client sends with every CompleteMultipartUpload, which S3Proxy 4.0.0 refuses with 501.
 * Users add it with {@code s3ClientCustomizer(b -> b.overrideConfiguration(o ->
 * o.addExecutionInterceptor(new WithoutMultipartObjectSize())))}; docs/compatibility.md shows it.
 */
final class WithoutMultipartObjectSize implements ExecutionInterceptor {

  @Override
  public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
    if (context.request() instanceof CompleteMultipartUploadRequest complete
        && complete.mpuObjectSize() != null) {
      return complete.toBuilder().mpuObjectSize((Long) null).build();
    }
    return context.request();
  }
}
