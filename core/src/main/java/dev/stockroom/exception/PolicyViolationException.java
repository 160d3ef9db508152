package dev.stockroom.exception;

import dev.stockroom.policy.DataKind;
import java.util.Optional;

/**
 * A request was refused because it would break the kind's policy (for example a transactional
 * upload with no KMS key configured); nothing was sent.
 */
public class PolicyViolationException extends StockroomException {

  private final DataKind kind;

  /** Creates an exception about {@code key} of {@code kind} in {@code bucket}. */
  public PolicyViolationException(String message, String bucket, String key, DataKind kind) {
    super(message, bucket, key, null);
    this.kind = kind;
  }

  /** Returns the kind whose policy refused the request, if one did. */
  public Optional<DataKind> kind() {
    return Optional.ofNullable(kind);
  }
}
