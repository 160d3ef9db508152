package dev.stockroom.internal.batch;

import dev.stockroom.internal.EncodedKeys;
import dev.stockroom.validation.Require;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A job manifest being written: one {@code bucket,key} line per object in S3 Batch Operations'
 * CSV format, keys URL-encoded as S3 requires. Written to a temporary file first, so a manifest
 * of a billion keys costs disk, not heap; the file is deleted on close.
 */
public final class ManifestWriter implements AutoCloseable {

  private final String bucket;
  private final Path file;
  private final BufferedWriter out;
  private long objects;
  private long bytes;

  ManifestWriter(String bucket) {
    this.bucket = bucket;
    try {
      this.file = Files.createTempFile("stockroom-batch-manifest-", ".csv");
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a Batch Operations manifest", e);
    }
  }

  /** Adds one object. */
  public void add(String key, long size) {
    try {
      out.write(bucket);
      out.write(',');
      out.write(EncodedKeys.encode(key));
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(
          Require.format("cannot write Batch Operations manifest '%s'", file), e);
    }
    objects++;
    bytes += size;
  }

  /** Returns how many objects were added. */
  public long objects() {
    return objects;
  }

  /** Returns the bytes of the objects added. */
  public long bytes() {
    return bytes;
  }

  /** Flushes and returns the file, complete. */
  Path finish() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(
          Require.format("cannot write Batch Operations manifest '%s'", file), e);
    }
    return file;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // the file is deleted next
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file left behind is harmless and named as one
    }
  }
}
