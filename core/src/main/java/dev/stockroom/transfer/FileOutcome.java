package dev.stockroom.transfer;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What happened to one file of a directory upload or an import: stored, failed with a cause,
 * skipped with a reason (a symbolic link, a special file, an unreadable file), or already stored
 * by an earlier run. Nothing found is left out.
 */
public interface FileOutcome {

  /** What happened to the file. */
  enum Status {
    /** The file was stored. */
    STORED,
    /** The upload was tried and failed; {@link #failure()} says why. */
    FAILED,
    /** The file was not uploaded on purpose; {@link #reason()} says why. */
    SKIPPED,
    /** An earlier run of the same import stored the file, unchanged since, per its journal. */
    ALREADY_STORED
  }

  /** Returns the file. */
  Path file();

  /** Returns the object key (the key it was meant for, if it was not stored). */
  String key();

  /** Returns what happened to the file. */
  Status status();

  /** Returns whether the file was stored. */
  default boolean succeeded() {
    return status() == Status.STORED;
  }

  /** Returns the stored object, if the file was stored. */
  Optional<StoredObject> stored();

  /** Returns why the upload failed, if it failed. */
  Optional<Throwable> failure();

  /** Returns why the file was not stored (failed or skipped), in words. */
  Optional<String> reason();
}
