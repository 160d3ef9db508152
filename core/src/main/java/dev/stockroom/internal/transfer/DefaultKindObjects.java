package dev.stockroom.internal.transfer;

import dev.stockroom.internal.Futures;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.ImportRequest;
import dev.stockroom.transfer.ImportResult;
import dev.stockroom.transfer.ImportSource;
import dev.stockroom.transfer.KindObjects;
import dev.stockroom.transfer.UploadProgressListener;
import dev.stockroom.transfer.UploadTarget;
import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/** The objects of one kind: single targets, directory uploads and imports. */
public final class DefaultKindObjects implements KindObjects {

  private final UploadPipeline pipeline;
  private final StoragePolicy policy;
  private final int maxConcurrentFiles;
  private final boolean contentAddressed;

  public DefaultKindObjects(UploadPipeline pipeline, StoragePolicy policy, int maxConcurrentFiles,
      boolean contentAddressed) {
    this.pipeline = pipeline;
    this.policy = policy;
    this.maxConcurrentFiles = maxConcurrentFiles;
    this.contentAddressed = contentAddressed;
  }

  @Override
  public DataKind kind() {
    return policy.kind();
  }

  @Override
  public StoragePolicy policy() {
    return policy;
  }

  @Override
  public UploadTarget object(String name) {
    return target(name);
  }

  DefaultUploadTarget target(String name) {
    return target(name, null, Map.of());
  }

  /**
   * Returns the target {@code name} under the kind's prefix.
   *
   * @throws IllegalArgumentException if the name or the key it makes breaks the key rules
   */
  DefaultUploadTarget target(String name, String contentType, Map<String, String> metadata) {
    ObjectKeys.check(name, "name");
    String key = ObjectKeys.check(policy.prefix() + name, "key");
    return new DefaultUploadTarget(pipeline, policy, key, metadata, contentType,
        contentAddressed);
  }

  @Override
  public KindObjects contentAddressed() {
    return new DefaultKindObjects(pipeline, policy, maxConcurrentFiles, true);
  }

  @Override
  public BatchResult uploadDirectory(Path directory, UploadProgressListener listener) {
    return Futures.join(uploadDirectoryAsync(directory, listener), pipeline.bucket());
  }

  @Override
  public BatchResult uploadDirectory(Path directory) {
    return uploadDirectory(directory, UploadProgressListener.NONE);
  }

  @Override
  public CompletableFuture<BatchResult> uploadDirectoryAsync(Path directory,
      UploadProgressListener listener) {
    return Futures.capture(() -> {
      Require.nonNull(directory, "directory");
      Require.nonNull(listener, "listener");
      pipeline.inFlight().checkOpen();
      SourceWalk walk = SourceWalk.directory(directory, policy);
      ConcurrentLinkedQueue<FileOutcome> outcomes = new ConcurrentLinkedQueue<>();
      ImportRun run = new ImportRun(this, pipeline, walk, new ImportRun.Settings(
          Require.format("directory '%s'", directory), null, null, listener, 0, outcomes::add),
          maxConcurrentFiles);
      return run.start().thenApply(done -> {
        List<FileOutcome> all = new ArrayList<>(outcomes);
        all.sort(Comparator.comparing(FileOutcome::file));
        return new DefaultBatchResult(pipeline.bucket(), policy.kind(), directory, all,
            done.elapsed());
      });
    });
  }

  @Override
  public ImportResult importFiles(ImportRequest request) {
    return Futures.join(importFilesAsync(request), pipeline.bucket());
  }

  @Override
  public ImportResult importFiles(ImportSource source, Consumer<ImportRequest.Builder> request) {
    Require.nonNull(request, "request");
    ImportRequest.Builder builder = ImportRequest.builder(source);
    request.accept(builder);
    return importFiles(builder.build());
  }

  @Override
  public CompletableFuture<ImportResult> importFilesAsync(ImportRequest request) {
    return Futures.capture(() -> {
      Require.nonNull(request, "request");
      pipeline.inFlight().checkOpen();
      ImportSource source = request.source();
      SourceWalk walk = source.directory().map(dir -> SourceWalk.directory(dir, policy))
          .orElseGet(() -> SourceWalk.items(source.id().orElseThrow(),
              source.items().orElseThrow(), policy));
      ImportJournal journal;
      try {
        journal = request.journal().map(file -> ImportJournal.open(file, new ImportJournal.Target(
            pipeline.bucket(), policy.kind().id(), policy.prefix(), walk.identity())))
            .orElse(null);
      } catch (RuntimeException refused) {
        walk.close();
        throw refused;
      }
      ImportRun run = new ImportRun(this, pipeline, walk, new ImportRun.Settings(source.toString(),
          journal, request.journal().orElse(null), request.listener(), request.failuresKept(),
          null), maxConcurrentFiles);
      return run.start().whenComplete((done, failure) -> source.close());
    });
  }

  @Override
  public String toString() {
    return "KindObjects{kind=" + policy.kind() + ", prefix='" + policy.prefix() + "'"
        + (contentAddressed ? ", contentAddressed" : "") + '}';
  }
}
