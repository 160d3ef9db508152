package dev.stockroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import dev.stockroom.transfer.FileTransfer;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.transfer.StoredObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** A paused upload resumes, in a new Stockroom instance from its saved token, byte-identical. */
class PauseResumeIT {

  /** The key both instances sign and check tokens with, as two processes of one shop would. */
  private static final byte[] TOKEN_KEY = "0123456789abcdef0123456789abcdef".getBytes(
      java.nio.charset.StandardCharsets.US_ASCII);

  @TempDir
  Path dir;

  /** Slows parts down so that the test can pause mid-upload; counts the parts that arrived. */
  private static final class SlowParts implements ExecutionInterceptor {
    final AtomicInteger sent = new AtomicInteger();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context,
        ExecutionAttributes attributes) {
      if (context.request() instanceof UploadPartRequest) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
      if (context.request() instanceof UploadPartRequest) {
        sent.incrementAndGet();
      }
    }
  }

  @Test
  void pausedUpload_resumesFromItsSavedToken_inANewInstance() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    Path file = Testing.randomFile(dir.resolve("catalog-film.mp4"), 80 << 20, 13);
    SlowParts first = new SlowParts();
    String saved;
    FileTransfer transfer;
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket, first).resumeTokenKey(TOKEN_KEY)
        .transferSettings(t -> t.maxConnections(2)).build()) {
      transfer = stockroom.media().productVideo("film.mp4").startUpload(file);
      while (first.sent.get() < 3) {
        Thread.sleep(20);
      }
      ResumeToken token = transfer.pause();
      saved = token.asString();
      assertThat(token.key()).isEqualTo("media/product-videos/film.mp4");
      assertThat(token.toString()).doesNotContain("Authorization");
    }
    assertThatThrownBy(() -> transfer.completion().join())
        .isInstanceOf(CancellationException.class)
        .hasMessage("the upload of 'media/product-videos/film.mp4' was paused");

    SlowParts second = new SlowParts();
    StoredObject stored;
    try (Stockroom fresh = StockroomOnS3Mock.builder(bucket, second).resumeTokenKey(TOKEN_KEY)
        .build()) {
      stored = fresh.resume(saved).completion().join();
    }

    assertThat(stored.size()).isEqualTo(80 << 20);
    // the 10 parts of 80 MiB: those sent before the pause (at least 3) are not sent again
    assertThat(second.sent.get()).isPositive().isLessThanOrEqualTo(10 - 3);
    assertThat(Testing.sha256(SharedS3Mock.admin().getObject(g -> g.bucket(bucket)
        .key(stored.key())))).isEqualTo(Testing.sha256(Files.newInputStream(file)));
    assertThat(SharedS3Mock.admin().headObject(h -> h.bucket(bucket).key(stored.key()))
        .cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    assertThat(SharedS3Mock.admin().listMultipartUploads(l -> l.bucket(bucket)).uploads())
        .isEmpty();
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
}
