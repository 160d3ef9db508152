package dev.stockroom.audit;

import dev.stockroom.validation.Require;

/**
 * A group of objects a repair plan treats alike.
 *
 * @param action what the repair does to them
 * @param detail what changes (for example "STANDARD_IA → STANDARD, SSE-KMS"), or why not
 * @param objects how many objects or uploads
 * @param bytes their size in bytes
 */
public record RepairStep(RepairAction action, String detail, long objects, long bytes) {

  /**
   * Checks the step.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a number is negative
   */
  public RepairStep {
    Require.nonNull(action, "action");
    Require.nonNull(detail, "detail");
    Require.argument(objects >= 0, "objects must not be negative, but was %s", objects);
    Require.argument(bytes >= 0, "bytes must not be negative, but was %s", bytes);
  }
}
