package dev.stockroom.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.StoredObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Single and directory uploads on S3Proxy, with the one setting it needs for them: no SSE header
 * ({@code uploadHeaders(h -> h.serverSideEncryption(false))}). What each kind's policy promises
 * is read back from S3Proxy: bytes, storage class, Cache-Control, Content-Type.
 */
class S3ProxyUploadIT {

  @RegisterExtension
  static final InProcessS3Proxy s3proxy = new InProcessS3Proxy();

  /** DESIGN.md's policy table: key prefix, storage class at upload and Cache-Control. */
  private static final Map<DataKind, Expected> POLICY = Map.of(
      DataKind.PRODUCT_IMAGE, new Expected("media/product-images/", StorageClass.STANDARD,
          "public, max-age=31536000, immutable"),
      DataKind.PRODUCT_VIDEO, new Expected("media/product-videos/", StorageClass.STANDARD,
          "public, max-age=31536000, immutable"),
      DataKind.PAGE, new Expected("media/pages/", StorageClass.STANDARD, "public, max-age=3600"),
      DataKind.USER_UPLOAD, new Expected("media/user-uploads/", StorageClass.STANDARD,
          "private, max-age=3600"),
      DataKind.ACCESS_LOG, new Expected("logs/access/", StorageClass.STANDARD,
          "private, no-store"),
      DataKind.ERROR_LOG, new Expected("logs/error/", StorageClass.STANDARD, "private, no-store"),
      DataKind.AUDIT_LOG, new Expected("logs/audit/", StorageClass.GLACIER, "private, no-store"));

  private record Expected(String prefix, StorageClass storageClass, String cacheControl) {}

  private final S3Client admin = s3proxy.client();
  private String bucket;
  private Stockroom stockroom;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    s3proxy.clearRefusals();
    bucket = s3proxy.createBucket(Objects.bucketName("uploads"));
    stockroom = s3proxy.stockroom(bucket).uploadHeaders(h -> h.serverSideEncryption(false))
        .build();
  }

  @AfterEach
  void tearDown() {
    stockroom.close();
  }

  @ParameterizedTest
  @EnumSource(value = DataKind.class, names = {"ORDER", "CUSTOMER", "PAYMENT"},
      mode = EnumSource.Mode.EXCLUDE)
  void bytes_ofEachKindButTransactional_areStoredWithTheirStorageClassAndCacheControl(
      DataKind kind) {
    byte[] bytes = Objects.bytes(3000, kind.ordinal());
    StoredObject stored = stockroom.objects(kind).object("2026/11/22/a.json")
        .upload(bytes, "application/json");

    Expected expected = POLICY.get(kind);
    String key = expected.prefix() + "2026/11/22/a.json";
    HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(key));
    assertThat(stored.key()).isEqualTo(key);
    assertThat(Objects.sha256(admin, bucket, key)).isEqualTo(Objects.sha256(bytes));
    assertThat(head.storageClass()).isEqualTo(expected.storageClass());
    assertThat(head.cacheControl()).isEqualTo(expected.cacheControl());
    assertThat(head.contentType()).isEqualTo("application/json");
    assertThat(head.serverSideEncryption()).as("S3Proxy encrypts nothing").isNull();
    assertThat(stored.encryption()).as("no SSE header sent, none reported").isEmpty();
    assertThat(stored.storageClass()).isEqualTo(expected.storageClass());
    assertThat(stored.eTag()).isEqualTo(head.eTag());
    assertThat(s3proxy.refusals()).as("no header refused (audit logs ask for Object Lock)")
        .isSubsetOf("object-lock");
  }

  @Test
  void file_takesItsContentTypeFromTheName_andKeepsMetadata() {
    Path file = Objects.file(dir.resolve("front.webp"), 5000, 1);
    StoredObject stored = stockroom.media().productImage("sku-1/front.webp")
        .withMetadata("sku", "sku-1").upload(file);

    HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(stored.key()));
    assertThat(stored.key()).isEqualTo("media/product-images/sku-1/front.webp");
    assertThat(head.contentType()).isEqualTo("image/webp");
    assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    assertThat(head.metadata()).isEqualTo(Map.of("sku", "sku-1"));
    assertThat(Objects.sha256(admin, bucket, stored.key()))
        .isEqualTo(Objects.sha256(Objects.bytes(5000, 1)));
  }

  @Test
  void streamOfKnownLength_comesBackByteIdentical() {
    byte[] bytes = Objects.bytes(70_000, 2);
    StoredObject stored = stockroom.logs().errorLog("2026/11/22/app.log")
        .upload(new ByteArrayInputStream(bytes), bytes.length, "text/plain");

    assertThat(stored.size()).isEqualTo(bytes.length);
    assertThat(Objects.sha256(admin, bucket, stored.key())).isEqualTo(Objects.sha256(bytes));
    HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(stored.key()));
    assertThat(head.contentType()).isEqualTo("text/plain");
    assertThat(head.cacheControl()).isEqualTo("private, no-store");
  }

  @Test
  void streamOfUnknownLength_comesBackByteIdentical() {
    byte[] bytes = Objects.bytes(70_000, 3);
    StoredObject stored = stockroom.logs().accessLog("2026/11/22/cdn.log.gz")
        .upload(new ByteArrayInputStream(bytes), "application/gzip");

    assertThat(Objects.sha256(admin, bucket, stored.key())).isEqualTo(Objects.sha256(bytes));
    HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(stored.key()));
    assertThat(head.contentType()).isEqualTo("application/gzip");
    assertThat(head.cacheControl()).isEqualTo("private, no-store");
  }

  @Test
  void directory_everyFileIsStoredUnderTheKindsPrefix() {
    Path catalog = dir.resolve("catalog");
    Objects.file(catalog.resolve("sku-1/front.jpg"), 4000, 4);
    Objects.file(catalog.resolve("sku-1/back.png"), 5000, 5);
    Objects.file(catalog.resolve("sku-2/nested/side.jpg"), 6000, 6);

    BatchResult result = stockroom.media().productImages().uploadDirectory(catalog);

    assertThat(result.allSucceeded()).as(result.failed().toString()).isTrue();
    assertThat(result.outcomes()).extracting(FileOutcome::key).containsExactly(
        "media/product-images/sku-1/back.png", "media/product-images/sku-1/front.jpg",
        "media/product-images/sku-2/nested/side.jpg");
    assertThat(result.bytesStored()).isEqualTo(15_000);
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents())
        .extracting(o -> o.key()).containsExactly("media/product-images/sku-1/back.png",
            "media/product-images/sku-1/front.jpg", "media/product-images/sku-2/nested/side.jpg");
    HeadObjectResponse png = admin.headObject(h -> h.bucket(bucket)
        .key("media/product-images/sku-1/back.png"));
    assertThat(png.contentType()).isEqualTo("image/png");
    assertThat(png.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    assertThat(Objects.sha256(admin, bucket, "media/product-images/sku-2/nested/side.jpg"))
        .isEqualTo(Objects.sha256(Objects.bytes(6000, 6)));
  }

  @Test
  void accelerate_underTheEndpointOverride_isTurnedOff_andUploadsReachS3Proxy() {
    try (Stockroom accelerated = s3proxy.stockroom(bucket).accelerate(true)
        .uploadHeaders(h -> h.serverSideEncryption(false)).build()) {
      StoredObject stored = accelerated.media().page("index.html")
          .upload("<p>".getBytes(), "text/html");

      assertThat(accelerated.accelerated()).isFalse();
      assertThat(admin.headObject(h -> h.bucket(bucket).key(stored.key())).cacheControl())
          .isEqualTo("public, max-age=3600");
    }
  }
}
