package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.ImportOneDirectory;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The crash drill: an import in another JVM is killed (SIGKILL) halfway; re-run with the same
 * journal, it skips what the journal records, re-sends at most what was in flight, and ends with
 * every file of the tree stored once, byte-identical.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ImportCrashIT {

  private static final int FILES = 400;

  private final S3Client admin = SharedS3Mock.admin();

  @TempDir
  Path dir;

  @Test
  void anImportKilledHalfway_resumesFromItsJournal_andStoresEveryFileOnce() throws Exception {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    for (int i = 0; i < FILES; i++) {
      Path file = catalog.resolve(String.format("sku-%03d/front.jpg", i));
      Files.createDirectories(file.getParent());
      Testing.randomFile(file, 20_000 + i, i);
    }
    Path journal = dir.resolve("catalog.journal");
    String bucket = SharedS3Mock.newBucket();

    Process child = startChild(bucket, catalog, journal);
    try {
      awaitHalfway(child);
    } finally {
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child is gone").isTrue();
    }
    long journaled = Files.readAllLines(journal).stream().filter(l -> l.startsWith("S\t"))
        .count();
    long storedBeforeRerun = admin.listObjectsV2Paginator(l -> l.bucket(bucket)).contents()
        .stream().count();
    assertThat(journaled).as("killed halfway").isBetween(1L, FILES - 1L);

    ImportResult rerun;
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket).build()) {
      rerun = stockroom.media().productImages().importFiles(ImportSource.directory(catalog),
          r -> r.journal(journal));
    }

    assertThat(rerun.filesAlreadyStored()).isEqualTo(journaled);
    assertThat(rerun.filesStored()).isEqualTo(FILES - journaled);
    assertThat(storedBeforeRerun - journaled).as("stored but not journaled: at most the four "
        + "files in flight").isBetween(0L, 4L);
    assertThat(contents(bucket)).isEqualTo(tree(catalog));
    System.out.printf("Crash drill: %d files, %d journaled when killed, %d stored but not yet "
        + "journaled (sent again), %d sent by the re-run%n", FILES, journaled,
        storedBeforeRerun - journaled, FILES - journaled);
  }

  private static Process startChild(String bucket, Path catalog, Path journal)
      throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
        ImportOneDirectory.class.getName(), SharedS3Mock.endpoint().toString(), bucket,
        catalog.toString(), journal.toString())).redirectErrorStream(true).start();
  }

  private static void awaitHalfway(Process child) throws IOException {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        // files finishing together may skip a count: halfway is any count from half on
        if (line.startsWith("DONE ") && Integer.parseInt(line.substring(5)) >= FILES / 2) {
          return;
        }
      }
    }
    throw new AssertionError("the child ended before it was halfway");
  }

  private Map<String, String> contents(String bucket) {
    Map<String, String> contents = new TreeMap<>();
    for (S3Object object : admin.listObjectsV2Paginator(l -> l.bucket(bucket)).contents()) {
      contents.put(object.key(), Testing.sha256(admin.getObject(g -> g.bucket(bucket)
          .key(object.key()))));
    }
    return contents;
  }

  private static Map<String, String> tree(Path catalog) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(catalog)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put("media/product-images/" + catalog.relativize(file),
            Testing.sha256(Files.newInputStream(file)));
      }
    }
    return contents;
  }
}
