package dev.stockroom.protection;

import dev.stockroom.validation.Require;
import java.time.Instant;
import java.util.Optional;

/**
 * A version an erasure cannot delete, because Object Lock holds it: a legal hold (until someone
 * removes it) or a retention (until its date; COMPLIANCE cannot be shortened by anyone). Read from
 * GetObjectLegalHold and GetObjectRetention of the version. Its {@code toString()} leaves the key
 * out.
 *
 * @param version the held version
 * @param legalHold whether a legal hold is on
 * @param retentionMode the retention mode ({@code COMPLIANCE} or {@code GOVERNANCE}), if one is set
 * @param retainUntil the end of the retention, if one is set
 */
public record LockConflict(ObjectVersion version, boolean legalHold,
    Optional<String> retentionMode, Optional<Instant> retainUntil) {

  /**
   * Checks the conflict.
   *
   * @throws NullPointerException if an argument is null
   */
  public LockConflict {
    Require.nonNull(version, "version");
    Require.nonNull(retentionMode, "retentionMode");
    Require.nonNull(retainUntil, "retainUntil");
  }

  /** Returns why the version is held, for people: "legal hold", "COMPLIANCE until …". */
  public String reason() {
    String retention = retainUntil.map(until -> retentionMode.orElse("retention") + " until "
        + until).orElse("");
    if (legalHold) {
      return retention.isEmpty() ? "legal hold" : "legal hold, " + retention;
    }
    return retention;
  }

  /** Returns the conflict without the key. */
  @Override
  public String toString() {
    return version + " held: " + reason();
  }
}
