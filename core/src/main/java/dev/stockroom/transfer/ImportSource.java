package dev.stockroom.transfer;

import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where an import's files come from: a directory tree, walked as the import goes (never listed
 * whole), or a caller's own sequence of files and names. Each has an identity, so that a journal
 * written for one source is never used for another.
 */
public final class ImportSource {

  private final Path directory;
  private final String id;
  private final Iterator<ImportItem> items;
  private final Stream<ImportItem> stream;

  private ImportSource(Path directory, String id, Iterator<ImportItem> items,
      Stream<ImportItem> stream) {
    this.directory = directory;
    this.id = id;
    this.items = items;
    this.stream = stream;
  }

  /**
   * Returns every regular file under {@code directory}, each named by its path relative to it;
   * symbolic links are never followed and are reported as skipped.
   */
  public static ImportSource directory(Path directory) {
    return new ImportSource(Require.nonNull(directory, "directory"), null, null, null);
  }

  /**
   * Returns the files {@code items} yields, read one at a time as the import goes; {@code id}
   * names the sequence in the journal (e.g. "catalog-export-2026-11-22").
   *
   * @throws IllegalArgumentException if the id is blank or holds control characters
   */
  public static ImportSource of(String id, Iterator<ImportItem> items) {
    return new ImportSource(null, checkId(id), Require.nonNull(items, "items"), null);
  }

  /** As {@link #of(String, Iterator)}, for a stream; the import closes it when done. */
  public static ImportSource of(String id, Stream<ImportItem> items) {
    Stream<ImportItem> stream = Require.nonNull(items, "items");
    return new ImportSource(null, checkId(id), stream.iterator(), stream);
  }

  private static String checkId(String id) {
    Require.nonNull(id, "id");
    Require.argument(!id.isBlank() && id.length() <= 1024
        && id.chars().noneMatch(c -> c < 0x20 || c == 0x7f), "id must be 1 to 1,024 printable "
        + "characters, but was '%s'", id);
    return id;
  }

  /** Returns the directory, for a directory source. */
  public Optional<Path> directory() {
    return Optional.ofNullable(directory);
  }

  /** Returns the caller's id, for a caller's sequence. */
  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  /** Returns the caller's items, for a caller's sequence. */
  public Optional<Iterator<ImportItem>> items() {
    return Optional.ofNullable(items);
  }

  /** Closes the caller's stream, if the source is one. */
  public void close() {
    if (stream != null) {
      stream.close();
    }
  }

  @Override
  public String toString() {
    return directory != null ? Require.format("directory '%s'", directory)
        : Require.format("'%s'", id);
  }
}
