package dev.stockroom.transfer;

import dev.stockroom.TransferFailedException;
import dev.stockroom.internal.Require;
import dev.stockroom.policy.DataKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** Every file's outcome of a directory upload. Nothing is left out: failures are listed too. */
public final class BatchResult {

  private final String bucket;
  private final DataKind kind;
  private final Path directory;
  private final List<FileOutcome> outcomes;
  private final Duration elapsed;

  private BatchResult(String bucket, DataKind kind, Path directory, List<FileOutcome> outcomes,
      Duration elapsed) {
    this.bucket = Require.nonNull(bucket, "bucket");
    this.kind = Require.nonNull(kind, "kind");
    this.directory = Require.nonNull(directory, "directory");
    this.outcomes = List.copyOf(outcomes);
    this.elapsed = Require.nonNull(elapsed, "elapsed");
  }

  /** Returns a result. */
  public static BatchResult of(String bucket, DataKind kind, Path directory,
      List<FileOutcome> outcomes, Duration elapsed) {
    return new BatchResult(bucket, kind, directory, Require.nonNull(outcomes, "outcomes"), elapsed);
  }

  /** Returns the bucket. */
  public String bucket() {
    return bucket;
  }

  /** Returns the kind the files were stored as. */
  public DataKind kind() {
    return kind;
  }

  /** Returns the directory uploaded. */
  public Path directory() {
    return directory;
  }

  /** Returns every file's outcome, in path order. */
  public List<FileOutcome> outcomes() {
    return outcomes;
  }

  /** Returns the files that were stored. */
  public List<FileOutcome> succeeded() {
    return outcomes.stream().filter(FileOutcome::succeeded).toList();
  }

  /** Returns the files that failed. */
  public List<FileOutcome> failed() {
    return outcomes.stream().filter(o -> !o.succeeded()).toList();
  }

  /** Returns whether every file was stored. */
  public boolean allSucceeded() {
    return outcomes.stream().allMatch(FileOutcome::succeeded);
  }

  /** Returns the bytes stored. */
  public long bytesStored() {
    return outcomes.stream().flatMap(o -> o.stored().stream()).mapToLong(StoredObject::size).sum();
  }

  /** Returns how long the upload took. */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * Returns this result if every file was stored.
   *
   * @throws TransferFailedException naming the first failed key, with its cause, and the count
   */
  public BatchResult requireAllSucceeded() {
    List<FileOutcome> failed = failed();
    if (!failed.isEmpty()) {
      FileOutcome first = failed.get(0);
      TransferFailedException e = new TransferFailedException(bucket, first.key(),
          first.failure().orElseThrow());
      failed.stream().skip(1).forEach(o -> e.addSuppressed(o.failure().orElseThrow()));
      throw e;
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BatchResult that && bucket.equals(that.bucket) && kind == that.kind
        && directory.equals(that.directory) && outcomes.equals(that.outcomes)
        && elapsed.equals(that.elapsed);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, kind, directory, outcomes, elapsed);
  }

  @Override
  public String toString() {
    return "BatchResult{bucket='" + bucket + "', kind=" + kind + ", directory=" + directory
        + ", files=" + outcomes.size() + ", failed=" + failed().size() + ", bytesStored="
        + bytesStored() + ", elapsed=" + elapsed + '}';
  }
}
