package dev.stockroom.internal.transfer;

import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.policy.DataKind;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** A directory upload's outcomes; see {@link BatchResult}. */
record DefaultBatchResult(String bucket, DataKind kind, Path directory,
    List<FileOutcome> outcomes, Duration elapsed) implements BatchResult {

  DefaultBatchResult {
    Require.nonNull(bucket, "bucket");
    Require.nonNull(kind, "kind");
    Require.nonNull(directory, "directory");
    outcomes = List.copyOf(outcomes);
    Require.nonNull(elapsed, "elapsed");
  }

  @Override
  public BatchResult requireAllSucceeded() {
    List<FileOutcome> notStored = outcomes.stream().filter(o -> !o.succeeded()).toList();
    if (notStored.isEmpty()) {
      return this;
    }
    FileOutcome first = notStored.get(0);
    String message = Require.format("%s of %s files under '%s' were not stored (%s failed, %s "
        + "skipped); first: '%s': %s", notStored.size(), outcomes.size(), directory,
        failed().size(), skipped().size(), first.file(), first.reason().orElse("unknown"));
    TransferFailedException e = new TransferFailedException(message, bucket, first.key(),
        first.failure().orElse(null));
    failed().stream().skip(first.status() == FileOutcome.Status.FAILED ? 1 : 0)
        .forEach(o -> e.addSuppressed(o.failure().orElseThrow()));
    throw e;
  }

  @Override
  public String toString() {
    return "BatchResult{bucket='" + bucket + "', kind=" + kind + ", directory=" + directory
        + ", files=" + outcomes.size() + ", failed=" + failed().size() + ", skipped="
        + skipped().size() + ", bytesStored=" + bytesStored() + ", elapsed=" + elapsed + '}';
  }
}
