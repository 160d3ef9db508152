package dev.stockroom.internal.transfer;

import dev.stockroom.internal.Futures;
import dev.stockroom.internal.ObjectKeys;
import dev.stockroom.internal.Require;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.KindObjects;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.UploadProgressListener;
import dev.stockroom.transfer.UploadTarget;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** The objects of one kind. */
public final class DefaultKindObjects implements KindObjects {

  private final ObjectUploader uploader;
  private final StoragePolicy policy;
  private final int maxConcurrentFiles;
  private final boolean contentAddressed;

  public DefaultKindObjects(ObjectUploader uploader, StoragePolicy policy, int maxConcurrentFiles,
      boolean contentAddressed) {
    this.uploader = uploader;
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
    ObjectKeys.check(name, "name");
    String key = ObjectKeys.check(policy.prefix() + name, "key");
    return new DefaultUploadTarget(uploader, policy, key, Map.of(), null, contentAddressed);
  }

  @Override
  public KindObjects contentAddressed() {
    return new DefaultKindObjects(uploader, policy, maxConcurrentFiles, true);
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
    return Futures.capture(() -> new DirectoryUploader(this, uploader, maxConcurrentFiles)
        .upload(directory, listener));
  }

  /**
   * Resumes a paused upload of this kind.
   *
   * @throws IllegalArgumentException if the token's key lies outside this kind's prefix
   */
  public FileTransfer resume(ResumeToken token) {
    Require.nonNull(token, "token");
    Require.argument(policy.covers(token.key()), "token's key '%s' is not under the %s prefix "
        + "'%s'", token.key(), policy.kind(), policy.prefix());
    DefaultFileTransfer transfer = new DefaultFileTransfer(token.key(), policy.kind());
    return transfer.attach(uploader.resume(token, policy, transfer));
  }

  @Override
  public String toString() {
    return "KindObjects{kind=" + policy.kind() + ", prefix='" + policy.prefix() + "'"
        + (contentAddressed ? ", contentAddressed" : "") + '}';
  }
}
