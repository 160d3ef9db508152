package dev.stockroom.internal.protection;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.EncodedKeys;
import dev.stockroom.protection.ObjectVersion;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The versions a restore wrote, kept in a temporary file (memory stays flat), so that clean-up
 * deletes exactly those versions: in a versioned bucket, deleting by key alone would leave the
 * restored bytes behind as a noncurrent version.
 */
final class RestoredVersions implements AutoCloseable {

  private final Path file;
  private final BufferedWriter out;

  RestoredVersions() {
    try {
      this.file = Files.createTempFile("stockroom-restore-", ".versions");
      this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the versions a restore writes", e);
    }
  }

  void add(String key, String versionId) {
    try {
      // no version id: an unversioned bucket, where deleting the key deletes the object
      out.write(EncodedKeys.encode(key) + " " + (versionId == null ? "-" : versionId) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot keep the versions a restore writes", e);
    }
  }

  /**
   * Deletes every version written, 1,000 a request; returns how many S3 confirmed.
   *
   * @throws StorageException if a request fails
   */
  long deleteAll(S3AsyncClient s3, String bucket) {
    long deleted = 0;
    try {
      out.flush();
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        List<ObjectVersion> batch = new ArrayList<>();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          int space = line.indexOf(' ');
          batch.add(new ObjectVersion(bucket, EncodedKeys.decode(line.substring(0, space))
              .orElseThrow(), line.substring(space + 1), false, 0, Instant.EPOCH));
          // "-" stands for no version id; VersionDeleter sends none for it
          if (batch.size() == VersionDeleter.BATCH) {
            deleted += VersionDeleter.delete(s3, bucket, batch).deleted().size();
            batch.clear();
          }
        }
        if (!batch.isEmpty()) {
          deleted += VersionDeleter.delete(s3, bucket, batch).deleted().size();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the versions a restore wrote", e);
    }
    return deleted;
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException ignored) {
      // the file is deleted next
    }
    ManifestFile.delete(file);
  }
}
