package dev.stockroom.transfer;

import dev.stockroom.internal.Require;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/** What happened to one file of a directory upload: stored, or failed with a cause. */
public final class FileOutcome {

  private final Path file;
  private final String key;
  private final StoredObject stored;
  private final Throwable failure;

  private FileOutcome(Path file, String key, StoredObject stored, Throwable failure) {
    this.file = Require.nonNull(file, "file");
    this.key = Require.nonNull(key, "key");
    this.stored = stored;
    this.failure = failure;
  }

  /** Returns the outcome of a file that was stored. */
  public static FileOutcome stored(Path file, StoredObject stored) {
    return new FileOutcome(file, Require.nonNull(stored, "stored").key(), stored, null);
  }

  /** Returns the outcome of a file that failed; {@code key} is the key it was meant for. */
  public static FileOutcome failed(Path file, String key, Throwable failure) {
    return new FileOutcome(file, key, null, Require.nonNull(failure, "failure"));
  }

  /** Returns the file. */
  public Path file() {
    return file;
  }

  /** Returns the object key (the key it was meant for, if it failed). */
  public String key() {
    return key;
  }

  /** Returns whether the file was stored. */
  public boolean succeeded() {
    return stored != null;
  }

  /** Returns the stored object, if the file was stored. */
  public Optional<StoredObject> stored() {
    return Optional.ofNullable(stored);
  }

  /** Returns why the file was not stored, if it failed. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FileOutcome that && file.equals(that.file) && key.equals(that.key)
        && Objects.equals(stored, that.stored) && Objects.equals(failure, that.failure);
  }

  @Override
  public int hashCode() {
    return Objects.hash(file, key, stored, failure);
  }

  @Override
  public String toString() {
    return succeeded() ? "stored " + file + " as '" + key + "'"
        : "failed " + file + " as '" + key + "': " + failure;
  }
}
