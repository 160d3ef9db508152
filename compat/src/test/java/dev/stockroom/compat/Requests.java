package dev.stockroom.compat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpRequest;

/** Records the requests a client sends: operation name and HTTP request, as sent. */
final class Requests implements ExecutionInterceptor {

  /** One request as sent. */
  record Sent(String operation, SdkHttpRequest http) {}

  private final List<Sent> sent = new CopyOnWriteArrayList<>();

  @Override
  public void beforeTransmission(Context.BeforeTransmission context,
      ExecutionAttributes attributes) {
    sent.add(new Sent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
        context.httpRequest()));
  }

  /** Returns the requests of one operation, e.g. "PutObject", in the order sent. */
  List<Sent> sent(String operation) {
    return sent.stream().filter(s -> s.operation().equals(operation)).toList();
  }
}
