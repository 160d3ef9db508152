package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.UploadOneFile;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 1 GiB file uploads from a JVM limited to 64 MiB of heap: uploads stream from disk in parts and
 * never hold the file in memory. The upload runs in a forked JVM against the shared S3Mock.
 */
class LargeUploadMemoryIT {

  private static final long SIZE = 1L << 30;
  private static final int BLOCK = 1 << 20;

  @TempDir
  Path dir;

  @Test
  void oneGibibyte_uploadsWithALiveHeapFarBelowItsSize() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    Path file = stampedFile(dir.resolve("large.bin"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(List.of(java, "-Xmx128m",
        "-cp", System.getProperty("java.class.path"), UploadOneFile.class.getName(),
        SharedS3Mock.endpoint().toString(), bucket, file.toString()))
        .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    try {
      assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("child finished").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(dir.resolve("child.log"));
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("SIZE=" + SIZE);
    long live = number(output, "LIVE_HEAP_MAX");
    // a gibibyte streamed, not held: the upload keeps alive four 8 MiB parts in flight and the
    // SDK itself (about 57 MiB measured), nowhere near the file's size
    assertThat(live).as(output).isPositive().isLessThan(80L << 20);
    System.out.printf("1 GiB upload: live heap at most %.1f MiB (forced collections, -Xmx128m)%n",
        live / 1048576.0);

    var admin = SharedS3Mock.admin();
    String key = "media/product-videos/large.bin";
    assertThat(admin.headObject(h -> h.bucket(bucket).key(key)).contentLength()).isEqualTo(SIZE);
    for (long block : new long[] {0, 511, 1023}) {
      long from = block * BLOCK;
      byte[] range = admin.getObjectAsBytes(g -> g.bucket(bucket).key(key)
          .range("bytes=" + from + "-" + (from + 63))).asByteArray();
      assertThat(new String(range, StandardCharsets.US_ASCII)).startsWith("block " + block + " ");
    }
    admin.deleteObject(d -> d.bucket(bucket).key(key));
  }

  private static long number(String output, String name) {
    return Long.parseLong(output.replaceAll("(?s).*" + name + "=(\\d+).*", "$1"));
  }

  /** Writes 1 GiB in 1 MiB blocks, each starting with its number, so ranges can be checked. */
  private static Path stampedFile(Path file) throws IOException {
    ByteBuffer block = ByteBuffer.allocate(BLOCK);
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long i = 0; i < SIZE / BLOCK; i++) {
        block.clear();
        block.put(("block " + i + " ").getBytes(StandardCharsets.US_ASCII));
        out.write(block.array());
      }
    }
    return file;
  }
}
