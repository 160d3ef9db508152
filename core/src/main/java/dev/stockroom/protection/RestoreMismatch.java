package dev.stockroom.protection;

import dev.stockroom.validation.Require;

/**
 * An object a restore did not get back as its backup's manifest describes it. Its {@code
 * toString()} names the manifest line rather than the key (keys of customer data are personal
 * data); {@link #key()} gives the key to whoever needs it.
 *
 * @param line the object's line in the manifest
 * @param key the object's key (its source key)
 * @param problem what was wrong
 * @param expected what the manifest says (a size, a checksum, a version), or empty
 * @param actual what the restore found, or S3's error code
 */
public record RestoreMismatch(long line, String key, Problem problem, String expected,
    String actual) {

  /** What was wrong with a restored object. */
  public enum Problem {
    /** The backup's copy (at the version the manifest names) is not there. */
    MISSING,
    /** The restored object has another size than the manifest's. */
    SIZE,
    /** The restored bytes have another checksum than the manifest's. */
    CHECKSUM,
    /** The copy or the read failed otherwise (access, KMS key); {@code actual} holds why. */
    UNREADABLE
  }

  /**
   * Checks the mismatch.
   *
   * @throws NullPointerException if an argument is null
   */
  public RestoreMismatch {
    Require.nonNull(key, "key");
    Require.nonNull(problem, "problem");
    Require.nonNull(expected, "expected");
    Require.nonNull(actual, "actual");
  }

  /** Returns the mismatch without its key. */
  @Override
  public String toString() {
    return problem + " at manifest line " + line + (expected.isEmpty() ? "" : ": expected "
        + expected + ", got " + actual) + (expected.isEmpty() && !actual.isEmpty() ? ": "
        + actual : "");
  }
}
