package dev.stockroom.internal.transfer;

import dev.stockroom.exception.TransferCancelledException;
import dev.stockroom.internal.Futures;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.UploadTarget;
import dev.stockroom.validation.Require;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/**
 * One object of one kind; immutable, each {@code with…} returns a copy. Turns each upload call
 * into an {@link UploadRequest} and hands it to the {@link UploadPipeline}: the arguments are
 * checked here, everything else there.
 */
final class DefaultUploadTarget implements UploadTarget {

  /** S3 keeps at most 2 KB of user metadata per object. */
  static final int MAX_METADATA_BYTES = 2048;
  private static final Pattern METADATA_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final UploadPipeline pipeline;
  private final StoragePolicy policy;
  private final String key;
  private final Map<String, String> metadata;
  private final String contentType;
  private final boolean contentAddressed;

  DefaultUploadTarget(UploadPipeline pipeline, StoragePolicy policy, String key,
      Map<String, String> metadata, String contentType, boolean contentAddressed) {
    this.pipeline = pipeline;
    this.policy = policy;
    this.key = key;
    this.metadata = Map.copyOf(metadata);
    this.contentType = contentType;
    this.contentAddressed = contentAddressed;
  }

  @Override
  public DataKind kind() {
    return policy.kind();
  }

  @Override
  public String key() {
    return key;
  }

  @Override
  public UploadTarget withMetadata(String name, String value) {
    return withMetadata(Map.of(Require.nonNull(name, "metadata name"),
        Require.nonNull(value, "metadata value")));
  }

  @Override
  public UploadTarget withMetadata(Map<String, String> added) {
    return new DefaultUploadTarget(pipeline, policy, key, checkMetadata(metadata, added),
        contentType, contentAddressed);
  }

  @Override
  public UploadTarget withContentType(String type) {
    return new DefaultUploadTarget(pipeline, policy, key, metadata, ContentTypes.check(type),
        contentAddressed);
  }

  @Override
  public UploadTarget contentAddressed() {
    return new DefaultUploadTarget(pipeline, policy, key, metadata, contentType, true);
  }

  @Override
  public StoredObject upload(Path file) {
    return await(uploadAsync(file));
  }

  @Override
  public StoredObject upload(byte[] bytes, String type) {
    return await(uploadAsync(bytes, type));
  }

  @Override
  public StoredObject upload(InputStream stream, long length, String type) {
    return await(uploadAsync(stream, length, type));
  }

  @Override
  public StoredObject upload(InputStream stream, String type) {
    return await(uploadAsync(stream, type));
  }

  @Override
  public CompletableFuture<StoredObject> uploadAsync(Path file) {
    return uploadFile(file, null);
  }

  @Override
  public CompletableFuture<StoredObject> uploadAsync(byte[] bytes, String type) {
    return Futures.capture(() -> submit(UploadSource.bytes(bytes), ContentTypes.check(type), null,
        null, null));
  }

  @Override
  public CompletableFuture<StoredObject> uploadAsync(InputStream stream, long length,
      String type) {
    return Futures.capture(() -> submitStream(UploadSource.stream(stream, length), type));
  }

  @Override
  public CompletableFuture<StoredObject> uploadAsync(InputStream stream, String type) {
    return Futures.capture(() -> submitStream(UploadSource.stream(stream), type));
  }

  @Override
  public FileTransfer startUpload(Path file) {
    UploadSource.FileSource source = UploadSource.file(file);
    pipeline.inFlight().checkOpen();
    DefaultFileTransfer transfer = new DefaultFileTransfer(key,
        paused -> pipeline.token(policy.kind(), paused));
    return transfer.attach(Futures.capture(() -> submit(source, fileType(file), null, transfer,
        null)));
  }

  /** Uploads a file, telling {@code bytesSent} of its progress (directory uploads). */
  CompletableFuture<StoredObject> uploadFile(Path file, LongConsumer bytesSent) {
    return Futures.capture(() -> submit(UploadSource.file(file), fileType(file), bytesSent, null,
        null));
  }

  /** Resumes a paused upload of {@code source} with the parts already sent. */
  FileTransfer resume(UploadSource.FileSource source, UploadRequest.ResumePoint point) {
    DefaultFileTransfer transfer = new DefaultFileTransfer(key,
        paused -> pipeline.token(policy.kind(), paused));
    return transfer.attach(Futures.capture(() -> submit(source, fileType(source.file()), null,
        transfer, point)));
  }

  private CompletableFuture<StoredObject> submitStream(UploadSource source, String type) {
    ContentTypes.check(type);
    Require.argument(!contentAddressed, "a content-addressed key needs the bytes before the "
        + "upload starts: upload a file or a byte array for '%s'", key);
    return submit(source, type, null, null, null);
  }

  private CompletableFuture<StoredObject> submit(UploadSource source, String type,
      LongConsumer bytesSent, DefaultFileTransfer transfer, UploadRequest.ResumePoint resume) {
    return pipeline.submit(new UploadRequest(policy, key, type, metadata, source,
        contentAddressed, bytesSent, transfer, resume));
  }

  private String fileType(Path file) {
    return contentType != null ? contentType : ContentTypes.forName(file.getFileName().toString());
  }

  private StoredObject await(CompletableFuture<StoredObject> upload) {
    return Futures.join(upload, interrupt -> new TransferCancelledException(Require.format(
        "interrupted while uploading '%s': the upload was stopped and nothing was stored", key),
        pipeline.bucket(), key, interrupt));
  }

  /**
   * Returns {@code current} with {@code added} merged in, each entry checked.
   *
   * @throws IllegalArgumentException naming the entry, or the total size over S3's 2 KB
   */
  static Map<String, String> checkMetadata(Map<String, String> current,
      Map<String, String> added) {
    Require.nonNull(added, "metadata");
    Map<String, String> merged = new LinkedHashMap<>(current);
    added.forEach((name, value) -> merged.put(checkName(name), checkValue(name, value)));
    int bytes = merged.entrySet().stream().mapToInt(e -> utf8(e.getKey()) + utf8(e.getValue()))
        .sum();
    Require.argument(bytes <= MAX_METADATA_BYTES,
        "metadata must be at most %s bytes in all, but was %s", MAX_METADATA_BYTES, bytes);
    return merged;
  }

  private static String checkName(String name) {
    Require.nonNull(name, "metadata name");
    Require.argument(METADATA_NAME.matcher(name).matches(), "metadata name must be a lowercase "
        + "token of a-z, 0-9, '.', '_' and '-', but was '%s'", name);
    return name;
  }

  private static String checkValue(String name, String value) {
    Require.nonNull(value, "metadata value");
    Require.argument(value.chars().allMatch(c -> c >= 0x20 && c < 0x7f),
        "metadata value of '%s' must be printable ASCII, but was '%s'", name, value);
    return value;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public String toString() {
    return Require.format("UploadTarget{kind=%s, key='%s'%s}", policy.kind(), key,
        contentAddressed ? ", contentAddressed" : "");
  }
}
