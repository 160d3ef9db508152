package dev.stockroom.transfer;

import dev.stockroom.policy.DataKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What an import did, in counts: memory stays flat however many files it had. The first
 * failures are kept here; every outcome is in the journal when there is one.
 */
public interface ImportResult {

  /** Returns the bucket. */
  String bucket();

  /** Returns the kind the files were stored as. */
  DataKind kind();

  /** Returns the source, as text. */
  String source();

  /** Returns how many files were stored by this run. */
  long filesStored();

  /** Returns how many files an earlier run had stored, per the journal, and were not sent again. */
  long filesAlreadyStored();

  /** Returns how many files were skipped (links, special or unreadable files). */
  long filesSkipped();

  /** Returns how many files failed. */
  long filesFailed();

  /** Returns the bytes this run stored. */
  long bytesStored();

  /** Returns how long the import took. */
  Duration elapsed();

  /** Returns the first failures, up to the request's {@code failuresKept}. */
  List<FileOutcome> failures();

  /** Returns the journal, if the import kept one. */
  Optional<Path> journal();

  /** Returns whether every file found is stored: none failed, none was skipped. */
  default boolean allSucceeded() {
    return filesFailed() == 0 && filesSkipped() == 0;
  }

  /**
   * Returns this result if every file found is stored.
   *
   * @throws dev.stockroom.exception.TransferFailedException with the counts and the first
   *     failure, when any file failed or was skipped
   */
  ImportResult requireAllSucceeded();
}
