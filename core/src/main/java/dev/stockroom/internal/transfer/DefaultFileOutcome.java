package dev.stockroom.internal.transfer;

import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.validation.Printable;
import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.util.Optional;

/** One file's outcome; see {@link FileOutcome}. */
record DefaultFileOutcome(Path file, String key, Status status, StoredObject storedOrNull,
    Throwable failureOrNull, String reasonOrNull) implements FileOutcome {

  DefaultFileOutcome {
    Require.nonNull(file, "file");
    Require.nonNull(key, "key");
    Require.nonNull(status, "status");
  }

  static FileOutcome stored(Path file, StoredObject stored) {
    return new DefaultFileOutcome(file, stored.key(), Status.STORED, stored, null, null);
  }

  static FileOutcome failed(Path file, String key, Throwable failure) {
    return new DefaultFileOutcome(file, key, Status.FAILED, null, Require.nonNull(failure,
        "failure"), String.valueOf(failure.getMessage()));
  }

  static FileOutcome alreadyStored(Path file, String key) {
    return new DefaultFileOutcome(file, key, Status.ALREADY_STORED, null, null,
        "stored by an earlier run, unchanged since (per the journal)");
  }

  static FileOutcome skipped(Path file, String key, String reason) {
    return new DefaultFileOutcome(file, key, Status.SKIPPED, null, null, reason);
  }

  @Override
  public Optional<StoredObject> stored() {
    return Optional.ofNullable(storedOrNull);
  }

  @Override
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failureOrNull);
  }

  @Override
  public Optional<String> reason() {
    return Optional.ofNullable(reasonOrNull);
  }

  @Override
  public String toString() {
    return status.name().toLowerCase(java.util.Locale.ROOT) + " " + Printable.of(file) + " as '"
        + Printable.of(key) + "'" + (reasonOrNull == null ? "" : ": " + Printable.of(reasonOrNull));
  }
}
