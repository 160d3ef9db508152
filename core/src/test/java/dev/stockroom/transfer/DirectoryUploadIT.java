package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.KmsKeyException;
import dev.stockroom.exception.StorageException;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.KmsStandIn;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

class DirectoryUploadIT {

  private final S3Client admin = SharedS3Mock.admin();
  private String bucket;
  private Stockroom stockroom;

  @TempDir
  Path catalog;

  @BeforeEach
  void setUp() {
    bucket = SharedS3Mock.newBucket();
    stockroom = StockroomOnS3Mock.builder(bucket).build();
  }

  @AfterEach
  void tearDown() {
    stockroom.close();
  }

  @Test
  void uploadDirectory_300Files_areAllStoredAndListed() throws IOException {
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < 300; i++) {
      String name = "sku-" + (i % 30) + "/img-" + i + ".jpg";
      Path file = catalog.resolve(name);
      Files.createDirectories(file.getParent());
      Files.write(file, ("image " + i).getBytes());
      expected.add("media/product-images/" + name);
    }
    List<BatchProgress> finished = new CopyOnWriteArrayList<>();

    BatchResult result = stockroom.media().productImages().uploadDirectory(catalog,
        new UploadProgressListener() {
          @Override
          public void fileFinished(FileOutcome outcome, BatchProgress progress) {
            finished.add(progress);
          }
        });

    assertThat(result.allSucceeded()).isTrue();
    assertThat(result.outcomes()).hasSize(300);
    assertThat(listKeys("media/product-images/")).isEqualTo(expected);
    assertThat(result.outcomes()).allSatisfy(o -> assertThat(
        admin.headObject(h -> h.bucket(bucket).key(o.key())).contentType()).isEqualTo("image/jpeg"));
    assertThat(finished).hasSize(300);
    assertThat(finished).extracting(BatchProgress::filesDone).contains(300L);
    assertThat(result.bytesStored()).isEqualTo(IntStream.range(0, 300)
        .map(i -> ("image " + i).length()).sum());
  }

  @Test
  void uploadDirectory_reportsEachFailure_andKeepsWhatWasStored() throws IOException {
    Files.writeString(catalog.resolve("good-1.jpg"), "a");
    Files.writeString(catalog.resolve("bad\u0001name.jpg"), "b");
    Files.writeString(catalog.resolve("good-2.jpg"), "c");

    BatchResult result = stockroom.media().productImages().uploadDirectory(catalog);

    assertThat(result.allSucceeded()).isFalse();
    assertThat(result.succeeded()).extracting(FileOutcome::key).containsExactly(
        "media/product-images/good-1.jpg", "media/product-images/good-2.jpg");
    assertThat(result.failed()).singleElement().satisfies(failed -> {
      assertThat(failed.key()).isEqualTo("media/product-images/bad\u0001name.jpg");
      assertThat(failed.failure()).get().isInstanceOf(IllegalArgumentException.class)
          .extracting(Throwable::getMessage).asString()
          .isEqualTo("name must not contain control characters, but was 'bad\\u0001name.jpg'");
    });
    assertThat(listKeys("")).containsExactly("media/product-images/good-1.jpg",
        "media/product-images/good-2.jpg");
    assertThatThrownBy(result::requireAllSucceeded).isInstanceOf(TransferFailedException.class)
        .hasMessageContaining("bad\\u0001name.jpg")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u0001"));
  }

  @Test
  void uploadDirectory_notADirectory_isRefused() throws IOException {
    Path file = Files.writeString(catalog.resolve("x.jpg"), "x");
    assertThatThrownBy(() -> stockroom.media().productImages().uploadDirectory(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("directory must be an existing directory, but was '" + file + "'");
    assertThat(listKeys("")).isEmpty();
  }

  @Test
  void aBadKmsKey_stopsTheBatchBeforeTheFirstFile() throws Exception {
    writeFiles(5);
    RecordingInterceptor requests = new RecordingInterceptor();
    try (KmsStandIn kms = new KmsStandIn().key(new KmsStandIn.Key("disabled-key", "Disabled",
            "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT"));
        KmsClient kmsClient = kms.client();
        Stockroom orders = StockroomOnS3Mock.builder(bucket, requests).kmsKeyId("disabled-key")
            .kmsClient(kmsClient).build()) {
      assertThatThrownBy(() -> orders.transactional().orders().uploadDirectory(catalog))
          .isInstanceOf(KmsKeyException.class)
          .hasMessage("KMS key 'disabled-key' is not enabled (state Disabled); SSE-KMS needs an "
              + "enabled SYMMETRIC_DEFAULT key with usage ENCRYPT_DECRYPT; nothing was sent for "
              + "'transactional/orders/'");
      assertThat(kms.describeCalls()).isEqualTo(1);
    }
    assertThat(requests.sent()).isEmpty();
    assertThat(listKeys("")).isEmpty();
  }

  @Test
  void aFailingObjectLockCheck_stopsTheBatchBeforeTheFirstFile() throws Exception {
    writeFiles(5);
    try (FaultyS3 proxy = new FaultyS3()
            .refuse(FaultyS3.objectLockConfiguration(), 403, "AccessDenied");
        Stockroom audit = StockroomOnS3Mock.builder(bucket).endpointOverride(proxy.endpoint())
            .build()) {
      assertThatThrownBy(() -> audit.logs().auditLogs().uploadDirectory(catalog))
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("GetObjectLockConfiguration on bucket '" + bucket
              + "' failed with AccessDenied (HTTP 403): ")
          .hasMessageEndingWith("; nothing was sent for 'logs/audit/'");
      assertThat(proxy.received()).extracting(r -> r.method() + " ?" + r.query())
          .containsExactly("GET ?object-lock");
    }
    assertThat(listKeys("")).isEmpty();
  }

  @Test
  void aFileFailingPastTheRetries_isAFailedOutcome_andTheOthersAreStoredAndReadable()
      throws Exception {
    writeFiles(5);
    try (FaultyS3 proxy = new FaultyS3().refuse(FaultyS3.putObject()
            .and(FaultyS3.keyEndsWith("/img-2.jpg")), 500, "InternalError");
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket)
            .endpointOverride(proxy.endpoint()).build()) {
      BatchResult result = stockroom.media().productImages().uploadDirectory(catalog);

      assertThat(result.failed()).singleElement().satisfies(failed -> {
        assertThat(failed.key()).isEqualTo("media/product-images/img-2.jpg");
        assertThat(failed.failure()).get().isInstanceOf(TransferFailedException.class)
            .extracting(Throwable::getMessage).asString().startsWith("Upload on "
                + "'media/product-images/img-2.jpg' in bucket '" + bucket + "' failed with "
                + "InternalError (HTTP 500)");
      });
      assertThat(proxy.received()).filteredOn(r -> r.path().endsWith("/img-2.jpg"))
          .as("retried before it failed").hasSizeGreaterThan(1);
    }
    assertThat(listKeys("")).containsExactly("media/product-images/img-0.jpg",
        "media/product-images/img-1.jpg", "media/product-images/img-3.jpg",
        "media/product-images/img-4.jpg");
    for (int i : new int[] {0, 1, 3, 4}) {
      assertThat(admin.getObjectAsBytes(g -> g.bucket(bucket)
          .key("media/product-images/img-" + i + ".jpg")).asUtf8String()).isEqualTo("image " + i);
    }
  }

  @Test
  @Timeout(value = 1, unit = TimeUnit.MINUTES)
  void maxConcurrentFiles_isHowManyFilesAreInFlight() throws Exception {
    writeFiles(10);
    try (FaultyS3 proxy = new FaultyS3().hold(FaultyS3.putObject());
        Stockroom three = StockroomOnS3Mock.builder(bucket).endpointOverride(proxy.endpoint())
            .transferSettings(t -> t.maxConcurrentFiles(3)).build()) {
      CompletableFuture<BatchResult> batch = three.media().productImages()
          .uploadDirectoryAsync(catalog, UploadProgressListener.NONE);
      proxy.awaitHeld(3);
      // time for a fourth file to start, if it were going to
      Thread.sleep(500);
      assertThat(proxy.held()).isEqualTo(3);
      proxy.release();

      assertThat(batch.get(30, TimeUnit.SECONDS).succeeded()).hasSize(10);
    }
    assertThat(listKeys("")).hasSize(10);
  }

  @Test
  void aContentAddressedDirectoryUpload_putsEachFilesHashBeforeItsExtension() throws Exception {
    Path front = write("sku-1/front.jpg", "front bytes");
    Path back = write("sku-1/back.png", "back bytes");
    Path dotted = write("v1.2/front.jpg", "another front");

    BatchResult result = stockroom.media().productImages().contentAddressed()
        .uploadDirectory(catalog);

    // as docs/uploads.md shows: the first 16 hex digits of the SHA-256, before the extension
    Set<String> expected = Set.of(
        "media/product-images/sku-1/front." + sha16(front) + ".jpg",
        "media/product-images/sku-1/back." + sha16(back) + ".png",
        "media/product-images/v1.2/front." + sha16(dotted) + ".jpg");
    assertThat(listKeys("")).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(result.succeeded()).extracting(FileOutcome::key)
        .containsExactlyInAnyOrderElementsOf(expected);
    String frontKey = "media/product-images/sku-1/front." + sha16(front) + ".jpg";
    assertThat(admin.getObjectAsBytes(g -> g.bucket(bucket).key(frontKey)).asUtf8String())
        .isEqualTo("front bytes");
  }

  private void writeFiles(int count) throws IOException {
    for (int i = 0; i < count; i++) {
      write("img-" + i + ".jpg", "image " + i);
    }
  }

  private Path write(String name, String content) throws IOException {
    Path file = catalog.resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }

  private static String sha16(Path file) throws IOException {
    return Testing.sha256(Files.newInputStream(file)).substring(0, 16);
  }

  private Set<String> listKeys(String prefix) {
    return admin.listObjectsV2Paginator(l -> l.bucket(bucket).prefix(prefix)).contents().stream()
        .map(S3Object::key).collect(Collectors.toCollection(TreeSet::new));
  }
}
