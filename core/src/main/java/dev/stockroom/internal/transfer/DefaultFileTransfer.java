package dev.stockroom.internal.transfer;

import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.validation.Printable;
import dev.stockroom.validation.Require;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import software.amazon.awssdk.transfer.s3.model.FileUpload;
import software.amazon.awssdk.transfer.s3.model.ResumableFileUpload;

/** A pausable file upload: knows the Transfer Manager's upload once the policy checks pass. */
final class DefaultFileTransfer implements FileTransfer {

  private final String key;
  private final Function<ResumableFileUpload, ResumeToken> tokens;
  private final CompletableFuture<FileUpload> started = new CompletableFuture<>();
  private volatile RunningUpload running;
  private volatile CompletableFuture<StoredObject> completion;

  /**
   * @param tokens signs a token for the upload as the Transfer Manager paused it
   */
  DefaultFileTransfer(String key, Function<ResumableFileUpload, ResumeToken> tokens) {
    this.key = key;
    this.tokens = tokens;
  }

  /** Called by the pipeline once the upload is admitted. */
  void running(RunningUpload upload) {
    this.running = upload;
  }

  /** Called by the pipeline once the Transfer Manager has the upload. */
  void started(FileUpload upload) {
    started.complete(upload);
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
    } catch (CompletionException | CancellationException e) {
      throw new IllegalStateException(Require.format("the upload of '%s' has already ended", key),
          e.getCause());
    }
    Require.state(running != null && running.markPaused(), "the upload of '%s' has already ended",
        key);
    ResumableFileUpload paused = upload.pause();
    if (paused.multipartUploadId().isEmpty()) {
      // a single PUT goes on after the Transfer Manager's pause: stop it, a resume sends it whole
      upload.completionFuture().cancel(true);
    }
    ResumeToken token = tokens.apply(paused);
    // the Transfer Manager does not always end a paused upload's future: end ours here
    completion.completeExceptionally(new CancellationException(
        "the upload of '" + Printable.of(key) + "' was paused"));
    return token;
  }

  @Override
  public String toString() {
    return "FileTransfer{key='" + Printable.of(key) + "', paused="
        + (running != null && running.paused()) + '}';
  }
}
