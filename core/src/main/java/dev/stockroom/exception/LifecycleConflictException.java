package dev.stockroom.exception;

import java.util.Optional;

/**
 * The bucket's lifecycle configuration cannot be brought in line with the policy without touching
 * rules Stockroom does not own or passing S3's limits; nothing was written.
 */
public class LifecycleConflictException extends StockroomException {

  private final String ruleId;

  /** Creates an exception about {@code ruleId} (null when no single rule is at fault). */
  public LifecycleConflictException(String message, String bucket, String ruleId) {
    super(message, bucket, null, null);
    this.ruleId = ruleId;
  }

  /** Returns the id of the rule at fault, if one is. */
  public Optional<String> ruleId() {
    return Optional.ofNullable(ruleId);
  }
}
