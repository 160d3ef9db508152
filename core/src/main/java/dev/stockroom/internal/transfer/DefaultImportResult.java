package dev.stockroom.internal.transfer;

import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.policy.DataKind;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.ImportResult;
import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** An import's counts and first failures; see {@link ImportResult}. */
record DefaultImportResult(String bucket, DataKind kind, String source, long filesStored,
    long filesAlreadyStored, long filesSkipped, long filesFailed, long bytesStored,
    Duration elapsed, List<FileOutcome> failures, Path journalOrNull) implements ImportResult {

  DefaultImportResult {
    failures = List.copyOf(failures);
  }

  @Override
  public Optional<Path> journal() {
    return Optional.ofNullable(journalOrNull);
  }

  @Override
  public ImportResult requireAllSucceeded() {
    if (allSucceeded()) {
      return this;
    }
    String first = failures.isEmpty() ? "" : Require.format("; first: '%s': %s",
        failures.get(0).file(), failures.get(0).reason().orElse("unknown"));
    String message = Require.format("the import of %s did not store every file: %s failed, %s "
        + "skipped%s%s", source, filesFailed, filesSkipped, first,
        journalOrNull == null ? "" : Require.format(" (every one is in the journal '%s')",
            journalOrNull));
    TransferFailedException e = new TransferFailedException(message, bucket,
        failures.isEmpty() ? null : failures.get(0).key(),
        failures.isEmpty() ? null : failures.get(0).failure().orElse(null));
    failures.stream().skip(1).forEach(o -> o.failure().ifPresent(e::addSuppressed));
    throw e;
  }

  @Override
  public String toString() {
    return "ImportResult{bucket='" + bucket + "', kind=" + kind + ", source=" + source
        + ", stored=" + filesStored + ", alreadyStored=" + filesAlreadyStored + ", skipped="
        + filesSkipped + ", failed=" + filesFailed + ", bytesStored=" + bytesStored + ", elapsed="
        + elapsed + '}';
  }
}
