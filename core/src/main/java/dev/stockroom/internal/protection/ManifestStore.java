package dev.stockroom.internal.protection;

import dev.stockroom.exception.BackupException;
import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.S3Answers;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.protection.Backup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The manifests in the backup buckets: listing a tier's backups, reading one back (downloaded to
 * a temporary file, its signature checked before a line is parsed), and storing one, encrypted
 * with the tier's KMS key (a manifest names keys, which may be personal data).
 */
final class ManifestStore {

  private final BackupLayout layout;
  private final String source;
  private final PolicyCatalog policies;
  private final byte[] signingKey;

  ManifestStore(BackupLayout layout, String source, PolicyCatalog policies, byte[] signingKey) {
    this.layout = layout;
    this.source = source;
    this.policies = policies;
    this.signingKey = signingKey;
  }

  byte[] signingKey() {
    return signingKey;
  }

  /** Returns the tier's backups with a manifest, newest first. */
  List<Backup> list(TierPlace place) {
    String prefix = layout.manifestPrefix(place.tier());
    List<Backup> backups = new ArrayList<>();
    String token = null;
    do {
      String from = token;
      ListObjectsV2Response page;
      try {
        page = Futures.join(place.s3().listObjectsV2(b -> b.bucket(place.bucket()).prefix(prefix)
            .delimiter("/").continuationToken(from)));
      } catch (RuntimeException e) {
        throw new StorageException("ListObjectsV2", place.bucket(), prefix, Futures.unwrap(e));
      }
      for (S3Object object : page.contents()) {
        String name = object.key().substring(prefix.length());
        if (name.endsWith(BackupLayout.EXTENSION)) {
          String id = name.substring(0, name.length() - BackupLayout.EXTENSION.length());
          try {
            backups.add(new Backup(id, place.tier(), place.bucket(), object.key(),
                BackupLayout.takenAt(id)));
          } catch (RuntimeException notOurs) {
            // a file Stockroom did not name: never a backup
          }
        }
      }
      token = Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null;
    } while (token != null);
    backups.sort(Comparator.comparing(Backup::id).reversed());
    return backups;
  }

  /**
   * Returns the manifest of {@code backup}, checked, as rows to iterate; close it to delete its
   * temporary file.
   *
   * @throws BackupException if the manifest is not there (expired, or never written)
   * @throws IllegalArgumentException if it is altered, or not this backup's
   */
  Opened open(TierPlace place, Backup backup) {
    return open(place, layout.manifestKey(place.tier(), backup.id()), backup.id());
  }

  /** As {@link #open(TierPlace, Backup)}, for the manifest at {@code key}. */
  Opened open(TierPlace place, String key, String backupId) {
    String where = "s3://" + place.bucket() + "/" + key;
    Path file = download(place, key, backupId);
    try {
      ManifestFile.verify(file, signingKey, where);
      ManifestFile.Reader reader = new ManifestFile.Reader(file, new ManifestFile.Expected(
          backupId, place.tier(), source, place.bucket(), layout.copyPrefix(place.tier())),
          policies, where);
      return new Opened(file, reader);
    } catch (RuntimeException e) {
      delete(file);
      throw e;
    }
  }

  private Path download(TierPlace place, String key, String backupId) {
    Path file;
    try {
      file = Files.createTempFile("stockroom-backup-", ".manifest");
      Files.delete(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a temporary file for a backup manifest", e);
    }
    try {
      Futures.join(place.s3().getObject(b -> b.bucket(place.bucket()).key(key),
          AsyncResponseTransformer.toFile(file)));
      return file;
    } catch (RuntimeException e) {
      delete(file);
      if (S3Answers.notFound(e)) {
        throw new BackupException("backup " + backupId + " has no manifest at s3://"
            + place.bucket() + "/" + key + ": it expired with its tier's retention, or was "
            + "never written", place.bucket(), backupId, Futures.unwrap(e));
      }
      throw new StorageException("GetObject", place.bucket(), key, Futures.unwrap(e));
    }
  }

  /** Stores the signed manifest {@code file} at {@code key}, SSE-KMS with the tier's key. */
  void put(TierPlace place, String key, Path file) {
    try {
      Futures.join(place.s3().putObject(b -> b.bucket(place.bucket()).key(key)
          .contentType("text/csv; charset=utf-8").serverSideEncryption(ServerSideEncryption.AWS_KMS)
          .ssekmsKeyId(place.kmsKeyId()).bucketKeyEnabled(true), AsyncRequestBody.fromFile(file)));
    } catch (RuntimeException e) {
      throw new StorageException("PutObject", place.bucket(), key, Futures.unwrap(e));
    }
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file left behind is named as one
    }
  }

  /** A manifest read back: its header and rows; closing deletes its temporary file. */
  static final class Opened implements Iterator<ManifestRow>, AutoCloseable {

    private final Path file;
    private final ManifestFile.Reader reader;

    private Opened(Path file, ManifestFile.Reader reader) {
      this.file = file;
      this.reader = reader;
    }

    ManifestHeader header() {
      return reader.header();
    }

    @Override
    public boolean hasNext() {
      return reader.hasNext();
    }

    @Override
    public ManifestRow next() {
      return reader.next();
    }

    @Override
    public void close() {
      reader.close();
      delete(file);
    }
  }

  /** Returns the latest of the tier's backups, if any. */
  Optional<Backup> latest(TierPlace place) {
    return list(place).stream().findFirst();
  }
}
