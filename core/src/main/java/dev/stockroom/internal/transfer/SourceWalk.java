package dev.stockroom.internal.transfer;

import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.ImportItem;
import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The files of an import, found one at a time as the import asks for them: a directory tree is
 * walked depth first with one open listing per level (never listed whole, so memory does not grow
 * with the number of files), a caller's items are taken as they come. Not a single symbolic link
 * is followed; links, special files and unreadable files come out as skipped outcomes with their
 * reason. A file is checked again just before its upload ({@link #changedSinceFound}).
 */
abstract class SourceWalk implements Iterator<SourceWalk.Found>, AutoCloseable {

  static final String LINK = "symbolic link (not followed)";
  static final String SPECIAL = "not a regular file (a FIFO, socket or device)";

  /** What the walk found: a file to upload, or one skipped. */
  sealed interface Found permits Entry, Skip {}

  /** A regular file found, with the name it gets under the kind's prefix. */
  record Entry(Path file, String name, long size, long modifiedMillis) implements Found {}

  /** Something found and not uploaded, with why. */
  record Skip(FileOutcome outcome) implements Found {}

  protected final StoragePolicy policy;
  private Found next;

  SourceWalk(StoragePolicy policy) {
    this.policy = policy;
  }

  /**
   * Returns a walk of {@code directory} (a link given as the directory itself is followed once:
   * the caller chose it).
   *
   * @throws IllegalArgumentException if it is not an existing, readable directory
   */
  static SourceWalk directory(Path directory, StoragePolicy policy) {
    Require.argument(Files.isDirectory(directory), "directory must be an existing directory, "
        + "but was '%s'", directory);
    Require.argument(Files.isReadable(directory), "directory must be readable, but was '%s'",
        directory);
    try {
      return new TreeWalk(directory, directory.toRealPath(), policy);
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot read directory '%s'", directory), e);
    }
  }

  /** Returns a walk of the caller's items, known as {@code id}; links among them are skipped too. */
  static SourceWalk items(String id, Iterator<ImportItem> items, StoragePolicy policy) {
    return new ItemWalk(id, items, policy);
  }

  /** Returns what the source is, for a journal: the directory's real path, or the caller's id. */
  abstract String identity();

  /** Returns the next thing found, or null when there is nothing more. */
  protected abstract Found advance();

  /**
   * Returns why {@code entry} must not be uploaded after all (it became a link or a special
   * file, vanished, or now lies outside the tree), or null when it is still the file found.
   */
  abstract String changedSinceFound(Entry entry);

  @Override
  public final boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public final Found next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Found found = next;
    next = null;
    return found;
  }

  @Override
  public void close() {}

  /** Returns what {@code file}'s own attributes make of it. */
  protected Found classify(Path file, String name, BasicFileAttributes attrs) {
    if (attrs.isSymbolicLink()) {
      return skip(file, name, LINK);
    }
    if (!attrs.isRegularFile()) {
      return skip(file, name, SPECIAL);
    }
    if (!Files.isReadable(file)) {
      return skip(file, name, "not readable");
    }
    return new Entry(file, name, attrs.size(), attrs.lastModifiedTime().toMillis());
  }

  protected Skip skip(Path file, String name, String reason) {
    return new Skip(DefaultFileOutcome.skipped(file, policy.prefix() + name, reason));
  }

  /** Returns the attributes of {@code file} itself (a link is not followed), or null if gone. */
  static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }

  /** Returns why the file found is no longer the regular file it was, or null. */
  static String changedFile(Entry entry) {
    BasicFileAttributes now = attributes(entry.file());
    if (now == null) {
      return "vanished after it was found";
    }
    if (now.isSymbolicLink()) {
      return "became a " + LINK + " after it was found";
    }
    if (!now.isRegularFile()) {
      return "became " + SPECIAL + " after it was found";
    }
    return null;
  }

  /** A directory tree, depth first, one open listing per level. */
  private static final class TreeWalk extends SourceWalk {
    private final Path shown;
    private final Path root;
    private final Deque<Level> levels = new ArrayDeque<>();

    private record Level(Path dir, DirectoryStream<Path> listing, Iterator<Path> entries) {}

    TreeWalk(Path shown, Path root, StoragePolicy policy) {
      super(policy);
      this.shown = shown;
      this.root = root;
      open(root);
    }

    @Override
    String identity() {
      return "directory " + root;
    }

    @Override
    protected Found advance() {
      while (!levels.isEmpty()) {
        Level level = levels.peek();
        Path path;
        try {
          if (!level.entries().hasNext()) {
            closeTop();
            continue;
          }
          path = level.entries().next();
        } catch (DirectoryIteratorException failure) {
          closeTop();
          Path relative = root.relativize(level.dir());
          return skip(shown.resolve(relative), name(relative), "listing failed: "
              + failure.getCause().getClass().getSimpleName());
        }
        Found found = visit(path);
        if (found != null) {
          return found;
        }
      }
      return null;
    }

    private Found visit(Path path) {
      Path relative = root.relativize(path);
      String name = name(relative);
      Path file = shown.resolve(relative);
      BasicFileAttributes attrs = attributes(path);
      if (attrs == null) {
        return skip(file, name, "vanished while the directory was read");
      }
      if (attrs.isDirectory()) {
        if (!Files.isReadable(path)) {
          return skip(file, name, "directory not readable");
        }
        return open(path) ? null : skip(file, name, "directory could not be listed");
      }
      return classify(file, name, attrs);
    }

    private boolean open(Path dir) {
      try {
        DirectoryStream<Path> listing = Files.newDirectoryStream(dir);
        levels.push(new Level(dir, listing, listing.iterator()));
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    private void closeTop() {
      try {
        levels.pop().listing().close();
      } catch (IOException ignored) {
        // a listing that fails to close has nothing more to give
      }
    }

    @Override
    String changedSinceFound(Entry entry) {
      String changed = changedFile(entry);
      if (changed != null) {
        return changed;
      }
      try {
        if (!entry.file().toRealPath().startsWith(root)) {
          return "resolves outside the directory (a parent was replaced by a link)";
        }
      } catch (IOException e) {
        return "vanished after it was found";
      }
      return null;
    }

    @Override
    public void close() {
      while (!levels.isEmpty()) {
        closeTop();
      }
    }
  }

  /** A caller's items, taken one at a time. */
  private static final class ItemWalk extends SourceWalk {
    private final String id;
    private final Iterator<ImportItem> items;

    ItemWalk(String id, Iterator<ImportItem> items, StoragePolicy policy) {
      super(policy);
      this.id = id;
      this.items = items;
    }

    @Override
    String identity() {
      return "items " + id;
    }

    @Override
    protected Found advance() {
      if (!items.hasNext()) {
        return null;
      }
      ImportItem item = Require.nonNull(items.next(), "import item");
      BasicFileAttributes attrs = attributes(item.file());
      if (attrs == null) {
        return skip(item.file(), item.name(), "does not exist or cannot be read");
      }
      return classify(item.file(), item.name(), attrs);
    }

    @Override
    String changedSinceFound(Entry entry) {
      return changedFile(entry);
    }
  }

  /** Joins the relative path's segments with '/', whatever the platform's separator. */
  static String name(Path relative) {
    return StreamSupport.stream(relative.spliterator(), false).map(Path::toString)
        .collect(Collectors.joining("/"));
  }
}
