package dev.stockroom.audit;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.util.Optional;

/**
 * How many current objects of one kind an audit read, and their bytes.
 *
 * @param kind the kind; empty for keys under no known prefix
 * @param objects how many objects
 * @param bytes their size in bytes
 */
public record KindCount(Optional<DataKind> kind, long objects, long bytes) {

  /**
   * Checks the count.
   *
   * @throws NullPointerException if {@code kind} is null
   * @throws IllegalArgumentException if a number is negative
   */
  public KindCount {
    Require.nonNull(kind, "kind");
    Require.argument(objects >= 0, "objects must not be negative, but was %s", objects);
    Require.argument(bytes >= 0, "bytes must not be negative, but was %s", bytes);
  }
}
