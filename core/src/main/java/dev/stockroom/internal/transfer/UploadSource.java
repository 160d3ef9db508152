package dev.stockroom.internal.transfer;

import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where an upload's bytes come from: a file, an array, or a stream of known or unknown length. */
sealed interface UploadSource {

  /** Returns the size in bytes, or -1 when unknown until read. */
  long size();

  /** A regular file, its size read when the upload was asked for. */
  record FileSource(Path file, long size) implements UploadSource {}

  /** Bytes in memory. */
  record BytesSource(byte[] bytes) implements UploadSource {
    @Override
    public long size() {
      return bytes.length;
    }
  }

  /** A stream; {@code length} is null when unknown. */
  record StreamSource(InputStream stream, Long length) implements UploadSource {
    @Override
    public long size() {
      return length == null ? -1 : length;
    }
  }

  /**
   * Returns a source for {@code file}.
   *
   * @throws IllegalArgumentException if the file does not exist or is not a regular file
   */
  static FileSource file(Path file) {
    Require.nonNull(file, "file");
    Require.argument(Files.exists(file),
        "file does not exist: '%s'", file);
    Require.argument(!Files.isDirectory(file), "file must be a regular file, but '%s' is a "
        + "directory", file);
    Require.argument(Files.isRegularFile(file), "file must be a regular file, but was '%s'", file);
    Require.argument(Files.isReadable(file), "file is not readable: '%s'", file);
    try {
      return new FileSource(file, Files.size(file));
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot read the size of '%s'", file), e);
    }
  }

  static BytesSource bytes(byte[] bytes) {
    return new BytesSource(Require.nonNull(bytes, "bytes"));
  }

  /**
   * Returns a source for a stream.
   *
   * @throws IllegalArgumentException if {@code length} is negative
   */
  static StreamSource stream(InputStream stream, long length) {
    Require.nonNull(stream, "stream");
    Require.argument(length >= 0, "length must not be negative, but was %s", length);
    return new StreamSource(stream, length);
  }

  static StreamSource stream(InputStream stream) {
    return new StreamSource(Require.nonNull(stream, "stream"), null);
  }
}
