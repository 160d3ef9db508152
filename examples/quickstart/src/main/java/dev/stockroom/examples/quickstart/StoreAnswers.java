package dev.stockroom.examples.quickstart;

import dev.stockroom.exception.StorageException;
import java.net.URI;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Reads what a store answered, for the quickstart's one-line reports: whether it lacks an
 * operation or refused a header, and the line to print when the run stops.
 */
final class StoreAnswers {

  /** The codes S3-compatible stores refuse an unsupported header with, besides a 501. */
  private static final Set<String> HEADER_REFUSALS =
      Set.of("NotImplemented", "InvalidArgument", "InvalidRequest");

  private StoreAnswers() {}

  /** Returns whether the store answered that it does not implement the operation. */
  static boolean notImplemented(StorageException failure) {
    return failure.statusCode().orElse(0) == 501
        || failure.errorCode().filter("NotImplemented"::equals).isPresent();
  }

  /** Returns whether the store refused a header it does not support. */
  static boolean refusedAHeader(StorageException failure) {
    return notImplemented(failure) || failure.statusCode().orElse(0) == 400
        && failure.errorCode().filter(HEADER_REFUSALS::contains).isPresent();
  }

  /**
   * Returns whether the store closed the connection without an answer the client could read. A
   * store that answers a refused header before reading the body (S3Proxy) and closes may be heard
   * that way, when the client is still sending.
   */
  static boolean closedWithoutAnswer(StorageException failure) {
    if (answered(failure)) {
      return false;
    }
    for (Throwable cause = failure.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof SdkClientException) {
        return true;
      }
    }
    return false;
  }

  /** Returns how the store refused: "it answered NotImplemented (HTTP 501)", or how it closed. */
  static String how(StorageException failure) {
    return answered(failure) ? "it answered " + answer(failure)
        : "it closed the connection without an answer";
  }

  /** Returns whether the store answered at all (an error code and an HTTP status). */
  static boolean answered(StorageException failure) {
    return failure.errorCode().isPresent() && failure.statusCode().isPresent();
  }

  /** Returns the store's answer as "NotImplemented (HTTP 501)". */
  static String answer(StorageException failure) {
    return failure.errorCode().orElse("no error code") + " (HTTP "
        + failure.statusCode().stream().mapToObj(String::valueOf).findFirst().orElse("none")
        + ")";
  }

  /** Returns one line that says why the run stopped. */
  static String stopped(RuntimeException failure, URI endpoint) {
    String why;
    if (failure instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null
          : service.awsErrorDetails().errorCode();
      String text = service.awsErrorDetails() == null ? null
          : service.awsErrorDetails().errorMessage();
      why = "the store at " + endpoint + " answered " + (code == null ? "" : code + " ")
          + "(HTTP " + service.statusCode() + ")" + (text == null ? "" : ": " + text);
    } else if (failure instanceof SdkClientException client) {
      why = "the store at " + endpoint + " could not be reached: " + client.getMessage();
    } else {
      why = failure.getMessage();
    }
    return "Stopped: " + why.replaceAll("\\s*\\R\\s*", " ");
  }
}
