package dev.stockroom.internal.transfer;

import dev.stockroom.internal.Futures;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.BlockingInputStreamAsyncRequestBody;
import software.amazon.awssdk.core.async.BufferedSplittableAsyncRequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedUpload;
import software.amazon.awssdk.transfer.s3.model.FileUpload;
import software.amazon.awssdk.transfer.s3.model.ResumableFileUpload;
import software.amazon.awssdk.transfer.s3.model.Upload;
import software.amazon.awssdk.transfer.s3.model.UploadFileRequest;
import software.amazon.awssdk.transfer.s3.progress.TransferListener;

/**
 * Sends one PUT's bytes through the Transfer Manager: a file (resumable), bytes in memory, or a
 * caller's stream, written on a Stockroom thread that starts the transfer only when it can feed
 * it (so a queued stream upload holds no connection).
 */
public final class Sender {

  /** How long a failed stream write waits for the server's own answer. */
  private static final Duration ANSWER_WAIT = Duration.ofSeconds(5);

  /** What S3 answered, and how many bytes were sent. */
  record Sent(PutObjectResponse response, long size) {}

  private final S3TransferManager transferManager;
  private final Executor io;
  private final long wholeStreamLimit;

  /**
   * @param wholeStreamLimit the longest stream of known length read into memory and sent whole
   *     (the multipart threshold)
   */
  public Sender(S3TransferManager transferManager, Executor io, long wholeStreamLimit) {
    this.transferManager = transferManager;
    this.io = io;
    this.wholeStreamLimit = wholeStreamLimit;
  }

  CompletableFuture<Sent> send(PutObjectRequest put, UploadRequest request,
      RunningUpload upload) {
    UploadSource source = request.source();
    if (source instanceof UploadSource.FileSource file) {
      return sendFile(put, file, request, upload);
    }
    if (source instanceof UploadSource.BytesSource bytes) {
      return sendBytes(put, bytes.bytes(), upload);
    }
    return sendStream(put, (UploadSource.StreamSource) source, upload);
  }

  private CompletableFuture<Sent> sendFile(PutObjectRequest put, UploadSource.FileSource file,
      UploadRequest request, RunningUpload running) {
    UploadFileRequest uploadFile = UploadFileRequest.builder().putObjectRequest(put)
        .source(file.file()).addTransferListener(progress(request.bytesSent())).build();
    UploadRequest.ResumePoint resume = request.resume();
    FileUpload upload = resume == null ? transferManager.uploadFile(uploadFile)
        : transferManager.resumeUploadFile(ResumableFileUpload.builder()
            .uploadFileRequest(uploadFile)
            .fileLength(file.size())
            .fileLastModified(resume.fileModified())
            .multipartUploadId(resume.uploadId())
            .partSizeInBytes(resume.partSize())
            .totalParts(resume.totalParts())
            .transferredParts(resume.transferredParts())
            .build());
    if (request.pausable() != null) {
      request.pausable().started(upload);
    }
    running.onStop(() -> upload.completionFuture().cancel(true));
    return upload.completionFuture().thenApply(done -> new Sent(done.response(), file.size()));
  }

  /**
   * Sends a caller's stream so that every request can be sent again when S3 answers with a
   * retryable error: a stream of known length up to the multipart threshold is read (bounded)
   * into memory and sent as bytes; a longer or unknown-length one goes in parts, each buffered
   * until S3 has it. Starts only when a Stockroom thread can read the stream, so a stream upload
   * waiting for a thread holds no connection.
   */
  private CompletableFuture<Sent> sendStream(PutObjectRequest put,
      UploadSource.StreamSource stream, RunningUpload running) {
    CompletableFuture<Sent> sent = new CompletableFuture<>();
    io.execute(() -> {
      if (sent.isDone() || running.stopped()) {
        sent.cancel(false);
        return;
      }
      try {
        if (stream.length() != null && stream.length() <= wholeStreamLimit) {
          byte[] bytes = StreamBytes.readStoppably(stream.stream(), stream.length(), running);
          if (running.stopped()) {
            sent.cancel(false);
            return;
          }
          sendBytes(put, bytes, running).whenComplete((result, failure) -> {
            if (failure != null) {
              sent.completeExceptionally(failure);
            } else {
              sent.complete(result);
            }
          });
        } else {
          sendInParts(put, stream, running, sent);
        }
      } catch (RuntimeException e) {
        sent.completeExceptionally(e);
      }
    });
    return sent;
  }

  private CompletableFuture<Sent> sendBytes(PutObjectRequest put, byte[] bytes,
      RunningUpload running) {
    CompletableFuture<CompletedUpload> done = transferManager.upload(u -> u.putObjectRequest(put)
        .requestBody(AsyncRequestBody.fromBytes(bytes))).completionFuture();
    running.onStop(() -> done.cancel(true));
    return done.thenApply(result -> new Sent(result.response(), bytes.length));
  }

  private void sendInParts(PutObjectRequest put, UploadSource.StreamSource stream,
      RunningUpload running, CompletableFuture<Sent> sent) {
    BlockingInputStreamAsyncRequestBody body =
        AsyncRequestBody.forBlockingInputStream(stream.length());
    // each part is buffered until S3 has it, so a part S3 answers with a 503 can be sent again
    Upload upload = transferManager.upload(u -> u.putObjectRequest(put)
        .requestBody(BufferedSplittableAsyncRequestBody.create(body)));
    CompletableFuture<CompletedUpload> done = upload.completionFuture();
    // a stop reaches the transfer and unblocks the writer
    running.onStop(() -> {
      done.cancel(true);
      body.cancel();
    });
    done.whenComplete((result, failure) -> {
      if (failure != null) {
        body.cancel();
        sent.completeExceptionally(failure);
      }
    });
    try {
      long size = body.writeInputStream(stream.stream());
      done.thenAccept(result -> sent.complete(new Sent(result.response(), size)));
    } catch (RuntimeException e) {
      // the transfer's own failure is the better answer when it comes (it carries S3's): wait a
      // moment for it before reporting the stream's
      done.handle((result, failure) -> failure)
          .completeOnTimeout(null, ANSWER_WAIT.toMillis(), TimeUnit.MILLISECONDS)
          .thenAccept(failure -> {
            sent.completeExceptionally(failure != null
                && !(Futures.unwrap(failure) instanceof CancellationException) ? failure : e);
            done.cancel(true);
          });
    }
  }

  private static TransferListener progress(LongConsumer bytesSent) {
    if (bytesSent == null) {
      return new TransferListener() {};
    }
    AtomicLong reported = new AtomicLong();
    return new TransferListener() {
      @Override
      public void bytesTransferred(Context.BytesTransferred context) {
        long total = context.progressSnapshot().transferredBytes();
        long delta = total - reported.getAndSet(total);
        if (delta != 0) {
          bytesSent.accept(delta);
        }
      }
    };
  }
}
