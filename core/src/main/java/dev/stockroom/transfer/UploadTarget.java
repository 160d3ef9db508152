package dev.stockroom.transfer;

import dev.stockroom.policy.DataKind;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One object of one kind, ready to be uploaded with its kind's storage class, encryption and
 * Cache-Control (and a {@code stockroom-kind} tag when {@link UploadHeaders#kindTag()} is on). Immutable: the {@code with…} methods return a new
 * target. Every upload checks its arguments first and writes nothing when they are wrong.
 *
 * <p>Sync methods throw; {@code …Async} methods put every failure, argument errors included, into
 * the returned future.
 */
public interface UploadTarget {

  /** Returns the kind the object is stored as. */
  DataKind kind();

  /**
   * Returns the object's full key (prefix included). For a content-addressed target the key
   * gains the hash of the bytes when uploaded; see {@link StoredObject#key()}.
   */
  String key();

  /**
   * Returns a target that also stores user metadata {@code name: value} ({@code x-amz-meta-name}).
   *
   * @throws IllegalArgumentException if the name is not a lowercase token or the value holds
   *     characters outside printable ASCII
   */
  UploadTarget withMetadata(String name, String value);

  /** Returns a target that also stores every entry of {@code metadata}, as {@link #withMetadata}. */
  UploadTarget withMetadata(Map<String, String> metadata);

  /**
   * Returns a target whose Content-Type is {@code contentType} instead of the one guessed from the
   * file name.
   *
   * @throws IllegalArgumentException if it is not of the form {@code type/subtype}
   */
  UploadTarget withContentType(String contentType);

  /**
   * Returns a target whose key carries the first 16 hex digits of the SHA-256 of the bytes before
   * the extension ({@code sku-1/front.jpg} → {@code sku-1/front.9f86d081884c7d65.jpg}), so that a
   * replaced image gets a new URL and a year-long immutable Cache-Control stays safe. Needs the
   * bytes up front: available for files and byte arrays, refused for streams.
   */
  UploadTarget contentAddressed();

  /**
   * Uploads a file; the Content-Type comes from its name unless set.
   *
   * @throws IllegalArgumentException if the file does not exist or is not a regular file
   * @throws dev.stockroom.exception.PolicyViolationException if the kind needs a KMS key and none is set
   * @throws dev.stockroom.exception.KmsKeyException if the KMS key cannot be used
   * @throws dev.stockroom.exception.TransferFailedException if the upload fails (a multipart upload is aborted)
   * @throws IllegalStateException if Stockroom is closed
   */
  StoredObject upload(Path file);

  /** Uploads bytes; throws as {@link #upload(Path)}. */
  StoredObject upload(byte[] bytes, String contentType);

  /**
   * Uploads exactly {@code length} bytes read from {@code stream}, streamed (never buffered whole).
   * The stream is read to the end but not closed.
   *
   * @throws IllegalArgumentException if {@code length} is negative; otherwise as {@link #upload(Path)}
   */
  StoredObject upload(InputStream stream, long length, String contentType);

  /**
   * Uploads a stream of unknown length, in parts as it is read. The stream is read to its end but
   * not closed. Throws as {@link #upload(Path)}.
   */
  StoredObject upload(InputStream stream, String contentType);

  /**
   * Starts uploading a file and returns at once with a transfer that can be paused and resumed
   * (see {@link FileTransfer}); otherwise as {@link #uploadAsync(Path)}.
   *
   * @throws IllegalArgumentException if the file does not exist or is not a regular file
   * @throws IllegalStateException if Stockroom is closed
   */
  FileTransfer startUpload(Path file);

  /** As {@link #upload(Path)}, with failures in the future. */
  CompletableFuture<StoredObject> uploadAsync(Path file);

  /** As {@link #upload(byte[], String)}, with failures in the future. */
  CompletableFuture<StoredObject> uploadAsync(byte[] bytes, String contentType);

  /**
   * As {@link #upload(InputStream, long, String)}, with failures in the future; the stream is read
   * on a Stockroom thread.
   */
  CompletableFuture<StoredObject> uploadAsync(InputStream stream, long length, String contentType);

  /** As {@link #upload(InputStream, String)}, with failures in the future. */
  CompletableFuture<StoredObject> uploadAsync(InputStream stream, String contentType);
}
