package dev.stockroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.exception.PolicyViolationException;
import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.StoredObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A resume token is untrusted input: edited, unsigned or foreign tokens are refused before
 * anything is sent; a file that changed since the pause is refused; the resumed upload follows
 * the policy in force, not the one the token was paused under.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ResumeTokenSecurityIT {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef"
      .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210"
      .getBytes(StandardCharsets.US_ASCII);
  private static final int SIZE = 24 << 20;

  private final S3Client admin = SharedS3Mock.admin();
  private final RecordingInterceptor resumed = new RecordingInterceptor();
  private FaultyS3 proxy;
  private String bucket;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    proxy = new FaultyS3();
    bucket = SharedS3Mock.newBucket();
  }

  @AfterEach
  void tearDown() {
    proxy.release();
    proxy.close();
  }

  /** Pauses an upload of {@code file} as a product video once its first part is in flight. */
  private String pausedToken(Stockroom.Builder builder, Path file, DataKind kind, String name)
      throws Exception {
    proxy.hold(FaultyS3.uploadPart());
    try (Stockroom stockroom = builder.endpointOverride(proxy.endpoint()).build()) {
      var transfer = stockroom.objects(kind).object(name).startUpload(file);
      proxy.awaitHeld(1);
      ResumeToken token = transfer.pause();
      proxy.release();
      return token.asString();
    }
  }

  private Stockroom.Builder stockroom(byte[] key) {
    return StockroomOnS3Mock.builder(bucket, resumed).resumeTokenKey(key);
  }

  @ParameterizedTest
  @ValueSource(strings = {"key", "kind", "file", "content-type", "size", "upload-id",
      "signature"})
  void anEditedToken_isRefused_beforeAnythingIsSent(String field) throws Exception {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), SIZE, 1);
    String token = pausedToken(stockroom(KEY), file, DataKind.PRODUCT_VIDEO, "film.mp4");
    String edited = edit(token, field, value -> switch (field) {
      case "key" -> "media%2Fproduct-videos%2F..%2F..%2Ftransactional%2Forders%2Fx";
      case "kind" -> "order";
      case "file" -> "%2Fetc%2Fhostname";
      case "content-type" -> "text%2Fhtml";
      case "size" -> "1";
      case "signature" -> value.charAt(0) == 'A' ? "B" + value.substring(1)
          : "A" + value.substring(1);
      default -> value + "x";
    });
    resumed.clear();

    try (Stockroom stockroom = stockroom(KEY).build()) {
      assertThatThrownBy(() -> stockroom.resume(edited))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("token's signature does not match: it was altered, or signed by a Stockroom "
              + "with another resumeTokenKey (set the same key on both to resume in another "
              + "process)");
    }
    assertThat(resumed.sent()).isEmpty();
  }

  @Test
  void anUnsignedToken_isRefused() throws Exception {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), SIZE, 2);
    String token = pausedToken(stockroom(KEY), file, DataKind.PRODUCT_VIDEO, "film.mp4");
    String unsigned = token.substring(0, token.indexOf("signature="));
    try (Stockroom stockroom = stockroom(KEY).build()) {
      assertThatThrownBy(() -> stockroom.resume(unsigned))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("token is not signed: resume only tokens from FileTransfer.pause()");
      assertThatThrownBy(() -> stockroom.resume("x".repeat(70_000)))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("token must be at most 65536 characters, but was 70000");
    }
  }

  @Test
  void aTokenSignedWithAnotherKey_isRefused() throws Exception {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), SIZE, 3);
    String token = pausedToken(stockroom(OTHER_KEY), file, DataKind.PRODUCT_VIDEO, "film.mp4");
    try (Stockroom stockroom = stockroom(KEY).build()) {
      assertThatThrownBy(() -> stockroom.resume(token))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("token's signature does not match");
    }
  }

  @Test
  void aFileChangedSinceThePause_isRefused_namingTheFile() throws Exception {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), SIZE, 4);
    String token = pausedToken(stockroom(KEY), file, DataKind.PRODUCT_VIDEO, "film.mp4");
    FileTime paused = Files.getLastModifiedTime(file);

    Files.setLastModifiedTime(file, FileTime.fromMillis(paused.toMillis() + 5_000));
    try (Stockroom stockroom = stockroom(KEY).build()) {
      assertThatThrownBy(() -> stockroom.resume(token))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("file '" + file + "' is not the file that was paused: it was modified at "
              + java.time.Instant.ofEpochMilli(paused.toMillis() + 5_000) + ", after the pause ("
              + java.time.Instant.ofEpochMilli(paused.toMillis()) + ")");

      Files.write(file, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
      Files.setLastModifiedTime(file, paused);
      assertThatThrownBy(() -> stockroom.resume(token))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("file '" + file + "' is not the file that was paused: its size is "
              + (SIZE + 1) + " bytes, but was " + SIZE);
    }
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }

  @Test
  void theResumedUpload_followsThePolicyInForce_notThePausedOne() throws Exception {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), SIZE, 5);
    String token = pausedToken(stockroom(KEY).policies(p -> p.policy(DataKind.PRODUCT_VIDEO,
        v -> v.cacheControl("public, max-age=60"))), file, DataKind.PRODUCT_VIDEO, "film.mp4");

    StoredObject stored;
    try (Stockroom stockroom = stockroom(KEY).build()) {
      stored = stockroom.resume(token).completion().get(60, TimeUnit.SECONDS);
    }

    var head = admin.headObject(h -> h.bucket(bucket).key("media/product-videos/film.mp4"));
    assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    assertThat(stored.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    assertThat(Testing.sha256(admin.getObject(g -> g.bucket(bucket).key(stored.key()))))
        .isEqualTo(Testing.sha256(Files.newInputStream(file)));
    assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void aPartCutShortInTheStore_isNotTrusted_theFileIsSentFromTheStart() throws Exception {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), SIZE, 7);
    String token = pausedToken(stockroom(KEY), file, DataKind.PRODUCT_VIDEO, "film.mp4");
    String uploadId = java.net.URLDecoder.decode(token.lines()
        .filter(line -> line.startsWith("upload-id=")).findFirst().orElseThrow()
        .substring("upload-id=".length()), StandardCharsets.UTF_8);
    // what a pause can leave in a store that keeps a part whose body never arrived whole
    admin.uploadPart(u -> u.bucket(bucket).key("media/product-videos/film.mp4").uploadId(uploadId)
        .partNumber(1).checksumAlgorithm(software.amazon.awssdk.services.s3.model
            .ChecksumAlgorithm.CRC32_C),
        software.amazon.awssdk.core.sync.RequestBody.fromBytes(new byte[1024]));

    StoredObject stored;
    try (Stockroom stockroom = stockroom(KEY).build()) {
      stored = stockroom.resume(token).completion().get(60, TimeUnit.SECONDS);
    }

    assertThat(Testing.sha256(admin.getObject(g -> g.bucket(bucket).key(stored.key()))))
        .isEqualTo(Testing.sha256(Files.newInputStream(file)));
    assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
  }

  @Test
  void transactionalData_isNotResumed_withoutAKmsKey() throws Exception {
    Path file = Testing.randomFile(dir.resolve("orders.json"), SIZE, 6);
    String token = pausedToken(stockroom(KEY).kmsKeyId(SharedS3Mock.KMS_KEY_ID)
        .kmsKeyCheck(false), file, DataKind.ORDER, "2026/orders.json");
    resumed.clear();

    try (Stockroom stockroom = stockroom(KEY).build()) {
      assertThatThrownBy(() -> stockroom.resume(token).completion().join())
          .cause().isInstanceOf(PolicyViolationException.class)
          .hasMessageStartingWith("ORDER objects must be encrypted with SSE-KMS, but no KMS key "
              + "is configured");
    }
    assertThat(resumed.sent("UploadPart")).isEmpty();
    assertThat(resumed.sent("CompleteMultipartUpload")).isEmpty();
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }

  /** Returns {@code token} with the value of {@code field} replaced, signature kept. */
  private static String edit(String token, String field, UnaryOperator<String> change) {
    StringBuilder out = new StringBuilder();
    for (String line : token.split("\n", -1)) {
      if (line.startsWith(field + "=")) {
        line = field + "=" + change.apply(line.substring(field.length() + 1));
      }
      out.append(line).append('\n');
    }
    String edited = out.substring(0, out.length() - 1);
    assertThat(edited).isNotEqualTo(token);
    return edited;
  }
}
