package dev.stockroom.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * Changes bytes S3Mock holds on disk, behind S3's API, as a failing disk or a bug would: the way
 * to corrupt a stored version, which S3's API never allows. S3Mock 5.2.0 keeps each bucket in a
 * folder of its name, each version's bytes in a file ending with {@code binaryData}.
 */
public final class S3MockDisk {

  private S3MockDisk() {}

  /**
   * Flips the first byte of the one stored file of {@code bucket} that holds exactly {@code
   * content}; the size stays the same.
   *
   * @throws AssertionError unless exactly one such file is found
   */
  public static void corrupt(String bucket, byte[] content) throws IOException {
    Path folder = SharedS3Mock.storeRoot().resolve(bucket);
    List<Path> found;
    try (Stream<Path> files = Files.walk(folder)) {
      found = files.filter(Files::isRegularFile)
          .filter(file -> file.getFileName().toString().endsWith("binaryData"))
          .filter(file -> holds(file, content)).toList();
    }
    if (found.size() != 1) {
      throw new AssertionError("expected one stored file with the content in " + folder
          + ", found " + found);
    }
    byte[] bytes = content.clone();
    bytes[0] ^= 0x20;
    Files.write(found.get(0), bytes);
  }

  private static boolean holds(Path file, byte[] content) {
    try {
      return Files.size(file) == content.length
          && Arrays.equals(Files.readAllBytes(file), content);
    } catch (IOException e) {
      return false;
    }
  }
}
