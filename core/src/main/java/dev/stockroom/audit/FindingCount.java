package dev.stockroom.audit;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.util.List;
import java.util.Optional;

/**
 * How many objects of one kind carry one finding, their bytes, and a sample of their keys.
 *
 * @param finding the finding
 * @param kind the objects' kind; empty for keys under no known prefix
 * @param objects how many objects (or incomplete uploads)
 * @param bytes their size in bytes (zero for incomplete uploads, whose parts are not listed)
 * @param sample some of their keys, in the order met, at most the request's sample size
 */
public record FindingCount(Finding finding, Optional<DataKind> kind, long objects, long bytes,
    List<String> sample) {

  /**
   * Checks the count.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a number is negative
   */
  public FindingCount {
    Require.nonNull(finding, "finding");
    Require.nonNull(kind, "kind");
    Require.argument(objects >= 0, "objects must not be negative, but was %s", objects);
    Require.argument(bytes >= 0, "bytes must not be negative, but was %s", bytes);
    sample = List.copyOf(Require.nonNull(sample, "sample"));
  }

  @Override
  public String toString() {
    return finding + kind.map(k -> " (" + k + ")").orElse("") + ": " + objects + " objects, "
        + bytes + " bytes";
  }
}
