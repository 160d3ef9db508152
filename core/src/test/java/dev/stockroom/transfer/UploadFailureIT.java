package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import ch.qos.logback.classic.Level;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.LogCapture;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/**
 * A failed multipart upload is aborted: no parts are left behind, the error names the key. A 2xx
 * without an ETag is a failure; a client error is answered once, not retried; a clean-up that
 * fails is one warning, and the caller gets the upload's own failure.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class UploadFailureIT {

  @TempDir
  Path dir;

  /** Fails every part after the first, before it is sent. */
  private static final class FailLaterParts implements ExecutionInterceptor {
    @Override
    public void beforeTransmission(Context.BeforeTransmission context,
        ExecutionAttributes attributes) {
      if (context.request() instanceof UploadPartRequest part && part.partNumber() > 1) {
        throw new IllegalStateException("part " + part.partNumber() + " lost");
      }
    }
  }

  @Test
  void failedPart_abortsTheMultipartUpload() throws IOException {
    String bucket = SharedS3Mock.newBucket();
    Path file = Testing.randomFile(dir.resolve("big.mp4"), 40 << 20, 3);

    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket, new FailLaterParts()).build()) {
      assertThatThrownBy(() -> stockroom.media().productVideo("big.mp4").upload(file))
          .isInstanceOf(TransferFailedException.class)
          .hasMessageStartingWith("Upload on 'media/product-videos/big.mp4' in bucket '" + bucket
              + "' failed: ")
          .satisfies(e -> assertThat(((TransferFailedException) e).key())
              .contains("media/product-videos/big.mp4"));
    }

    assertNoOrphans(bucket);
  }

  @Test
  void streamThatBreaks_abortsTheMultipartUpload() {
    String bucket = SharedS3Mock.newBucket();
    InputStream breaking = new FilterInputStream(InputStream.nullInputStream()) {
      private long sent;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (sent > 24 << 20) {
          throw new IOException("disk gone");
        }
        sent += len;
        return len;
      }
    };

    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket).build()) {
      assertThatThrownBy(() -> stockroom.logs().accessLog("huge.log").upload(breaking,
          "text/plain")).isInstanceOf(TransferFailedException.class)
          .hasMessageContaining("'logs/access/huge.log'");
    }

    assertNoOrphans(bucket);
  }

  @Test
  void a2xxWithoutETag_isAFailure_forPutObjectAndForCompleteMultipartUpload() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    Path big = Testing.randomFile(dir.resolve("big.mp4"), 20 << 20, 4);
    try (FaultyS3 proxy = new FaultyS3().withoutETag(FaultyS3.putObject()
            .or(FaultyS3.completeMultipartUpload()));
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket)
            .endpointOverride(proxy.endpoint()).build()) {
      assertThatThrownBy(() -> stockroom.media().productImage("a.jpg")
          .upload(new byte[] {1, 2, 3}, "image/jpeg"))
          .isInstanceOf(TransferFailedException.class)
          .hasMessage("Upload on 'media/product-images/a.jpg' in bucket '" + bucket + "' failed: "
              + "the upload was answered without an ETag");
      assertThatThrownBy(() -> stockroom.media().productVideo("big.mp4").upload(big))
          .isInstanceOf(TransferFailedException.class)
          .hasMessage("Upload on 'media/product-videos/big.mp4' in bucket '" + bucket + "' failed: "
              + "the upload was answered without an ETag");
      assertThat(proxy.received()).filteredOn(r -> r.method().equals("POST")
          && r.query().equals("uploadId")).as("CompleteMultipartUpload").hasSize(1);

      Files.writeString(dir.resolve("c.jpg"), "c");
      BatchResult batch = stockroom.media().productImages().uploadDirectory(dir);
      assertThat(batch.succeeded()).isEmpty();
      assertThat(batch.failed()).extracting(FileOutcome::key).containsExactlyInAnyOrder(
          "media/product-images/big.mp4", "media/product-images/c.jpg");
    }
  }

  @Test
  void aClientError_isAnsweredOnce_notRetried() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    Path file = Files.write(dir.resolve("front.jpg"), new byte[] {1, 2, 3});
    try (FaultyS3 proxy = new FaultyS3().refuse(FaultyS3.putObject(), 403, "AccessDenied");
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket)
            .endpointOverride(proxy.endpoint()).build()) {
      assertThatThrownBy(() -> stockroom.media().productImage("bytes.jpg")
          .upload(new byte[] {1, 2, 3}, "image/jpeg"))
          .isInstanceOf(TransferFailedException.class)
          .hasMessageStartingWith("Upload on 'media/product-images/bytes.jpg' in bucket '" + bucket
              + "' failed with AccessDenied (HTTP 403): Refused by the test's proxy.");
      assertThatThrownBy(() -> stockroom.media().productImage("file.jpg").upload(file))
          .isInstanceOf(TransferFailedException.class)
          .satisfies(e -> assertThat(((TransferFailedException) e).statusCode()).hasValue(403));

      assertThat(proxy.received()).extracting(r -> r.method() + " " + r.path() + " #"
          + r.attempt()).containsExactly("PUT /media/product-images/bytes.jpg #0",
              "PUT /media/product-images/file.jpg #0");
    }
    assertThat(SharedS3Mock.admin().listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }

  @Test
  void aCleanUpThatFails_isOneWarning_andTheCallerGetsTheUploadsOwnFailure() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    Path file = Testing.randomFile(dir.resolve("big.mp4"), 20 << 20, 5);
    try (FaultyS3 proxy = new FaultyS3()
            .refuse(FaultyS3.uploadPartFrom(2), 403, "AccessDenied")
            .refuse(FaultyS3.abortMultipartUpload(), 405, "MethodNotAllowed");
        LogCapture logs = new LogCapture();
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket)
            .endpointOverride(proxy.endpoint()).build()) {
      assertThatThrownBy(() -> stockroom.media().productVideo("big.mp4").upload(file))
          .isInstanceOf(TransferFailedException.class)
          .hasMessageStartingWith("Upload on 'media/product-videos/big.mp4' in bucket '" + bucket
              + "' failed with AccessDenied (HTTP 403)")
          .satisfies(e -> assertThat(((TransferFailedException) e).errorCode())
              .contains("AccessDenied"));

      assertThat(logs.messages(Level.WARN)).singleElement().asString()
          .startsWith("Could not check for leftover parts of 'media/product-videos/big.mp4' in "
              + "bucket '" + bucket + "': ")
          .contains("Status Code: 405");
      assertThat(proxy.faults()).filteredOn(f -> f.request().method().equals("DELETE"))
          .as("the SDK's abort, then Stockroom's").hasSize(2);
    }
    // the premise: the abort was refused, so the upload is still there
    assertThat(SharedS3Mock.admin().listMultipartUploads(l -> l.bucket(bucket)).uploads())
        .hasSize(1);
  }

  @Test
  void anUploadAlreadyGone_whenTheCleanUpAbortsIt_isNoWarning() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    Path file = Testing.randomFile(dir.resolve("big.mp4"), 20 << 20, 6);
    // as when the SDK's own abort wins the race with Stockroom's
    try (FaultyS3 proxy = new FaultyS3()
            .refuse(FaultyS3.uploadPartFrom(2), 403, "AccessDenied")
            .refuse(FaultyS3.abortMultipartUpload(), 404, "NoSuchUpload");
        LogCapture logs = new LogCapture();
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket)
            .endpointOverride(proxy.endpoint()).build()) {
      assertThatThrownBy(() -> stockroom.media().productVideo("big.mp4").upload(file))
          .isInstanceOf(TransferFailedException.class)
          .hasMessageContaining("failed with AccessDenied (HTTP 403)");

      assertThat(proxy.faults()).filteredOn(f -> f.request().method().equals("DELETE"))
          .hasSize(2);
      assertThat(logs.messages(Level.WARN)).isEmpty();
    }
  }

  private static void assertNoOrphans(String bucket) {
    var admin = SharedS3Mock.admin();
    assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }
}
