package dev.stockroom.internal.transfer;

import dev.stockroom.internal.Futures;
import dev.stockroom.internal.ObjectKeys;
import dev.stockroom.internal.Require;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.UploadTarget;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** One object of one kind; immutable, each {@code with…} returns a copy. */
final class DefaultUploadTarget implements UploadTarget {

  /** S3 keeps at most 2 KB of user metadata per object. */
  static final int MAX_METADATA_BYTES = 2048;
  private static final Pattern METADATA_NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

  private final ObjectUploader uploader;
  private final StoragePolicy policy;
  private final String key;
  private final Map<String, String> metadata;
  private final String contentType;
  private final boolean contentAddressed;

  DefaultUploadTarget(ObjectUploader uploader, StoragePolicy policy, String key,
      Map<String, String> metadata, String contentType, boolean contentAddressed) {
    this.uploader = uploader;
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
    Require.nonNull(added, "metadata");
    Map<String, String> merged = new LinkedHashMap<>(metadata);
    added.forEach((name, value) -> merged.put(checkName(name), checkValue(name, value)));
    int bytes = merged.entrySet().stream().mapToInt(e -> utf8(e.getKey()) + utf8(e.getValue()))
        .sum();
    Require.argument(bytes <= MAX_METADATA_BYTES,
        "metadata must be at most %s bytes in all, but was %s", MAX_METADATA_BYTES, bytes);
    return new DefaultUploadTarget(uploader, policy, key, merged, contentType, contentAddressed);
  }

  @Override
  public UploadTarget withContentType(String type) {
    return new DefaultUploadTarget(uploader, policy, key, metadata, ContentTypes.check(type),
        contentAddressed);
  }

  @Override
  public UploadTarget contentAddressed() {
    return new DefaultUploadTarget(uploader, policy, key, metadata, contentType, true);
  }

  @Override
  public StoredObject upload(Path file) {
    return Futures.join(uploadAsync(file));
  }

  @Override
  public StoredObject upload(byte[] bytes, String type) {
    return Futures.join(uploadAsync(bytes, type));
  }

  @Override
  public StoredObject upload(InputStream stream, long length, String type) {
    return Futures.join(uploadAsync(stream, length, type));
  }

  @Override
  public StoredObject upload(InputStream stream, String type) {
    return Futures.join(uploadAsync(stream, type));
  }

  @Override
  public CompletableFuture<StoredObject> uploadAsync(Path file) {
    return uploadFile(file, null);
  }

  @Override
  public FileTransfer startUpload(Path file) {
    UploadSource.FileSource source = UploadSource.file(file);
    uploader.guard().check();
    DefaultFileTransfer transfer = new DefaultFileTransfer(key, policy.kind());
    return transfer.attach(Futures.capture(() -> startFile(source, null, transfer)));
  }

  /** Uploads a file, telling {@code bytesSent} of its progress (directory uploads). */
  CompletableFuture<StoredObject> uploadFile(Path file, LongConsumer bytesSent) {
    return Futures.capture(() -> startFile(UploadSource.file(file), bytesSent, null));
  }

  private CompletableFuture<StoredObject> startFile(UploadSource.FileSource source,
      LongConsumer bytesSent, DefaultFileTransfer transfer) {
    Path file = source.file();
    String type = contentType != null ? contentType
        : ContentTypes.forName(file.getFileName().toString());
    return start(source, type, () -> ContentAddress.of(file), bytesSent, transfer);
  }

  @Override
  public CompletableFuture<StoredObject> uploadAsync(byte[] bytes, String type) {
    return Futures.capture(() -> {
      UploadSource source = UploadSource.bytes(bytes);
      return start(source, ContentTypes.check(type), () -> ContentAddress.of(bytes), null, null);
    });
  }

  @Override
  public CompletableFuture<StoredObject> uploadAsync(InputStream stream, long length,
      String type) {
    return Futures.capture(() -> startStream(UploadSource.stream(stream, length), type));
  }

  @Override
  public CompletableFuture<StoredObject> uploadAsync(InputStream stream, String type) {
    return Futures.capture(() -> startStream(UploadSource.stream(stream), type));
  }

  private CompletableFuture<StoredObject> startStream(UploadSource source, String type) {
    ContentTypes.check(type);
    Require.argument(!contentAddressed, "a content-addressed key needs the bytes before the "
        + "upload starts: upload a file or a byte array for '%s'", key);
    return start(source, type, null, null, null);
  }

  private CompletableFuture<StoredObject> start(UploadSource source, String type,
      Supplier<String> hash, LongConsumer bytesSent, DefaultFileTransfer transfer) {
    uploader.guard().check();
    return uploader.prepare(policy, key)
        .thenCompose(protection -> finalKey(hash)
            .thenCompose(finalKey -> uploader.upload(new UploadJob(policy, finalKey, type,
                metadata, source, bytesSent, transfer), protection)));
  }

  private CompletableFuture<String> finalKey(Supplier<String> hash) {
    if (!contentAddressed) {
      return CompletableFuture.completedFuture(key);
    }
    return CompletableFuture.supplyAsync(
        () -> ObjectKeys.check(ContentAddress.key(key, hash.get()), "key"), uploader.io());
  }

  private static String checkName(String name) {
    Require.nonNull(name, "metadata name");
    Require.argument(METADATA_NAME.matcher(name).matches(), "metadata name must be a lowercase "
        + "token of a-z, 0-9, '.', '_' and '-', but was '%s'", ObjectKeys.printable(name));
    return name;
  }

  private static String checkValue(String name, String value) {
    Require.nonNull(value, "metadata value");
    Require.argument(value.chars().allMatch(c -> c >= 0x20 && c < 0x7f),
        "metadata value of '%s' must be printable ASCII, but was '%s'", name,
        ObjectKeys.printable(value));
    return value;
  }

  private static int utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8).length;
  }

  @Override
  public String toString() {
    return "UploadTarget{kind=" + policy.kind() + ", key='" + key + "'"
        + (contentAddressed ? ", contentAddressed" : "") + '}';
  }
}
