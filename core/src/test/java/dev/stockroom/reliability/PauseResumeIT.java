package dev.stockroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.StoredObject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * A paused upload resumes, in a new Stockroom instance from its saved token, byte-identical,
 * sending only the parts the store lacks and keeping the headers it was created with. The pause
 * point is made by the proxy: the first parts go through, the next are held until the pause and
 * then dropped, so the store holds exactly the parts before them.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PauseResumeIT {

  /** The key both instances sign and check tokens with, as two processes of one shop would. */
  private static final byte[] TOKEN_KEY = "0123456789abcdef0123456789abcdef".getBytes(
      StandardCharsets.US_ASCII);
  private static final String ACCESS_KEY = "AKIAPAUSERESUMETEST7";
  private static final String SECRET_KEY = "pause/resume+Secret0Access1Key2Never3Saved";
  private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  private static final long MIB = 1 << 20;

  private final S3Client admin = SharedS3Mock.admin();

  @TempDir
  Path dir;

  private static Stockroom.Builder stockroom(String bucket, RecordingInterceptor requests) {
    return StockroomOnS3Mock.builder(bucket, requests).credentialsProvider(CREDENTIALS)
        .resumeTokenKey(TOKEN_KEY);
  }

  @Test
  void pausedUpload_resumesFromItsSavedToken_inANewInstance_sendingOnlyTheMissingParts()
      throws Exception {
    String bucket = SharedS3Mock.newBucket();
    // 80 MiB: ten parts of 8 MiB
    Path file = Testing.randomFile(dir.resolve("catalog-film.mp4"), 80 * MIB, 13);
    RecordingInterceptor first = new RecordingInterceptor();
    FileTransfer transfer;
    String saved;
    try (FaultyS3 proxy = new FaultyS3().hold(FaultyS3.uploadPartFrom(4));
        Stockroom stockroom = stockroom(bucket, first).endpointOverride(proxy.endpoint())
            .transferSettings(t -> t.maxConnections(2)).build()) {
      transfer = stockroom.media().productVideo("film.mp4").startUpload(file);
      // parts 4 and 5 held on both connections: parts 1 to 3 have been answered
      proxy.awaitHeld(2);
      ResumeToken token = transfer.pause();
      proxy.failHeld();
      saved = token.asString();
      assertThat(token.key()).isEqualTo("media/product-videos/film.mp4");
    }
    assertThatThrownBy(() -> transfer.completion().join())
        .isInstanceOf(CancellationException.class)
        .hasMessage("the upload of 'media/product-videos/film.mp4' was paused");
    assertHoldsNoSecretAndNoBytes(saved, file);
    String uploadId = field(saved, "upload-id");
    assertThat(admin.listParts(l -> l.bucket(bucket).key("media/product-videos/film.mp4")
        .uploadId(uploadId)).parts()).extracting(Part::partNumber).containsExactly(1, 2, 3);

    RecordingInterceptor second = new RecordingInterceptor();
    StoredObject stored;
    try (Stockroom fresh = stockroom(bucket, second).build()) {
      stored = fresh.resume(saved).completion().get(60, TimeUnit.SECONDS);
    }

    assertThat(partNumbers(second)).containsExactlyInAnyOrderElementsOf(
        IntStream.rangeClosed(4, 10).boxed().toList());
    assertThat(second.sent("CreateMultipartUpload")).isEmpty();
    assertThat(admin.headObject(h -> h.bucket(bucket).key(stored.key())).contentLength())
        .isEqualTo(80 * MIB);
    assertThat(Testing.sha256(admin.getObject(g -> g.bucket(bucket).key(stored.key()))))
        .isEqualTo(Testing.sha256(Files.newInputStream(file)));
    assertThat(admin.headObject(h -> h.bucket(bucket).key(stored.key())).cacheControl())
        .isEqualTo("public, max-age=31536000, immutable");
    assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void aResumedAuditLog_keepsItsStorageClassEncryptionTagAndRetention() throws Exception {
    String bucket = "locked-" + System.nanoTime();
    admin.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
    // 24 MiB: three parts of 8 MiB
    Path file = Testing.randomFile(dir.resolve("audit.log"), 24 * MIB, 17);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    RecordingInterceptor first = new RecordingInterceptor();
    String saved;
    try (FaultyS3 proxy = new FaultyS3().hold(FaultyS3.uploadPartFrom(2));
        Stockroom stockroom = audit(bucket, first, clock).endpointOverride(proxy.endpoint())
            .transferSettings(t -> t.maxConnections(1)).build()) {
      FileTransfer transfer = stockroom.logs().auditLog("2026/11/22/admin.log")
          .startUpload(file);
      // one connection: part 2 held means part 1 has been answered
      proxy.awaitHeld(1);
      saved = transfer.pause().asString();
      proxy.failHeld();
    }

    RecordingInterceptor second = new RecordingInterceptor();
    StoredObject stored;
    try (Stockroom fresh = audit(bucket, second, clock).build()) {
      stored = fresh.resume(saved).completion().get(60, TimeUnit.SECONDS);
    }

    String key = "logs/audit/2026/11/22/admin.log";
    assertThat(second.sent("CreateMultipartUpload")).as("resumed, not sent again").isEmpty();
    assertThat(partNumbers(second)).containsExactlyInAnyOrder(2, 3);
    // 2026-11-22T10:00:00Z + 7 years, the audit log policy's retention
    Instant retainUntil = Instant.parse("2033-11-22T10:00:00Z");
    assertThat(admin.headObject(h -> h.bucket(bucket).key(key)).storageClass())
        .isEqualTo(StorageClass.GLACIER);
    assertThat(stored.storageClass()).isEqualTo(StorageClass.GLACIER);
    assertThat(admin.getObjectTagging(t -> t.bucket(bucket).key(key)).tagSet())
        .containsExactly(Tag.builder().key("stockroom-kind").value("audit-log").build());
    // S3Mock reports neither SSE nor Object Lock on objects completed from parts: the one
    // multipart upload, created before the pause and completed after it, was created with them
    assertThat(first.sent("CreateMultipartUpload")).singleElement().satisfies(create -> {
      var headers = create.http().headers();
      assertThat(headers.get("x-amz-server-side-encryption")).containsExactly("aws:kms");
      assertThat(headers.get("x-amz-server-side-encryption-aws-kms-key-id"))
          .containsExactly(SharedS3Mock.KMS_KEY_ID);
      assertThat(headers.get("x-amz-object-lock-mode")).containsExactly("COMPLIANCE");
      assertThat(headers.get("x-amz-object-lock-retain-until-date"))
          .containsExactly(retainUntil.toString());
      assertThat(headers.get("x-amz-storage-class")).containsExactly("GLACIER");
    });
    assertThat(Testing.sha256(admin.getObject(g -> g.bucket(bucket).key(key))))
        .isEqualTo(Testing.sha256(Files.newInputStream(file)));
  }

  @Test
  void tokens_areChecked() {
    try (Stockroom stockroom = StockroomOnS3Mock.builder(SharedS3Mock.newBucket()).build()) {
      assertThatThrownBy(() -> stockroom.resume("hello"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("token must be a saved Stockroom resume token (first line "
              + "'stockroom-resume-2')");
    }
  }

  private static Stockroom.Builder audit(String bucket, RecordingInterceptor requests,
      MutableClock clock) {
    return stockroom(bucket, requests).clock(clock).kmsKeyId(SharedS3Mock.KMS_KEY_ID)
        .kmsKeyCheck(false).uploadHeaders(h -> h.kindTag(true));
  }

  private static List<Integer> partNumbers(RecordingInterceptor requests) {
    return requests.sent("UploadPart").stream()
        .map(sent -> ((UploadPartRequest) sent.request()).partNumber()).toList();
  }

  /**
   * The saved text holds no credentials, and none of the file's bytes: 16-byte samples from the
   * start of every part and from the end are found in it neither as they are, nor in base64 or
   * hex, also once its percent-encoded values are decoded.
   */
  private static void assertHoldsNoSecretAndNoBytes(String saved, Path file) throws IOException {
    assertThat(saved).doesNotContain(ACCESS_KEY).doesNotContain(SECRET_KEY)
        .doesNotContainIgnoringCase("Authorization").doesNotContain("Credential=")
        .doesNotContainIgnoringCase("X-Amz-Signature");
    assertThat(saved.length()).as("a token, not a copy of the file").isLessThan(2048);
    List<String> encodings = new ArrayList<>();
    long size = Files.size(file);
    List<Long> offsets = new ArrayList<>();
    for (long part = 0; part < size; part += 8 * MIB) {
      offsets.add(part);
    }
    offsets.add(size - 16);
    try (InputStream in = Files.newInputStream(file)) {
      long at = 0;
      for (long offset : offsets) {
        in.skipNBytes(offset - at);
        byte[] run = in.readNBytes(16);
        at = offset + run.length;
        encodings.add(new String(run, StandardCharsets.ISO_8859_1));
        encodings.add(Base64.getEncoder().encodeToString(run).substring(0, 20));
        encodings.add(Base64.getUrlEncoder().encodeToString(run).substring(0, 20));
        encodings.add(HexFormat.of().formatHex(run));
      }
    }
    // the text as saved, and with its percent-encoded values decoded
    List<String> texts = List.of(saved, URLDecoder.decode(saved, StandardCharsets.UTF_8));
    for (String text : texts) {
      String asLatin1 = new String(text.getBytes(StandardCharsets.UTF_8),
          StandardCharsets.ISO_8859_1);
      for (String run : encodings) {
        assertThat(asLatin1).doesNotContain(run);
        assertThat(text.toLowerCase()).doesNotContain(run.toLowerCase());
      }
    }
  }

  private static String field(String token, String name) {
    return URLDecoder.decode(token.lines().filter(line -> line.startsWith(name + "="))
        .findFirst().orElseThrow().substring(name.length() + 1), StandardCharsets.UTF_8);
  }
}
