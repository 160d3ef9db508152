package dev.stockroom.transfer;

/**
 * Hears how a directory upload progresses. Called from transfer threads, possibly concurrently and
 * often: keep it quick and thread-safe. An exception it throws is logged and ignored.
 */
public interface UploadProgressListener {

  /** A listener that ignores everything. */
  UploadProgressListener NONE = new UploadProgressListener() {};

  /** Bytes were sent. */
  default void bytesTransferred(BatchProgress progress) {}

  /** A file finished, stored or failed. */
  default void fileFinished(FileOutcome outcome, BatchProgress progress) {}
}
