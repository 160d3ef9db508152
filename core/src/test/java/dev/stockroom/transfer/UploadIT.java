package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.testing.KmsStandIn;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

/** Each kind's objects, read back from S3: the headers their policy promises. */
class UploadIT {

  private static KmsStandIn kms;
  private static software.amazon.awssdk.services.kms.KmsClient kmsClient;
  private final S3Client admin = SharedS3Mock.admin();
  private final RecordingInterceptor requests = new RecordingInterceptor();
  private String bucket;
  private Stockroom stockroom;

  @TempDir
  Path dir;

  @BeforeAll
  static void startKms() throws IOException {
    kms = new KmsStandIn().key(KmsStandIn.usable(SharedS3Mock.KMS_KEY_ID));
    kmsClient = kms.client();
  }

  @AfterAll
  static void stopKms() {
    kmsClient.close();
    kms.close();
  }

  @BeforeEach
  void setUp() {
    bucket = SharedS3Mock.newBucket();
    stockroom = StockroomOnS3Mock.builder(bucket, requests).kmsKeyId(SharedS3Mock.KMS_KEY_ID)
        .kmsClient(kmsClient).build();
  }

  @AfterEach
  void tearDown() {
    stockroom.close();
  }

  @ParameterizedTest
  @EnumSource(DataKind.class)
  void upload_eachKind_isStoredWithItsPolicy(DataKind kind) {
    byte[] bytes = ("content of " + kind).getBytes(StandardCharsets.UTF_8);
    StoredObject stored = stockroom.objects(kind).object("a/b.json").upload(bytes,
        "application/json");

    var policy = stockroom.policies().policy(kind);
    String key = policy.prefix() + "a/b.json";
    HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(key)
        .checksumMode(ChecksumMode.ENABLED));
    boolean kmsExpected = policy.encryption() != dev.stockroom.policy.EncryptionRequirement.S3_MANAGED;

    assertThat(stored.key()).isEqualTo(key);
    assertThat(head.contentLength()).isEqualTo(bytes.length);
    assertThat(head.cacheControl()).isEqualTo(policy.cacheControl());
    assertThat(head.contentType()).isEqualTo("application/json");
    assertThat(storageClass(head)).isEqualTo(policy.storageClass());
    assertThat(head.serverSideEncryption()).isEqualTo(kmsExpected ? ServerSideEncryption.AWS_KMS
        : ServerSideEncryption.AES256);
    if (kmsExpected) {
      assertThat(head.ssekmsKeyId()).contains(SharedS3Mock.KMS_KEY_ID);
      assertThat(head.bucketKeyEnabled()).isTrue();
    }
    assertThat(admin.getObjectTagging(t -> t.bucket(bucket).key(key)).tagSet())
        .as("no tag unless asked: the kind is in the prefix").isEmpty();
    // what the caller is told is what S3 holds
    assertThat(stored.storageClass()).isEqualTo(storageClass(head));
    assertThat(stored.size()).isEqualTo(head.contentLength());
    assertThat(stored.eTag()).isEqualTo(head.eTag());
    assertThat(head.checksumCRC32C()).isEqualTo(crc32c(bytes));
    assertThat(stored.checksumCrc32c()).contains(crc32c(bytes));
  }

  @Test
  void upload_file_takesContentTypeFromNameAndKeepsMetadata() throws IOException {
    Path file = Files.write(dir.resolve("front.webp"), new byte[] {1, 2, 3});
    StoredObject stored = stockroom.media().productImage("sku-1/front.webp")
        .withMetadata("sku", "sku-1").upload(file);

    HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(stored.key()));
    assertThat(head.contentType()).isEqualTo("image/webp");
    assertThat(head.metadata()).isEqualTo(Map.of("sku", "sku-1"));
  }

  @Test
  void upload_streamOfKnownLength() {
    byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
    StoredObject stored = stockroom.logs().errorLog("x.log")
        .upload(new ByteArrayInputStream(bytes), bytes.length, "text/plain");
    assertThat(admin.getObjectAsBytes(g -> g.bucket(bucket).key(stored.key())).asByteArray())
        .isEqualTo(bytes);
  }

  @Test
  void upload_64MiB_goesInPartsAndComesBackByteIdentical() throws Exception {
    Path file = Testing.randomFile(dir.resolve("video.mp4"), 64 << 20, 7);

    StoredObject stored = stockroom.media().productVideo("sku-1/demo.mp4").upload(file);

    assertThat(requests.sent("UploadPart")).hasSize(8);
    HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(stored.key())
        .checksumMode(ChecksumMode.ENABLED));
    assertThat(head.contentLength()).isEqualTo(64L << 20);
    assertThat(stored.size()).isEqualTo(head.contentLength());
    // S3's checksum of a multipart object: the CRC32C of the parts' CRC32Cs, then "-" and the
    // number of parts (8 parts of 8 MiB)
    String composite = compositeCrc32c(Files.readAllBytes(file), 8 << 20);
    assertThat(composite).endsWith("-8");
    assertThat(head.checksumCRC32C()).isEqualTo(composite);
    assertThat(stored.checksumCrc32c()).contains(composite);
    assertThat(Testing.sha256(admin.getObject(g -> g.bucket(bucket).key(stored.key()))))
        .isEqualTo(Testing.sha256(Files.newInputStream(file)));
    assertSentWithKms(stored.key());
    assertThat(admin.headObject(h -> h.bucket(bucket).key(stored.key())).cacheControl())
        .isEqualTo("public, max-age=31536000, immutable");
  }

  /**
   * S3Mock does not report SSE on objects completed from parts, so check what Stockroom sent when
   * it created the multipart upload.
   */
  private void assertSentWithKms(String key) {
    var create = requests.sent("CreateMultipartUpload");
    assertThat(create).singleElement().satisfies(sent -> {
      var headers = sent.http().headers();
      assertThat(sent.http().encodedPath()).endsWith(key);
      assertThat(headers.get("x-amz-server-side-encryption")).containsExactly("aws:kms");
      assertThat(headers.get("x-amz-server-side-encryption-aws-kms-key-id"))
          .containsExactly(SharedS3Mock.KMS_KEY_ID);
      assertThat(headers.get("x-amz-server-side-encryption-bucket-key-enabled"))
          .containsExactly("true");
      assertThat(headers.get("x-amz-checksum-algorithm")).containsExactly("CRC32C");
    });
  }

  @Test
  void upload_streamOfUnknownLength_goesInPartsAndComesBackByteIdentical() throws Exception {
    Path file = Testing.randomFile(dir.resolve("export.ndjson"), 20 << 20, 11);

    StoredObject stored;
    try (var in = Files.newInputStream(file)) {
      stored = stockroom.transactional().order("2026/11/22/export.ndjson")
          .upload(in, "application/x-ndjson");
    }

    assertThat(stored.size()).isEqualTo(20 << 20);
    assertThat(requests.sent("UploadPart")).hasSizeGreaterThanOrEqualTo(3);
    assertThat(Testing.sha256(admin.getObject(g -> g.bucket(bucket).key(stored.key()))))
        .isEqualTo(Testing.sha256(Files.newInputStream(file)));
    assertSentWithKms(stored.key());
    assertThat(admin.headObject(h -> h.bucket(bucket).key(stored.key())).cacheControl())
        .isEqualTo("private, no-store");
  }

  @Test
  void upload_contentAddressed_putsTheHashInTheKey() throws IOException {
    Path file = Files.writeString(dir.resolve("front.jpg"), "jpeg bytes");
    String sha = Testing.sha256(Files.newInputStream(file)).substring(0, 16);

    StoredObject stored = stockroom.media().productImage("sku-1/front.jpg").contentAddressed()
        .upload(file);
    StoredObject again = stockroom.media().productImages().contentAddressed()
        .object("sku-1/front.jpg").upload(Files.readAllBytes(file), "image/jpeg");

    assertThat(stored.key()).isEqualTo("media/product-images/sku-1/front." + sha + ".jpg");
    assertThat(again.key()).isEqualTo(stored.key());
    assertThat(admin.headObject(h -> h.bucket(bucket).key(stored.key())).contentType())
        .isEqualTo("image/jpeg");
  }

  @Test
  void uploadAsync_completesWithTheStoredObject() throws Exception {
    StoredObject stored = stockroom.media().page("index.html")
        .uploadAsync("<h1>shop</h1>".getBytes(StandardCharsets.UTF_8), "text/html").get();
    assertThat(admin.headObject(h -> h.bucket(bucket).key("media/pages/index.html"))
        .cacheControl()).isEqualTo("public, max-age=3600");
    assertThat(stored.kind()).isEqualTo(DataKind.PAGE);
  }

  @Test
  void object_classifiesAFullKey() {
    StoredObject stored = stockroom.object("logs/access/2026/11/22/a.log")
        .upload("GET /".getBytes(StandardCharsets.UTF_8), "text/plain");
    assertThat(stored.kind()).isEqualTo(DataKind.ACCESS_LOG);
    assertThat(stored.key()).isEqualTo("logs/access/2026/11/22/a.log");
  }

  /** Returns the base64 CRC32C of {@code bytes}, as S3 reports a single-part object's. */
  private static String crc32c(byte[] bytes) {
    return crc32c(bytes, 0, bytes.length);
  }

  private static String crc32c(byte[] bytes, int from, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, from, length);
    return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue())
        .array());
  }

  /** Returns S3's composite checksum of an object sent in parts of {@code partSize}. */
  private static String compositeCrc32c(byte[] bytes, int partSize) {
    ByteBuffer partChecksums = ByteBuffer.allocate(4 * ((bytes.length + partSize - 1) / partSize));
    for (int from = 0; from < bytes.length; from += partSize) {
      partChecksums.put(Base64.getDecoder().decode(crc32c(bytes, from,
          Math.min(partSize, bytes.length - from))));
    }
    return crc32c(partChecksums.array()) + "-" + partChecksums.capacity() / 4;
  }

  private static StorageClass storageClass(HeadObjectResponse head) {
    return head.storageClass() == null ? StorageClass.STANDARD : head.storageClass();
  }

  @Test
  void withKindTags_eachObjectIsTaggedWithItsKind() {
    try (Stockroom tagging = StockroomOnS3Mock.builder(bucket).uploadHeaders(h -> h.kindTag(true))
        .build()) {
      StoredObject stored = tagging.media().page("tagged.html")
          .upload("<p>".getBytes(), "text/html");
      assertThat(admin.getObjectTagging(t -> t.bucket(bucket).key(stored.key())).tagSet())
          .containsExactly(Tag.builder().key("stockroom-kind").value("page").build());
    }
  }
}
