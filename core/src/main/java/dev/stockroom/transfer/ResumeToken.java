package dev.stockroom.transfer;

import dev.stockroom.internal.Require;
import dev.stockroom.policy.DataKind;
import java.nio.file.Path;
import java.util.Objects;
import software.amazon.awssdk.transfer.s3.model.ResumableFileUpload;

/**
 * What a paused file upload needs to resume: the bucket, key, file and the parts already sent.
 * {@link #asString()} saves it (to a file, a database) and {@link #parse(String)} reads it back,
 * so a new Stockroom instance can resume with {@code stockroom.resume(token)}. It holds no
 * credentials and no object bytes.
 */
public final class ResumeToken {

  private static final String FORMAT = "stockroom-resume-1";

  private final DataKind kind;
  private final ResumableFileUpload upload;

  private ResumeToken(DataKind kind, ResumableFileUpload upload) {
    this.kind = kind;
    this.upload = upload;
  }

  /** Returns a token for {@code upload}, paused while storing an object of {@code kind}. */
  public static ResumeToken of(DataKind kind, ResumableFileUpload upload) {
    return new ResumeToken(Require.nonNull(kind, "kind"), Require.nonNull(upload, "upload"));
  }

  /**
   * Reads a token saved with {@link #asString()}.
   *
   * @throws IllegalArgumentException if the text is not a saved token
   */
  public static ResumeToken parse(String text) {
    Require.nonNull(text, "token");
    String[] parts = text.split("\n", 3);
    Require.argument(parts.length == 3 && parts[0].equals(FORMAT),
        "token must be a saved Stockroom resume token (first line '%s')", FORMAT);
    DataKind kind = DataKind.fromId(parts[1]);
    try {
      return new ResumeToken(kind, ResumableFileUpload.fromString(parts[2]));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("token holds no readable paused upload: "
          + e.getMessage(), e);
    }
  }

  /** Returns the token as text, to save and {@link #parse} later. */
  public String asString() {
    return FORMAT + "\n" + kind.id() + "\n" + upload.serializeToString();
  }

  /** Returns the kind the object is stored as. */
  public DataKind kind() {
    return kind;
  }

  /** Returns the bucket. */
  public String bucket() {
    return upload.uploadFileRequest().putObjectRequest().bucket();
  }

  /** Returns the object's full key. */
  public String key() {
    return upload.uploadFileRequest().putObjectRequest().key();
  }

  /** Returns the file being uploaded. */
  public Path file() {
    return upload.uploadFileRequest().source();
  }

  /** Returns the paused upload as the Transfer Manager keeps it. */
  public ResumableFileUpload upload() {
    return upload;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ResumeToken that && kind == that.kind && upload.equals(that.upload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, upload);
  }

  @Override
  public String toString() {
    return "ResumeToken{kind=" + kind + ", bucket=" + bucket() + ", key=" + key() + ", file="
        + file() + '}';
  }
}
