package dev.stockroom.internal.transfer;

import dev.stockroom.internal.Futures;
import dev.stockroom.internal.Require;
import dev.stockroom.transfer.BatchProgress;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.UploadProgressListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads a directory's files with a bounded number in flight, and records every file's outcome.
 * The kind's policy is checked (KMS key, Object Lock) once before the first file.
 */
final class DirectoryUploader {

  private static final Logger log = LoggerFactory.getLogger(DirectoryUploader.class);

  private final DefaultKindObjects kind;
  private final ObjectUploader uploader;
  private final int maxConcurrentFiles;

  DirectoryUploader(DefaultKindObjects kind, ObjectUploader uploader, int maxConcurrentFiles) {
    this.kind = kind;
    this.uploader = uploader;
    this.maxConcurrentFiles = maxConcurrentFiles;
  }

  /** One file found, with the name it gets under the kind's prefix. */
  private record Found(Path file, String name, long size) {}

  CompletableFuture<BatchResult> upload(Path directory, UploadProgressListener listener) {
    Require.nonNull(directory, "directory");
    Require.nonNull(listener, "listener");
    Require.argument(Files.isDirectory(directory), "directory must be an existing directory, "
        + "but was '%s'", directory);
    uploader.guard().check();
    long started = System.nanoTime();
    return uploader.prepare(kind.policy(), kind.policy().prefix())
        .thenApplyAsync(ready -> uploadAll(directory, listener), uploader.io())
        .thenApply(outcomes -> BatchResult.of(uploader.bucket(), kind.kind(), directory, outcomes,
            Duration.ofNanos(System.nanoTime() - started)));
  }

  private List<FileOutcome> uploadAll(Path directory, UploadProgressListener listener) {
    List<Found> files = walk(directory);
    Progress progress = new Progress(files, listener);
    Semaphore slots = new Semaphore(maxConcurrentFiles);
    List<CompletableFuture<Void>> inFlight = new ArrayList<>(files.size());
    for (Found found : files) {
      slots.acquireUninterruptibly();
      inFlight.add(uploadOne(found, progress).whenComplete((done, failure) -> slots.release()));
    }
    CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).join();
    List<FileOutcome> outcomes = new ArrayList<>(progress.outcomes);
    outcomes.sort(Comparator.comparing(FileOutcome::file));
    log.debug("Uploaded directory '{}' as {}: {} files, {} failed", directory, kind.kind(),
        outcomes.size(), outcomes.stream().filter(o -> !o.succeeded()).count());
    return outcomes;
  }

  private CompletableFuture<Void> uploadOne(Found found, Progress progress) {
    String intendedKey = kind.policy().prefix() + found.name();
    CompletableFuture<StoredObject> upload;
    try {
      upload = kind.target(found.name()).uploadFile(found.file(), progress::bytesSent);
    } catch (RuntimeException invalid) {
      upload = CompletableFuture.failedFuture(invalid);
    }
    return upload.handle((stored, failure) -> {
      progress.finished(stored != null ? FileOutcome.stored(found.file(), stored)
          : FileOutcome.failed(found.file(), intendedKey,
              Futures.unwrap(failure)));
      return null;
    });
  }

  private static List<Found> walk(Path directory) {
    try (Stream<Path> paths = Files.walk(directory)) {
      return paths.filter(Files::isRegularFile).sorted()
          .map(file -> new Found(file, name(directory.relativize(file)), size(file)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list directory '" + directory + "'", e);
    }
  }

  /** Joins the relative path's segments with '/', whatever the platform's separator. */
  private static String name(Path relative) {
    return StreamSupport.stream(relative.spliterator(), false).map(Path::toString)
        .collect(Collectors.joining("/"));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      return 0;
    }
  }

  /** Counts files and bytes, and tells the listener; safe to call from many threads. */
  private static final class Progress {
    private final int filesTotal;
    private final long bytesTotal;
    private final UploadProgressListener listener;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final ConcurrentLinkedQueue<FileOutcome> outcomes = new ConcurrentLinkedQueue<>();

    Progress(List<Found> files, UploadProgressListener listener) {
      this.filesTotal = files.size();
      this.bytesTotal = files.stream().mapToLong(Found::size).sum();
      this.listener = listener;
    }

    void bytesSent(long delta) {
      bytes.addAndGet(delta);
      BatchProgress now = snapshot();
      tell(() -> listener.bytesTransferred(now));
    }

    void finished(FileOutcome outcome) {
      outcomes.add(outcome);
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
}
