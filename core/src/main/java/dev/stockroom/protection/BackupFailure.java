package dev.stockroom.protection;

import dev.stockroom.validation.Require;

/**
 * An object a backup could not copy; the backup's manifest leaves it out. Its {@code toString()}
 * leaves the key out (keys of customer data are personal data).
 *
 * @param key the source object's key
 * @param detail why: S3's error code and HTTP status, or what was wrong
 */
public record BackupFailure(String key, String detail) {

  /**
   * Checks the failure.
   *
   * @throws NullPointerException if an argument is null
   */
  public BackupFailure {
    Require.nonNull(key, "key");
    Require.nonNull(detail, "detail");
  }

  /** Returns the failure without its key. */
  @Override
  public String toString() {
    return "not copied: " + detail;
  }
}
