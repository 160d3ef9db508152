package dev.stockroom.internal.transfer;

import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.S3Answers;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Reads a store's refusal of an upload for the header it refused, and says which {@code
 * UploadHeaders} setting turns that header off. S3 accepts every header Stockroom sends; an
 * S3-compatible store may not (no tagging, no SSE-S3 or KMS, no checksums, no Object Lock).
 */
final class HeaderRefusals {

  private static final String ALL = "if the store does not support a header Stockroom sends, turn "
      + "it off: uploadHeaders(h -> h.serverSideEncryption(false)), .checksums(false), "
      + ".objectLockRetention(false) or .kindTag(false)";

  private HeaderRefusals() {}

  /** Returns what to change, when {@code failure} looks like a refused header. */
  static Optional<String> hint(Throwable failure) {
    Throwable cause = Futures.unwrap(failure);
    if (!(cause instanceof AwsServiceException service) || !refusal(service)) {
      return Optional.empty();
    }
    String text = String.valueOf(service.getMessage()).toLowerCase(Locale.ROOT);
    if (text.contains("tagging") || text.contains("tag ")) {
      return Optional.of("the store refused the object tag: set uploadHeaders(h -> "
          + "h.kindTag(false))");
    }
    if (text.contains("checksum") || text.contains("crc")) {
      return Optional.of("the store refused the checksum: set uploadHeaders(h -> "
          + "h.checksums(false))");
    }
    if (text.contains("lock") || text.contains("retention")) {
      return Optional.of("the store refused the Object Lock retention: set uploadHeaders(h -> "
          + "h.objectLockRetention(false))");
    }
    if (text.contains("encryption") || text.contains("kms") || text.contains("sse")) {
      return Optional.of("the store refused the server-side encryption: set uploadHeaders(h -> "
          + "h.serverSideEncryption(false)) (transactional data stays SSE-KMS or refused)");
    }
    return Optional.of(ALL);
  }

  private static boolean refusal(AwsServiceException service) {
    String code = service.awsErrorDetails() == null ? null
        : service.awsErrorDetails().errorCode();
    return S3Answers.notImplemented(service) || service.statusCode() == 400
        && ("InvalidArgument".equals(code) || "InvalidRequest".equals(code)
            || "NotImplemented".equals(code));
  }
}
