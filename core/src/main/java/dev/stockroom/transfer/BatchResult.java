package dev.stockroom.transfer;

import dev.stockroom.policy.DataKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Every file's outcome of a directory upload: stored, failed or skipped. Nothing found is left
 * out.
 */
public interface BatchResult {

  /** Returns the bucket. */
  String bucket();

  /** Returns the kind the files were stored as. */
  DataKind kind();

  /** Returns the directory uploaded. */
  Path directory();

  /** Returns every file's outcome, in path order. */
  List<FileOutcome> outcomes();

  /** Returns the files that were stored. */
  default List<FileOutcome> succeeded() {
    return outcomes(FileOutcome.Status.STORED);
  }

  /** Returns the files that failed. */
  default List<FileOutcome> failed() {
    return outcomes(FileOutcome.Status.FAILED);
  }

  /** Returns the files that were skipped (links, special and unreadable files). */
  default List<FileOutcome> skipped() {
    return outcomes(FileOutcome.Status.SKIPPED);
  }

  /** Returns the outcomes with {@code status}. */
  default List<FileOutcome> outcomes(FileOutcome.Status status) {
    return outcomes().stream().filter(o -> o.status() == status).toList();
  }

  /** Returns whether every file found was stored: none failed, none was skipped. */
  default boolean allSucceeded() {
    return outcomes().stream().allMatch(FileOutcome::succeeded);
  }

  /** Returns the bytes stored. */
  default long bytesStored() {
    return outcomes().stream().flatMap(o -> o.stored().stream()).mapToLong(StoredObject::size)
        .sum();
  }

  /** Returns how long the upload took. */
  Duration elapsed();

  /**
   * Returns this result if every file found was stored.
   *
   * @throws dev.stockroom.exception.TransferFailedException naming the first file not stored and the counts
   *     of failed and skipped files, with every failure's cause attached
   */
  BatchResult requireAllSucceeded();
}
