package dev.stockroom.transfer;

import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** The objects of one kind: single uploads by name, and whole directories. */
public interface KindObjects {

  /** Returns the kind. */
  DataKind kind();

  /** Returns the kind's policy. */
  StoragePolicy policy();

  /**
   * Returns the object {@code name} under the kind's prefix: {@code object("sku-1/front.jpg")} of
   * product images is {@code media/product-images/sku-1/front.jpg}.
   *
   * @throws IllegalArgumentException if the name is empty, starts with '/', holds '.' or '..'
   *     segments or control characters, or makes a key over 1,024 UTF-8 bytes
   */
  UploadTarget object(String name);

  /** Returns a view whose objects and directory uploads use content-addressed keys. */
  KindObjects contentAddressed();

  /**
   * Uploads every regular file under {@code directory} (recursively, symbolic links not
   * followed), each to the kind's prefix plus its relative path, and reports every file's outcome.
   * Files that fail do not stop the others, and files stored stay stored.
   *
   * @throws IllegalArgumentException if {@code directory} is not a directory
   * @throws dev.stockroom.exception.PolicyViolationException if the kind needs a KMS key and none is set
   * @throws dev.stockroom.exception.KmsKeyException if the KMS key cannot be used
   * @throws IllegalStateException if Stockroom is closed
   */
  BatchResult uploadDirectory(Path directory, UploadProgressListener listener);

  /** As {@link #uploadDirectory(Path, UploadProgressListener)} with no listener. */
  BatchResult uploadDirectory(Path directory);

  /** As {@link #uploadDirectory(Path, UploadProgressListener)}, with failures in the future. */
  CompletableFuture<BatchResult> uploadDirectoryAsync(Path directory,
      UploadProgressListener listener);

  /**
   * Imports a very large set of files in flat memory: the source is walked as the import goes, at
   * most {@code maxConcurrentFiles} are in flight (fewer while S3 answers SlowDown), and outcomes
   * go to the listener and the journal, not into a list. A re-run with the same journal skips what
   * is already stored and unchanged.
   *
   * @throws IllegalArgumentException if the source directory is missing or unreadable, or the
   *     journal does not parse or was written for another bucket, kind or source (nothing is sent)
   * @throws dev.stockroom.exception.PolicyViolationException if the kind needs a KMS key and none
   *     is set
   * @throws dev.stockroom.exception.KmsKeyException if the KMS key cannot be used
   * @throws IllegalStateException if Stockroom is closed
   */
  ImportResult importFiles(ImportRequest request);

  /** As {@link #importFiles(ImportRequest)}: {@code importFiles(ImportSource.directory(dir), r -> r.journal(j))}. */
  ImportResult importFiles(ImportSource source, Consumer<ImportRequest.Builder> request);

  /** As {@link #importFiles(ImportRequest)}, with failures in the future. */
  CompletableFuture<ImportResult> importFilesAsync(ImportRequest request);
}
