package dev.stockroom.internal.transfer;

import dev.stockroom.internal.Futures;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.KindObjects;
import dev.stockroom.transfer.UploadProgressListener;
import dev.stockroom.transfer.UploadTarget;
import dev.stockroom.validation.ObjectKeys;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The objects of one kind. */
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
    return Futures.join(uploadDirectoryAsync(directory, listener));
  }

  @Override
  public BatchResult uploadDirectory(Path directory) {
    return uploadDirectory(directory, UploadProgressListener.NONE);
  }

  @Override
  public CompletableFuture<BatchResult> uploadDirectoryAsync(Path directory,
      UploadProgressListener listener) {
    return Futures.capture(() -> new DirectoryUploader(this, pipeline, maxConcurrentFiles,
        directory, listener).upload());
  }

  @Override
  public String toString() {
    return "KindObjects{kind=" + policy.kind() + ", prefix='" + policy.prefix() + "'"
        + (contentAddressed ? ", contentAddressed" : "") + '}';
  }
}
