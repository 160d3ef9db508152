package dev.stockroom.internal.transfer;

import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.FileOutcome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.FileVisitor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * The files of a directory tree, found without following a single symbolic link: regular
 * readable files to upload, and everything else reported as skipped with its reason (a link to a
 * file or directory, a FIFO, socket or device, an unreadable file or directory). A file is
 * checked again just before its upload, so one replaced by a link after the walk is not followed
 * either.
 *
 * @param root the directory's real path
 * @param files the files to upload, in path order
 * @param skipped what was found and not uploaded
 */
record DirectoryWalk(Path root, List<Entry> files, List<FileOutcome> skipped) {

  /** A regular file found, with the name it gets under the kind's prefix. */
  record Entry(Path file, String name, long size) {}

  static final String LINK = "symbolic link (not followed)";
  static final String SPECIAL = "not a regular file (a FIFO, socket or device)";

  /**
   * Walks {@code directory} (a link given as the directory itself is followed once: the caller
   * chose it).
   *
   * @throws UncheckedIOException if the directory itself cannot be read
   */
  static DirectoryWalk of(Path directory, StoragePolicy policy) {
    Path root;
    try {
      root = directory.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read directory '" + directory + "'", e);
    }
    List<Entry> files = new ArrayList<>();
    List<FileOutcome> skipped = new ArrayList<>();
    try {
      Files.walkFileTree(root, new FileVisitor<>() {
        @Override
        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
          if (!dir.equals(root) && !Files.isReadable(dir)) {
            skip(dir, "directory not readable");
            return FileVisitResult.SKIP_SUBTREE;
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
          if (attrs.isSymbolicLink()) {
            skip(file, LINK);
          } else if (!attrs.isRegularFile()) {
            skip(file, SPECIAL);
          } else if (!Files.isReadable(file)) {
            skip(file, "not readable");
          } else {
            files.add(new Entry(directory.resolve(root.relativize(file)),
                name(root.relativize(file)), attrs.size()));
          }
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult visitFileFailed(Path file, IOException failure) {
          skip(file, "cannot be read: " + failure.getClass().getSimpleName());
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path dir, IOException failure) {
          if (failure != null) {
            skip(dir, "listing failed: " + failure.getClass().getSimpleName());
          }
          return FileVisitResult.CONTINUE;
        }

        private void skip(Path found, String reason) {
          Path relative = root.relativize(found);
          skipped.add(DefaultFileOutcome.skipped(directory.resolve(relative),
              policy.prefix() + name(relative), reason));
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list directory '" + directory + "'", e);
    }
    files.sort(Comparator.comparing(Entry::file));
    return new DirectoryWalk(root, List.copyOf(files), List.copyOf(skipped));
  }

  /**
   * Returns why {@code entry} must not be uploaded after all (it became a link or a special
   * file, vanished, or now resolves outside the root because a parent was replaced by a link), or
   * null when it is still the regular file the walk found.
   */
  String changedSinceWalk(Entry entry) {
    BasicFileAttributes now = DirectoryUploader.attributes(entry.file());
    if (now == null) {
      return "vanished after it was found";
    }
    if (now.isSymbolicLink()) {
      return "became a " + LINK + " after it was found";
    }
    if (!now.isRegularFile()) {
      return "became " + SPECIAL + " after it was found";
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

  /** Joins the relative path's segments with '/', whatever the platform's separator. */
  static String name(Path relative) {
    return StreamSupport.stream(relative.spliterator(), false).map(Path::toString)
        .collect(Collectors.joining("/"));
  }
}
