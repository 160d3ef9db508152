package dev.stockroom.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.UploadWithoutMicrometer;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Micrometer is optional: Stockroom builds, plans and uploads in a JVM without it. */
class WithoutMicrometerIT {

  @TempDir
  Path dir;

  @Test
  void stockroomWorks_withoutMicrometerOnTheClassPath() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    String classPath = Arrays.stream(System.getProperty("java.class.path")
            .split(File.pathSeparator))
        .filter(entry -> !entry.contains("micrometer"))
        .collect(Collectors.joining(File.pathSeparator));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = dir.resolve("child.log");
    Process child = new ProcessBuilder(List.of(java, "-cp", classPath,
        UploadWithoutMicrometer.class.getName(), SharedS3Mock.endpoint().toString(), bucket))
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    try {
      assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("child finished").isTrue();
    } finally {
      child.destroyForcibly();
    }
    String output = Files.readString(log);
    assertThat(child.exitValue()).as(output).isZero();
    assertThat(output).contains("NO_MICROMETER").contains("STORED");
    assertThat(SharedS3Mock.admin().headObject(b -> b.bucket(bucket)
        .key("media/product-images/without-micrometer.jpg")).contentLength()).isEqualTo(5);
  }
}
