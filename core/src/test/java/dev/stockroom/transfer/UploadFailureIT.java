package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** A failed multipart upload is aborted: no parts are left behind, the error names the key. */
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

  private static void assertNoOrphans(String bucket) {
    var admin = SharedS3Mock.admin();
    assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }
}
