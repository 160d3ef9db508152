package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Imports: journaled re-runs send nothing stored again, bad input is refused before anything is
 * sent, failures are counted and only the first kept, and a SlowDown burst lowers the number of
 * files in flight, which then recovers, with every file stored.
 */
class ImportIT {

  private final S3Client admin = SharedS3Mock.admin();
  private final RecordingInterceptor requests = new RecordingInterceptor();

  @TempDir
  Path dir;

  private Path catalog(int files) throws IOException {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    for (int i = 0; i < files; i++) {
      Path file = catalog.resolve(String.format("sku-%03d/front.jpg", i));
      Files.createDirectories(file.getParent());
      Files.writeString(file, "image " + i);
    }
    return catalog;
  }

  private Map<String, String> bucketContents(String bucket) {
    Map<String, String> contents = new TreeMap<>();
    for (S3Object object : admin.listObjectsV2Paginator(l -> l.bucket(bucket)).contents()) {
      contents.put(object.key(), Testing.sha256(admin.getObject(g -> g.bucket(bucket)
          .key(object.key()))));
    }
    return contents;
  }

  private static Map<String, String> treeContents(Path catalog, String prefix) throws IOException {
    Map<String, String> contents = new TreeMap<>();
    try (Stream<Path> files = Files.walk(catalog)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        contents.put(prefix + catalog.relativize(file).toString().replace('\\', '/'),
            Testing.sha256(Files.newInputStream(file)));
      }
    }
    return contents;
  }

  @Test
  void aJournaledImport_storesEveryFile_andItsReRun_sendsNothing() throws IOException {
    Path catalog = catalog(60);
    Path journal = dir.resolve("catalog.journal");
    String bucket = SharedS3Mock.newBucket();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket, requests).build()) {
      ImportResult first = stockroom.media().productImages().importFiles(
          ImportSource.directory(catalog), r -> r.journal(journal));

      assertThat(first.filesStored()).isEqualTo(60);
      assertThat(first.allSucceeded()).isTrue();
      assertThat(bucketContents(bucket)).isEqualTo(treeContents(catalog, "media/product-images/"));
      assertThat(Files.readAllLines(journal).stream().filter(l -> l.startsWith("S\t")))
          .hasSize(60);

      requests.clear();
      Files.writeString(catalog.resolve("sku-007/front.jpg"), "a new front image");
      ImportResult again = stockroom.media().productImages().importFiles(
          ImportSource.directory(catalog), r -> r.journal(journal));

      assertThat(again.filesAlreadyStored()).isEqualTo(59);
      assertThat(again.filesStored()).as("only the file that changed").isEqualTo(1);
      assertThat(requests.sent("PutObject")).hasSize(1);
      assertThat(bucketContents(bucket)).isEqualTo(treeContents(catalog, "media/product-images/"));
    }
  }

  @Test
  void aJournalOfAnotherSource_orAMissingDirectory_isRefused_beforeAnythingIsSent()
      throws IOException {
    Path catalog = catalog(3);
    Path other = Files.createDirectories(dir.resolve("other"));
    Path journal = dir.resolve("catalog.journal");
    String bucket = SharedS3Mock.newBucket();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket, requests).build()) {
      stockroom.media().productImages().importFiles(ImportSource.directory(catalog),
          r -> r.journal(journal));
      requests.clear();

      assertThatThrownBy(() -> stockroom.media().productImages().importFiles(
          ImportSource.directory(other), r -> r.journal(journal)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("journal '" + journal + "' was written for bucket '" + bucket
              + "', kind product-image, prefix 'media/product-images/', source directory "
              + catalog.toRealPath());
      assertThatThrownBy(() -> stockroom.media().pages().importFiles(
          ImportSource.directory(catalog), r -> r.journal(journal)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("kind product-image");
      Path missing = dir.resolve("missing");
      assertThatThrownBy(() -> stockroom.media().productImages().importFiles(
          ImportSource.directory(missing), r -> { }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("directory must be an existing directory, but was '" + missing + "'");
      Path garbage = Files.writeString(dir.resolve("garbage.journal"), "\u0000\u0001binary");
      assertThatThrownBy(() -> stockroom.media().productImages().importFiles(
          ImportSource.directory(catalog), r -> r.journal(garbage)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("journal '" + garbage + "' is not a Stockroom import journal (first line "
              + "'stockroom-import-1' expected)");
      // a line break in a path is shown escaped, so that it cannot forge a log line
      Path unopenable = dir.resolve("no\nsuch").resolve("catalog.journal");
      assertThatThrownBy(() -> stockroom.media().productImages().importFiles(
          ImportSource.directory(catalog), r -> r.journal(unopenable)))
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasMessage("cannot open journal '" + dir + "/no\\u000asuch/catalog.journal'");
    }
    assertThat(requests.sent("PutObject")).isEmpty();
  }

  @Test
  void aCallersItems_withRefusedNamesAndLinks_areCounted_andOnlyTheFirstFailuresKept()
      throws IOException {
    Path file = Files.writeString(dir.resolve("a.jpg"), "a");
    Path link = Files.createSymbolicLink(dir.resolve("link.jpg"), file);
    List<ImportItem> items = new ArrayList<>();
    items.add(new ImportItem(file, "good/a.jpg"));
    for (int i = 0; i < 5; i++) {
      items.add(new ImportItem(file, "bad//name-" + i + ".jpg"));
    }
    items.add(new ImportItem(link, "linked.jpg"));
    Path journal = dir.resolve("items.journal");
    String bucket = SharedS3Mock.newBucket();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket).build()) {
      ImportResult result = stockroom.media().productImages().importFiles(
          ImportSource.of("export-2026-11-22", items.stream()),
          r -> r.journal(journal).failuresKept(2));

      assertThat(result.filesStored()).isEqualTo(1);
      assertThat(result.filesFailed()).isEqualTo(5);
      assertThat(result.filesSkipped()).isEqualTo(1);
      assertThat(result.failures()).hasSize(2).allSatisfy(failure -> assertThat(failure.reason())
          .hasValueSatisfying(reason -> assertThat(reason)
              .startsWith("name must not contain empty or blank segments")));
      assertThat(Files.readAllLines(journal).stream().filter(l -> l.startsWith("F\t")))
          .hasSize(5);
      assertThatThrownBy(result::requireAllSucceeded)
          .hasMessageStartingWith("the import of 'export-2026-11-22' did not store every file: 5 "
              + "failed, 1 skipped");
    }
    assertThat(bucketContents(bucket)).containsOnlyKeys("media/product-images/good/a.jpg");
  }

  @Test
  void aSlowDownBurst_lowersTheFilesInFlight_whichRecover_andEveryFileIsStored()
      throws IOException {
    Path catalog = catalog(300);
    String bucket = SharedS3Mock.newBucket();
    List<Integer> concurrency = new CopyOnWriteArrayList<>();
    try (FaultyS3 proxy = new FaultyS3().slowDownOncePerKey(40);
        Stockroom stockroom = Stockroom.builder().bucket(bucket).region(SharedS3Mock.REGION)
            .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(proxy.endpoint())
            .forcePathStyle(true).transferSettings(t -> t.maxConcurrentFiles(16)).build()) {
      ImportResult result = stockroom.media().productImages().importFiles(
          ImportSource.directory(catalog), r -> r.listener(new UploadProgressListener() {
            @Override
            public void fileFinished(FileOutcome outcome, BatchProgress progress) {
              concurrency.add(progress.concurrency());
            }
          }));

      assertThat(proxy.faultsInjected()).isGreaterThanOrEqualTo(40);
      assertThat(result.filesStored()).isEqualTo(300);
      assertThat(result.filesFailed()).isZero();
      int lowest = concurrency.stream().mapToInt(Integer::intValue).min().orElseThrow();
      assertThat(lowest).as("the burst lowered the files in flight").isLessThan(16);
      assertThat(concurrency.get(concurrency.size() - 1)).as("and they recovered")
          .isGreaterThan(lowest);
    }
    assertThat(bucketContents(bucket)).isEqualTo(treeContents(catalog, "media/product-images/"));
  }

  @Test
  void aFileFailingMidImport_isAFailedOutcome_andLeavesNoMultipartUploadOpen()
      throws IOException {
    Path catalog = catalog(3);
    // above the multipart threshold: sent in parts, every part refused past the retries
    Files.write(catalog.resolve("sku-000/video.jpg"), new byte[17 << 20]);
    String bucket = SharedS3Mock.newBucket();
    try (FaultyS3 proxy = new FaultyS3().alwaysFail(FaultyS3.uploadPart());
        Stockroom stockroom = Stockroom.builder().bucket(bucket).region(SharedS3Mock.REGION)
            .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(proxy.endpoint())
            .forcePathStyle(true).build()) {
      ImportResult result = stockroom.media().productImages().importFiles(
          ImportSource.directory(catalog), r -> r.journal(dir.resolve("import.journal")));

      assertThat(result.filesStored()).isEqualTo(3);
      assertThat(result.filesFailed()).isEqualTo(1);
      assertThat(result.failures()).singleElement().satisfies(failure -> assertThat(
          failure.key()).isEqualTo("media/product-images/sku-000/video.jpg"));
    }
    assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
    assertThat(bucketContents(bucket)).hasSize(3)
        .doesNotContainKey("media/product-images/sku-000/video.jpg");
  }

  @Test
  void aJournalIsTextAPersonCanRead() throws IOException {
    Path catalog = catalog(1);
    Path journal = dir.resolve("catalog.journal");
    try (Stockroom stockroom = StockroomOnS3Mock.builder(SharedS3Mock.newBucket()).build()) {
      stockroom.media().productImages().importFiles(ImportSource.directory(catalog),
          r -> r.journal(journal));
    }
    List<String> lines = Files.readAllLines(journal, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).isEqualTo("stockroom-import-1");
    assertThat(lines.get(1)).startsWith("T\t");
    assertThat(lines.get(2)).startsWith("S\tsku-000%2Ffront.jpg\t7\t");
  }
}
