package dev.stockroom.internal;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** What an AWS service answered when a call failed, in the words Stockroom's messages use. */
public final class AwsAnswers {

  private AwsAnswers() {}

  /**
   * Returns the service's error code and HTTP status ({@code "SlowDown (HTTP 503)"}) when
   * {@code failure} (or what it wraps) is a service's answer with a code; empty otherwise.
   */
  public static Optional<String> codeAndStatus(Throwable failure) {
    return answer(failure).map(service -> service.awsErrorDetails().errorCode() + " (HTTP "
        + service.statusCode() + ")");
  }

  /** Returns the service's error code ({@code "NoSuchVersion"}), if it answered with one. */
  public static Optional<String> errorCode(Throwable failure) {
    return answer(failure).map(service -> service.awsErrorDetails().errorCode());
  }

  private static Optional<AwsServiceException> answer(Throwable failure) {
    for (Throwable t = Futures.unwrap(failure); t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException service && service.awsErrorDetails() != null
          && service.awsErrorDetails().errorCode() != null) {
        return Optional.of(service);
      }
    }
    return Optional.empty();
  }

  /** Returns {@link #codeAndStatus}, else the failure's type: a short reason for an outcome. */
  public static String shortReason(Throwable failure) {
    return codeAndStatus(failure).orElseGet(() -> Futures.unwrap(failure).getClass()
        .getSimpleName());
  }
}
