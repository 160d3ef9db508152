package dev.stockroom.compat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.services.s3.S3Client;

/** Test data and what the tests read back: bucket names, seeded bytes, SHA-256 digests. */
final class Objects {

  private static final AtomicInteger BUCKETS = new AtomicInteger();

  private Objects() {}

  /** Returns a bucket name not used before in this JVM. */
  static String bucketName(String prefix) {
    return prefix + "-" + BUCKETS.incrementAndGet();
  }

  /** Returns {@code size} bytes from a seeded generator: the same bytes on every run. */
  static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  /** Writes {@code size} seeded bytes to {@code file} and returns it. */
  static Path file(Path file, int size, long seed) {
    try {
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes(size, seed));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns the SHA-256 of the object's bytes as the store serves them. */
  static String sha256(S3Client s3, String bucket, String key) {
    try (InputStream in = s3.getObject(g -> g.bucket(bucket).key(key))) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** Returns the SHA-256 of {@code bytes}. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
