package dev.stockroom.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Records every request a client sends: the operation name, the SDK request and the HTTP request. */
public final class RecordingInterceptor implements ExecutionInterceptor {

  /** One request as sent. */
  public record Sent(String operation, SdkRequest request, SdkHttpRequest http) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  /** Records the request about to be sent. */
  @Override
  public void beforeTransmission(Context.BeforeTransmission context,
      ExecutionAttributes attributes) {
    sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
        context.request(), context.httpRequest()));
  }

  /** Returns every request sent so far, in order. */
  public List<Sent> sent() {
    return List.copyOf(sent);
  }

  /** Returns the requests of one operation, e.g. "PutBucketLifecycleConfiguration". */
  public List<Sent> sent(String operation) {
    return sent.stream().filter(s -> s.operation().equals(operation)).toList();
  }

  /** Forgets what was recorded. */
  public void clear() {
    sent.clear();
  }
}
