package dev.stockroom.internal.transfer;

import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content-addressed keys: the first 64 bits of the bytes' SHA-256, in hex, before the extension. */
final class ContentAddress {

  private static final int HEX_DIGITS = 16;

  private ContentAddress() {}

  /** Returns the hash of a file's or an array's bytes (streams have no address before upload). */
  static String of(UploadSource source) {
    if (source instanceof UploadSource.FileSource file) {
      return of(file.file());
    }
    if (source instanceof UploadSource.BytesSource bytes) {
      return of(bytes.bytes());
    }
    throw new IllegalArgumentException("a content-addressed key needs the bytes before the upload "
        + "starts: upload a file or a byte array");
  }

  static String of(byte[] bytes) {
    return hex(sha256().digest(bytes));
  }

  static String of(Path file) {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot read '%s' to hash it", file), e);
    }
    return hex(digest.digest());
  }

  /** Returns {@code key} with {@code hash} before the last segment's extension. */
  static String key(String key, String hash) {
    int slash = key.lastIndexOf('/');
    int dot = key.lastIndexOf('.');
    return dot > slash + 1 ? key.substring(0, dot) + "." + hash + key.substring(dot)
        : key + "." + hash;
  }

  private static String hex(byte[] digest) {
    return HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
