package dev.stockroom.internal.transfer;

import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * Resumes a paused upload from its token, treating the token as untrusted input: its signature
 * is checked first, then it runs every check a fresh upload of that key and file runs (bucket,
 * key rules, the kind's prefix in the catalog in force, content type and metadata, the file a
 * regular readable file), refuses a file that is not the one paused (size, modification time),
 * and checks the paused parts against S3's limits. The request is then rebuilt from the kind's
 * policy in force like any upload; of the token only the key, file, content type, metadata and
 * the multipart upload's progress are used.
 */
public final class Resumption {

  /** S3 allows at most this many parts in one multipart upload. */
  static final long MAX_PARTS = 10_000;

  private final String bucket;
  private final ResumeTokens tokens;
  private final Function<DataKind, DefaultKindObjects> kinds;

  public Resumption(String bucket, ResumeTokens tokens,
      Function<DataKind, DefaultKindObjects> kinds) {
    this.bucket = bucket;
    this.tokens = tokens;
    this.kinds = kinds;
  }

  /**
   * Resumes the upload {@code savedText} describes.
   *
   * @throws IllegalArgumentException if the token is altered or signed with another key, is for
   *     another bucket, breaks a rule a fresh upload keeps, or its file changed since the pause
   */
  public FileTransfer resume(String savedText) {
    ResumeTokens.Fields token = tokens.read(savedText);
    Require.argument(token.bucket().equals(bucket), "token is for bucket '%s', but this Stockroom "
        + "stores into '%s'", token.bucket(), bucket);
    DefaultKindObjects kind = kinds.apply(token.kind());
    StoragePolicy policy = kind.policy();
    Require.argument(policy.covers(token.key()), "token's key '%s' is not under the %s prefix "
        + "'%s'", token.key(), policy.kind(), policy.prefix());
    DefaultUploadTarget target = kind.target(token.key().substring(policy.prefix().length()),
        checkedType(token), DefaultUploadTarget.checkMetadata(Map.of(), token.metadata()));
    UploadSource.FileSource source = sameFile(token);
    return target.resume(source, resumePoint(token));
  }

  /** As {@link #resume(String)}, for a token object (its text is checked again). */
  public FileTransfer resume(ResumeToken token) {
    return resume(Require.nonNull(token, "token").asString());
  }

  private static String checkedType(ResumeTokens.Fields token) {
    return ContentTypes.check(token.contentType());
  }

  private static UploadSource.FileSource sameFile(ResumeTokens.Fields token) {
    Path file = token.file();
    UploadSource.FileSource source = UploadSource.file(file);
    Instant modified;
    try {
      modified = Instant.ofEpochMilli(Files.getLastModifiedTime(file).toMillis());
    } catch (IOException e) {
      throw new UncheckedIOException(
          Require.format("cannot read the modification time of '%s'", file), e);
    }
    Require.argument(source.size() == token.size(), "file '%s' is not the file that was paused: "
        + "its size is %s bytes, but was %s", file, source.size(), token.size());
    Require.argument(modified.toEpochMilli() == token.modified().toEpochMilli(), "file '%s' is "
        + "not the file that was paused: it was modified at %s, after the pause (%s)", file,
        modified, token.modified());
    return source;
  }

  private static UploadRequest.ResumePoint resumePoint(ResumeTokens.Fields token) {
    if (token.uploadId() == null) {
      return null;
    }
    long partSize = token.partSize();
    Require.argument(partSize >= dev.stockroom.transfer.TransferSettings.MIN_PART_SIZE
        && partSize <= dev.stockroom.transfer.TransferSettings.MAX_PART_SIZE, "token's part size "
        + "must be between 5 MiB and 5 GiB, but was %s", partSize);
    long expected = (token.size() + partSize - 1) / partSize;
    Require.argument(token.totalParts() == expected && expected <= MAX_PARTS, "token's part count "
        + "must be %s for %s bytes in parts of %s, but was %s", expected, token.size(), partSize,
        token.totalParts());
    Require.argument(token.transferredParts() <= token.totalParts(), "token's parts sent (%s) "
        + "must not exceed its parts (%s)", token.transferredParts(), token.totalParts());
    return new UploadRequest.ResumePoint(token.uploadId(), partSize, token.totalParts(),
        token.transferredParts(), token.modified(), token.headers());
  }
}
