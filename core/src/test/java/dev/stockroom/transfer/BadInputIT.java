package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad input fails with a clear, typed error naming the field, and nothing is written. */
class BadInputIT {

  private static final byte[] BYTES = {1, 2, 3};

  private final RecordingInterceptor requests = new RecordingInterceptor();
  private String bucket;
  private Stockroom stockroom;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    bucket = SharedS3Mock.newBucket();
    stockroom = StockroomOnS3Mock.builder(bucket, requests).build();
  }

  @AfterEach
  void nothingWasWritten() {
    stockroom.close();
    assertThat(requests.sent()).isEmpty();
    assertThat(SharedS3Mock.admin().listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }

  private void assertRefused(ThrowingCallable call, Class<? extends Throwable> type,
      String message) {
    assertThatThrownBy(call).isInstanceOf(type).hasMessage(message);
  }

  @Test
  void emptyName() {
    assertRefused(() -> stockroom.media().productImage(""), IllegalArgumentException.class,
        "name must not be empty");
  }

  @Test
  void blankNamesAndEmptySegments() {
    assertRefused(() -> stockroom.media().productImage("   "), IllegalArgumentException.class,
        "name must not be blank, but was '   '");
    assertRefused(() -> stockroom.media().productImage("sku//front.jpg"),
        IllegalArgumentException.class,
        "name must not contain empty or blank segments, but was 'sku//front.jpg'");
    assertRefused(() -> stockroom.media().productImage("sku/ /front.jpg"),
        IllegalArgumentException.class,
        "name must not contain empty or blank segments, but was 'sku/ /front.jpg'");
    assertRefused(() -> stockroom.media().productImage("sku/"), IllegalArgumentException.class,
        "name must not contain empty or blank segments, but was 'sku/'");
  }

  @Test
  void aContentTypeOf10Kilobytes_neverReachesS3() {
    String huge = "text/plain; x=" + "a".repeat(10 * 1024);
    assertThatThrownBy(() -> stockroom.media().page("p.html").upload(BYTES, huge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("contentType must be at most 512 characters, but was 10254 "
            + "characters ('text/plain; x=aaaa")
        .satisfies(e -> assertThat(e.getMessage()).hasSizeLessThan(400));
  }

  @Test
  void keyOver1024Bytes() {
    String name = "ä".repeat(500) + ".jpg";
    assertThatThrownBy(() -> stockroom.media().productImage(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key must be at most 1024 UTF-8 bytes long (was 1025), but was "
            + "'media/product-images/ää");
  }

  @Test
  void controlCharacters() {
    assertRefused(() -> stockroom.media().productImage("a\nb.jpg"), IllegalArgumentException.class,
        "name must not contain control characters, but was 'a\\u000ab.jpg'");
  }

  @Test
  void dotDotSegments() {
    assertRefused(() -> stockroom.media().productImage("../../transactional/orders/x.json"),
        IllegalArgumentException.class,
        "name must not contain '..' segments, but was '../../transactional/orders/x.json'");
  }

  @Test
  void leadingSlash() {
    assertRefused(() -> stockroom.media().userUpload("/etc/passwd"),
        IllegalArgumentException.class, "name must not start with '/', but was '/etc/passwd'");
  }

  @Test
  void fullKeyEscapingEveryPrefix() {
    assertThatThrownBy(() -> stockroom.object("backups/db.sql"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key 'backups/db.sql' lies under no known prefix");
    assertRefused(() -> stockroom.object("media/pages/../../backups/db.sql"),
        IllegalArgumentException.class,
        "key must not contain '..' segments, but was 'media/pages/../../backups/db.sql'");
  }

  @Test
  void missingFile() {
    Path missing = dir.resolve("missing.jpg");
    assertRefused(() -> stockroom.media().productImage("a.jpg").upload(missing),
        IllegalArgumentException.class, "file does not exist: '" + missing + "'");
  }

  @Test
  void directoryAsFile() {
    assertRefused(() -> stockroom.media().productImage("a.jpg").upload(dir),
        IllegalArgumentException.class,
        "file must be a regular file, but '" + dir + "' is a directory");
  }

  @Test
  void negativeLength() {
    assertRefused(() -> stockroom.logs().errorLog("e.log")
            .upload(new ByteArrayInputStream(BYTES), -1, "text/plain"),
        IllegalArgumentException.class, "length must not be negative, but was -1");
  }

  @Test
  void badContentType() {
    assertRefused(() -> stockroom.media().page("p.html").upload(BYTES, "html"),
        IllegalArgumentException.class, "contentType must be of the form type/subtype, but was "
            + "'html'");
  }

  @Test
  void badMetadata() {
    assertRefused(() -> stockroom.media().page("p.html").withMetadata("Bad Name", "x"),
        IllegalArgumentException.class, "metadata name must be a lowercase token of a-z, 0-9, "
            + "'.', '_' and '-', but was 'Bad Name'");
    assertRefused(() -> stockroom.media().page("p.html").withMetadata("note", "caf\u00e9"),
        IllegalArgumentException.class,
        "metadata value of 'note' must be printable ASCII, but was 'caf\u00e9'");
  }

  @Test
  void contentAddressedStream() {
    assertRefused(() -> stockroom.media().productImage("a.jpg").contentAddressed()
            .upload(new ByteArrayInputStream(BYTES), "image/jpeg"),
        IllegalArgumentException.class, "a content-addressed key needs the bytes before the "
            + "upload starts: upload a file or a byte array for 'media/product-images/a.jpg'");
  }

  @Test
  void unknownKind() {
    assertRefused(() -> DataKind.fromId("invoice"), IllegalArgumentException.class,
        "unknown data kind 'invoice'");
    assertRefused(() -> stockroom.media().kind(DataKind.ORDER), IllegalArgumentException.class,
        "kind must be a MEDIA kind, but was ORDER (TRANSACTIONAL)");
  }

  @Test
  void nulls() {
    assertRefused(() -> stockroom.media().productImage(null), NullPointerException.class,
        "name must not be null");
    assertRefused(() -> stockroom.media().productImage("a.jpg").upload((Path) null),
        NullPointerException.class, "file must not be null");
    assertRefused(() -> stockroom.media().productImage("a.jpg").upload((byte[]) null, "image/jpeg"),
        NullPointerException.class, "bytes must not be null");
  }

  @Test
  void asyncVariant_putsTheErrorInTheFuture() {
    var future = stockroom.media().productImage("a.jpg").uploadAsync(dir.resolve("missing.jpg"));
    assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anyCallAfterClose() {
    UploadTarget target = stockroom.media().productImage("a.jpg");
    stockroom.close();
    assertRefused(() -> target.upload(BYTES, "image/jpeg"), IllegalStateException.class,
        "stockroom is closed");
    assertRefused(() -> stockroom.media().productImages().uploadDirectory(dir),
        IllegalStateException.class, "stockroom is closed");
    assertRefused(() -> stockroom.lifecycle().apply(), IllegalStateException.class,
        "stockroom is closed");
  }
}
