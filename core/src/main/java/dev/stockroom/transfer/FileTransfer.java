package dev.stockroom.transfer;

import java.util.concurrent.CompletableFuture;

/**
 * A file upload in flight that can be paused and resumed later, even by another Stockroom
 * instance in another process ({@link ResumeToken}).
 */
public interface FileTransfer {

  /** Returns the object's full key. */
  String key();

  /**
   * Returns the upload's outcome. It completes exceptionally with a
   * {@link java.util.concurrent.CancellationException} when the upload is paused, and with the
   * same exceptions as {@link UploadTarget#upload(java.nio.file.Path)} when it fails.
   */
  CompletableFuture<StoredObject> completion();

  /**
   * Pauses the upload, keeping the parts already sent, and returns what is needed to resume it.
   * Waits for the upload to have started (the policy checks done).
   *
   * @throws IllegalStateException if the upload has already completed or failed
   */
  ResumeToken pause();
}
