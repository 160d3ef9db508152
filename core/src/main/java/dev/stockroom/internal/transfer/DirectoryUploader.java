package dev.stockroom.internal.transfer;

import dev.stockroom.exception.TransferCancelledException;
import dev.stockroom.internal.Futures;
import dev.stockroom.transfer.BatchProgress;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.UploadProgressListener;
import dev.stockroom.validation.Require;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a directory's files with a bounded number in flight, and records every file's outcome.
 * The kind's policy is checked (KMS key, Object Lock) once before the first file. No thread
 * waits: each finished file starts the next. Symbolic links are never followed, and links,
 * special files and unreadable files are reported as skipped.
 */
final class DirectoryUploader implements InFlight.Stoppable {

  private static final Logger log = LoggerFactory.getLogger(DirectoryUploader.class);

  private final DefaultKindObjects kind;
  private final UploadPipeline pipeline;
  private final int maxConcurrentFiles;
  private final Path directory;
  private final UploadProgressListener listener;
  private final CompletableFuture<BatchResult> result = new CompletableFuture<>();
  private final ConcurrentLinkedQueue<FileOutcome> outcomes = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger pumping = new AtomicInteger();
  private volatile TransferCancelledException stoppedBy;
  private DirectoryWalk walk;
  private Iterator<DirectoryWalk.Entry> pending;
  private Progress progress;
  private long started;

  DirectoryUploader(DefaultKindObjects kind, UploadPipeline pipeline, int maxConcurrentFiles,
      Path directory, UploadProgressListener listener) {
    this.kind = kind;
    this.pipeline = pipeline;
    this.maxConcurrentFiles = maxConcurrentFiles;
    this.directory = Require.nonNull(directory, "directory");
    this.listener = Require.nonNull(listener, "listener");
  }

  CompletableFuture<BatchResult> upload() {
    Require.argument(Files.isDirectory(directory), "directory must be an existing directory, "
        + "but was '%s'", directory);
    pipeline.inFlight().admit(this);
    started = System.nanoTime();
    pipeline.prepare(kind.policy(), kind.policy().prefix())
        .thenApplyAsync(ready -> DirectoryWalk.of(directory, kind.policy()), pipeline.io())
        .whenComplete((found, failure) -> {
          if (failure != null) {
            result.completeExceptionally(Futures.unwrap(failure));
            return;
          }
          walk = found;
          walk.skipped().forEach(outcomes::add);
          progress = new Progress(walk, listener);
          walk.skipped().forEach(progress::finished);
          pending = walk.files().iterator();
          pump();
        });
    return result;
  }

  @Override
  public CompletableFuture<?> result() {
    return result;
  }

  @Override
  public String subject() {
    return directory.toString();
  }

  @Override
  public CompletableFuture<Void> stop(TransferCancelledException reason) {
    stoppedBy = reason;
    pump();
    return result.handle((done, failure) -> null);
  }

  /**
   * Starts files while fewer than the limit are in flight, and ends the upload when none is left.
   * Runs on whichever thread finished a file; {@code pumping} keeps it to one thread at a time
   * without a lock, and makes a file that fails at once loop here instead of recursing.
   */
  private void pump() {
    if (pumping.getAndIncrement() != 0) {
      return;
    }
    do {
      if (pending == null) {
        continue;
      }
      if (stoppedBy == null && pipeline.inFlight().closed()) {
        stoppedBy = new TransferCancelledException(Require.format("Stockroom was closed during the "
            + "upload of directory '%s'", directory), pipeline.bucket(), null, null);
      }
      while (stoppedBy == null && inFlight.get() < maxConcurrentFiles && pending.hasNext()) {
        inFlight.incrementAndGet();
        start(pending.next());
      }
      if (inFlight.get() == 0 && (stoppedBy != null || !pending.hasNext())) {
        finish();
      }
    } while (pumping.decrementAndGet() != 0);
  }

  private void start(DirectoryWalk.Entry entry) {
    String intendedKey = kind.policy().prefix() + entry.name();
    CompletableFuture<StoredObject> upload;
    String changed = walk.changedSinceWalk(entry);
    if (changed != null) {
      finished(DefaultFileOutcome.skipped(entry.file(), intendedKey, changed));
      return;
    }
    try {
      upload = kind.target(entry.name()).uploadFile(entry.file(), progress::bytesSent);
    } catch (RuntimeException invalid) {
      upload = CompletableFuture.failedFuture(invalid);
    }
    upload.whenComplete((stored, failure) -> finished(stored != null
        ? DefaultFileOutcome.stored(entry.file(), stored)
        : DefaultFileOutcome.failed(entry.file(), intendedKey, Futures.unwrap(failure))));
  }

  private void finished(FileOutcome outcome) {
    outcomes.add(outcome);
    progress.finished(outcome);
    inFlight.decrementAndGet();
    pump();
  }

  private void finish() {
    if (result.isDone()) {
      return;
    }
    if (stoppedBy != null) {
      result.completeExceptionally(stoppedBy);
      return;
    }
    List<FileOutcome> all = new ArrayList<>(outcomes);
    all.sort(Comparator.comparing(FileOutcome::file));
    log.debug("Uploaded directory '{}' as {}: {} files, {} not stored", directory, kind.kind(),
        all.size(), all.stream().filter(o -> !o.succeeded()).count());
    result.complete(new DefaultBatchResult(pipeline.bucket(), kind.kind(), directory, all,
        Duration.ofNanos(System.nanoTime() - started)));
  }

  /** Counts files and bytes, and tells the listener; safe to call from many threads. */
  private static final class Progress {
    private final int filesTotal;
    private final long bytesTotal;
    private final UploadProgressListener listener;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    Progress(DirectoryWalk walk, UploadProgressListener listener) {
      this.filesTotal = walk.files().size() + walk.skipped().size();
      this.bytesTotal = walk.files().stream().mapToLong(DirectoryWalk.Entry::size).sum();
      this.listener = listener;
    }

    void bytesSent(long delta) {
      bytes.addAndGet(delta);
      BatchProgress now = snapshot();
      tell(() -> listener.bytesTransferred(now));
    }

    void finished(FileOutcome outcome) {
      if (!outcome.succeeded()) {
        failed.incrementAndGet();
      }
      done.incrementAndGet();
      BatchProgress now = snapshot();
      tell(() -> listener.fileFinished(outcome, now));
    }

    private BatchProgress snapshot() {
      return new BatchProgress(filesTotal, done.get(), failed.get(), bytesTotal, bytes.get());
    }

    private static void tell(Runnable call) {
      try {
        call.run();
      } catch (RuntimeException e) {
        log.warn("Upload progress listener failed; ignoring it", e);
      }
    }
  }

  /** Returns the attributes of {@code file} itself (a link is not followed), or null. */
  static BasicFileAttributes attributes(Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null;
    }
  }
}
