package dev.stockroom.internal.transfer;

import dev.stockroom.internal.Require;
import dev.stockroom.policy.DataKind;
import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.StoredObject;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.transfer.s3.model.FileUpload;

/** A pausable file upload: knows the Transfer Manager's upload once the policy checks pass. */
final class DefaultFileTransfer implements FileTransfer {

  private final String key;
  private final DataKind kind;
  private final CompletableFuture<FileUpload> started = new CompletableFuture<>();
  private volatile boolean paused;
  private volatile CompletableFuture<StoredObject> completion;

  DefaultFileTransfer(String key, DataKind kind) {
    this.key = key;
    this.kind = kind;
  }

  /** Called by the uploader once the Transfer Manager has the upload. */
  void started(FileUpload upload) {
    started.complete(upload);
  }

  /** Returns whether the upload was paused (so its failure is no failure). */
  boolean paused() {
    return paused;
  }

  /** Ties the transfer to its outcome; an outcome before the start releases {@link #pause()}. */
  DefaultFileTransfer attach(CompletableFuture<StoredObject> outcome) {
    this.completion = outcome;
    outcome.whenComplete((stored, failure) -> started.completeExceptionally(failure != null
        ? failure : new IllegalStateException("the upload of '" + key + "' has completed")));
    return this;
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public CompletableFuture<StoredObject> completion() {
    return completion;
  }

  @Override
  public ResumeToken pause() {
    FileUpload upload;
    try {
      upload = started.join();
    } catch (CompletionException e) {
      throw new IllegalStateException("the upload of '" + key + "' has already ended",
          e.getCause());
    }
    Require.state(!completion.isDone(), "the upload of '%s' has already ended", key);
    paused = true;
    ResumeToken token = ResumeToken.of(kind, upload.pause());
    // the Transfer Manager does not always end a paused upload's future: end ours here
    completion.completeExceptionally(new CancellationException(
        "the upload of '" + key + "' was paused"));
    return token;
  }

  @Override
  public String toString() {
    return "FileTransfer{key='" + key + "', paused=" + paused + '}';
  }
}
