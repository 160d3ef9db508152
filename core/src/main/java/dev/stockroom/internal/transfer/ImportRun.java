package dev.stockroom.internal.transfer;

import dev.stockroom.exception.StorageException;
import dev.stockroom.exception.TransferCancelledException;
import dev.stockroom.internal.Futures;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.BatchProgress;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.ImportResult;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.UploadProgressListener;
import dev.stockroom.validation.Require;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs an import (and a directory upload, which is one): takes files from the walk as slots free
 * up, never more in flight than the concurrency limit (which halves when the store answers
 * SlowDown and creeps back up as files are stored), skips what the journal says is stored, and
 * hands every outcome to the listener and the journal as it happens. No thread waits: each
 * finished file starts the next. Nothing per file is kept beyond the first failures.
 */
final class ImportRun implements InFlight.Stoppable {

  private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
  /** How long after halving the limit another SlowDown may halve it again. */
  static final Duration COOL_DOWN = Duration.ofMillis(500);

  /** What the run needs beyond its files. */
  record Settings(String source, ImportJournal journal, java.nio.file.Path journalFile,
      UploadProgressListener listener, int failuresKept, Consumer<FileOutcome> everyOutcome) {}

  private final DefaultKindObjects kind;
  private final UploadPipeline pipeline;
  private final SourceWalk walk;
  private final Settings settings;
  private final Clock clock;
  private final LongSupplier throttles;
  private final ConcurrencyLimit limit;
  private final CompletableFuture<ImportResult> result = new CompletableFuture<>();
  private final List<FileOutcome> failures = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger pumping = new AtomicInteger();
  private final AtomicLong found = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong stored = new AtomicLong();
  private final AtomicLong alreadyStored = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong bytesFound = new AtomicLong();
  private final AtomicLong bytesTransferred = new AtomicLong();
  private final AtomicLong bytesStored = new AtomicLong();
  private final AtomicLong throttlesSeen = new AtomicLong();
  private final long started;
  private volatile boolean walkComplete;
  private volatile RuntimeException fatal;
  private volatile TransferCancelledException stoppedBy;
  private volatile boolean begun;

  ImportRun(DefaultKindObjects kind, UploadPipeline pipeline, SourceWalk walk, Settings settings,
      int maxConcurrentFiles) {
    this.kind = kind;
    this.pipeline = pipeline;
    this.walk = walk;
    this.settings = settings;
    this.clock = pipeline.clock();
    this.throttles = pipeline.throttles();
    this.limit = new ConcurrencyLimit(maxConcurrentFiles, clock, COOL_DOWN);
    this.started = clock.millis();
    this.throttlesSeen.set(throttles.getAsLong());
  }

  /** Starts the run once the kind's checks pass; the future holds its outcome. */
  CompletableFuture<ImportResult> start() {
    try {
      pipeline.inFlight().admit(this);
    } catch (IllegalStateException closed) {
      walk.close();
      closeJournal();
      throw closed;
    }
    pipeline.prepare(kind.policy(), kind.policy().prefix())
        .whenCompleteAsync((ready, failure) -> {
          if (failure != null) {
            walk.close();
            closeJournal();
            result.completeExceptionally(Futures.unwrap(failure));
            return;
          }
          begun = true;
          pump();
        }, pipeline.io());
    return result;
  }

  @Override
  public CompletableFuture<?> result() {
    return result;
  }

  @Override
  public String subject() {
    return settings.source();
  }

  @Override
  public CompletableFuture<Void> stop(TransferCancelledException reason) {
    stoppedBy = reason;
    pump();
    return result.handle((done, failure) -> null);
  }

  /**
   * Starts files while fewer than the limit are in flight, and ends the run when none is left.
   * Runs on whichever thread finished a file; {@code pumping} keeps it to one thread at a time
   * without a lock, and turns a file that finishes at once into another turn of the loop instead
   * of a deeper call.
   */
  private void pump() {
    if (pumping.getAndIncrement() != 0) {
      return;
    }
    do {
      if (!begun) {
        continue;
      }
      if (stoppedBy == null && pipeline.inFlight().closed()) {
        stoppedBy = new TransferCancelledException(Require.format("Stockroom was closed during "
            + "the import of %s", settings.source()), pipeline.bucket(), null, null);
      }
      shapeToThrottles();
      while (running() && inFlight.get() < limit.current()) {
        SourceWalk.Found next = nextFound();
        if (next == null) {
          break;
        }
        take(next);
      }
      if (inFlight.get() == 0 && (!running() || walkComplete)) {
        finish();
      }
    } while (pumping.decrementAndGet() != 0);
  }

  private boolean running() {
    return stoppedBy == null && fatal == null && !walkComplete;
  }

  private SourceWalk.Found nextFound() {
    try {
      if (walk.hasNext()) {
        found.incrementAndGet();
        return walk.next();
      }
      walkComplete = true;
    } catch (RuntimeException e) {
      fatal = e;
    }
    return null;
  }

  private void take(SourceWalk.Found next) {
    if (next instanceof SourceWalk.Skip skip) {
      record(skip.outcome());
      return;
    }
    SourceWalk.Entry entry = (SourceWalk.Entry) next;
    bytesFound.addAndGet(entry.size());
    String key = kind.policy().prefix() + entry.name();
    if (settings.journal() != null
        && settings.journal().alreadyStored(entry.name(), entry.size(), entry.modifiedMillis())) {
      record(DefaultFileOutcome.alreadyStored(entry.file(), key));
      return;
    }
    String changed = walk.changedSinceFound(entry);
    if (changed != null) {
      record(DefaultFileOutcome.skipped(entry.file(), key, changed));
      return;
    }
    inFlight.incrementAndGet();
    CompletableFuture<StoredObject> upload;
    try {
      upload = kind.target(entry.name()).uploadFile(entry.file(), this::bytesSent);
    } catch (RuntimeException invalid) {
      upload = CompletableFuture.failedFuture(invalid);
    }
    upload.whenComplete((object, failure) -> {
      record(object != null ? DefaultFileOutcome.stored(entry.file(), object)
          : DefaultFileOutcome.failed(entry.file(), key, Futures.unwrap(failure)), entry);
      inFlight.decrementAndGet();
      pump();
    });
  }

  private void record(FileOutcome outcome) {
    record(outcome, null);
  }

  /** Counts the outcome, writes it to the journal and tells the listener. */
  private void record(FileOutcome outcome, SourceWalk.Entry entry) {
    try {
      count(outcome);
      journal(outcome, entry);
    } catch (RuntimeException journalFailed) {
      fatal = journalFailed;
    }
    if (settings.everyOutcome() != null) {
      settings.everyOutcome().accept(outcome);
    }
    BatchProgress now = progress();
    tell(() -> settings.listener().fileFinished(outcome, now));
  }

  private void count(FileOutcome outcome) {
    done.incrementAndGet();
    switch (outcome.status()) {
      case STORED -> {
        stored.incrementAndGet();
        bytesStored.addAndGet(outcome.stored().orElseThrow().size());
        limit.stored();
      }
      case ALREADY_STORED -> alreadyStored.incrementAndGet();
      case SKIPPED -> skipped.incrementAndGet();
      case FAILED -> {
        failed.incrementAndGet();
        if (slowedDown(outcome.failure().orElse(null))) {
          limit.throttled();
        }
        synchronized (failures) {
          if (failures.size() < settings.failuresKept()) {
            failures.add(outcome);
          }
        }
      }
      default -> throw new IllegalStateException("unknown outcome " + outcome.status());
    }
  }

  private void journal(FileOutcome outcome, SourceWalk.Entry entry) {
    ImportJournal journal = settings.journal();
    if (journal == null) {
      return;
    }
    String name = outcome.key().substring(Math.min(outcome.key().length(),
        kind.policy().prefix().length()));
    switch (outcome.status()) {
      case STORED -> {
        StoredObject object = outcome.stored().orElseThrow();
        journal.stored(name, entry.size(), entry.modifiedMillis(),
            object.checksumCrc32c().orElse(null), object.eTag());
      }
      case FAILED -> journal.failed(name, outcome.reason().orElse(""));
      case SKIPPED -> journal.skipped(name, outcome.reason().orElse(""));
      default -> { }
    }
  }

  /** A failure past the SDK's retries that is the store asking to slow down. */
  private static boolean slowedDown(Throwable failure) {
    return failure instanceof StorageException storage
        && (storage.statusCode().orElse(0) == 503 || storage.errorCode().filter(code ->
            code.equals("SlowDown")).isPresent());
  }

  /** Halves the limit when the client saw slow-down answers since the last look. */
  private void shapeToThrottles() {
    long now = throttles.getAsLong();
    if (now > throttlesSeen.getAndSet(now)) {
      limit.throttled();
    }
  }

  private void bytesSent(long delta) {
    bytesTransferred.addAndGet(delta);
    BatchProgress now = progress();
    tell(() -> settings.listener().bytesTransferred(now));
  }

  private BatchProgress progress() {
    return new BatchProgress(found.get(), walkComplete, done.get(), failed.get(), skipped.get(),
        alreadyStored.get(), bytesFound.get(), bytesTransferred.get(), limit.current(),
        Duration.ofMillis(clock.millis() - started));
  }

  private void finish() {
    if (result.isDone()) {
      return;
    }
    walk.close();
    try {
      closeJournal();
    } catch (RuntimeException journalFailed) {
      fatal = fatal != null ? fatal : journalFailed;
    }
    if (stoppedBy != null) {
      result.completeExceptionally(stoppedBy);
      return;
    }
    if (fatal != null) {
      result.completeExceptionally(fatal);
      return;
    }
    log.debug("Imported {} as {}: {} stored, {} already stored, {} skipped, {} failed; the "
        + "limit went as low as {}", settings.source(), kind.kind(), stored.get(),
        alreadyStored.get(), skipped.get(), failed.get(), limit.lowest());
    List<FileOutcome> kept;
    synchronized (failures) {
      kept = List.copyOf(failures);
    }
    result.complete(new DefaultImportResult(pipeline.bucket(), kind.kind(), settings.source(),
        stored.get(), alreadyStored.get(), skipped.get(), failed.get(), bytesStored.get(),
        Duration.ofMillis(clock.millis() - started), kept,
        settings.journal() == null ? null : settings.journalFile()));
  }

  private void closeJournal() {
    if (settings.journal() != null) {
      settings.journal().close();
    }
  }

  /** Returns the lowest the concurrency limit went (for tests and the log). */
  int lowestConcurrency() {
    return limit.lowest();
  }

  private static void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("Upload progress listener failed; ignoring it", e);
    }
  }

  /** Returns the policy of the kind imported. */
  StoragePolicy policy() {
    return kind.policy();
  }
}
