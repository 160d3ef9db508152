package dev.stockroom.audit;

import dev.stockroom.validation.Require;
import java.util.Set;

/**
 * How the repair of one object or upload ended.
 *
 * @param key the object's key
 * @param findings what the audit found wrong with it
 * @param action what the plan meant to do
 * @param status how it ended
 * @param detail what happened, for people (S3's error code on failure); never object data
 */
public record RepairOutcome(String key, Set<Finding> findings, RepairAction action,
    RepairStatus status, String detail) {

  /**
   * Checks the outcome.
   *
   * @throws NullPointerException if an argument is null
   */
  public RepairOutcome {
    Require.nonNull(key, "key");
    findings = Set.copyOf(Require.nonNull(findings, "findings"));
    Require.nonNull(action, "action");
    Require.nonNull(status, "status");
    Require.nonNull(detail, "detail");
  }
}
