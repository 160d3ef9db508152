package dev.stockroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferCancelledException;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.Testing;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.StoredObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Shutdown and cancellation: {@code close()} with uploads in flight, a cancelled future, an
 * interrupted caller. Parts are held in a proxy in front of S3Mock (no client thread is blocked),
 * so an upload is deterministically in flight; outcomes are read back from S3Mock directly.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ShutdownIT {

  private static final int SIZE = 24 << 20;

  private final S3Client admin = SharedS3Mock.admin();
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

  private Stockroom.Builder stockroom(Duration grace) {
    return Stockroom.builder().bucket(bucket).region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(proxy.endpoint())
        .forcePathStyle(true).shutdownGracePeriod(grace);
  }

  @Test
  void close_stopsWhatOutlivesTheGracePeriod_abortsItsParts_andFailsEveryCaller()
      throws Exception {
    Path first = Testing.randomFile(dir.resolve("a.mp4"), SIZE, 1);
    Path second = Testing.randomFile(dir.resolve("b.mp4"), SIZE, 2);
    proxy.hold(FaultyS3.uploadPart());
    Stockroom stockroom = stockroom(Duration.ofMillis(200)).build();
    CompletableFuture<StoredObject> async =
        stockroom.media().productVideo("a.mp4").uploadAsync(first);
    AtomicReference<Throwable> syncFailure = new AtomicReference<>();
    Thread caller = new Thread(() -> {
      try {
        stockroom.media().productVideo("b.mp4").upload(second);
      } catch (Throwable e) {
        syncFailure.set(e);
      }
    });
    caller.start();
    proxy.awaitHeld(2);

    stockroom.close();

    assertThat(async).isCompletedExceptionally();
    assertThatThrownBy(async::join).isInstanceOf(CompletionException.class)
        .cause().isInstanceOf(TransferCancelledException.class)
        .hasMessage("Stockroom was closed before the upload of 'media/product-videos/a.mp4' "
            + "finished (grace period PT0.2S); it was stopped and nothing was stored");
    caller.join(TimeUnit.SECONDS.toMillis(30));
    assertThat(caller.isAlive()).as("the sync caller is released").isFalse();
    assertThat(syncFailure.get()).isInstanceOf(TransferCancelledException.class);
    assertThat(((TransferCancelledException) syncFailure.get()).key())
        .contains("media/product-videos/b.mp4");
    proxy.release();
    assertNoMultipartUploadLeft();
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }

  @Test
  void close_letsUploadsFinishWithinTheGracePeriod_whileRefusingNewWork() throws Exception {
    Path file = Testing.randomFile(dir.resolve("a.mp4"), SIZE, 3);
    proxy.hold(FaultyS3.uploadPart());
    Stockroom stockroom = stockroom(Duration.ofSeconds(60)).build();
    CompletableFuture<StoredObject> upload =
        stockroom.media().productVideo("a.mp4").uploadAsync(file);
    proxy.awaitHeld(1);
    Thread closer = new Thread(stockroom::close);
    closer.start();
    awaitRefused(stockroom);

    proxy.release();
    closer.join(TimeUnit.SECONDS.toMillis(60));

    assertThat(closer.isAlive()).isFalse();
    StoredObject stored = upload.get(1, TimeUnit.SECONDS);
    assertThat(Testing.sha256(admin.getObject(g -> g.bucket(bucket).key(stored.key()))))
        .isEqualTo(Testing.sha256(Files.newInputStream(file)));
  }

  @Test
  void cancellingTheFuture_stopsTheTransfer_andAbortsItsParts() throws Exception {
    Path file = Testing.randomFile(dir.resolve("a.mp4"), SIZE, 4);
    proxy.hold(FaultyS3.uploadPart());
    RecordingInterceptor requests = new RecordingInterceptor();
    try (Stockroom stockroom = stockroom(Duration.ZERO).s3ClientCustomizer(b ->
        b.overrideConfiguration(o -> o.addExecutionInterceptor(requests))).build()) {
      CompletableFuture<StoredObject> upload =
          stockroom.media().productVideo("a.mp4").uploadAsync(file);
      proxy.awaitHeld(1);
      assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).hasSize(1);

      upload.cancel(true);
      proxy.release();

      assertThatThrownBy(upload::join).isInstanceOf(CancellationException.class);
      awaitNoMultipartUploadLeft();
      // a transfer that went on would complete within moments of the release: look for it
      for (int i = 0; i < 150 && requests.sent("CompleteMultipartUpload").isEmpty(); i++) {
        Thread.sleep(20);
      }
      assertThat(requests.sent("CompleteMultipartUpload")).as("the transfer was stopped").isEmpty();
    }
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }

  @Test
  void cancellingAStreamUpload_stopsReadingTheStream_andNothingIsStored() throws Exception {
    GatedStream stream = new GatedStream(64 * 1024, 1024 * 1024);
    try (Stockroom stockroom = stockroom(Duration.ZERO).build()) {
      CompletableFuture<StoredObject> upload = stockroom.media().productImage("a.jpg")
          .uploadAsync(stream, 1024 * 1024, "image/jpeg");
      stream.awaitGate();

      upload.cancel(true);
      stream.open();

      assertThatThrownBy(upload::join).isInstanceOf(CancellationException.class);
      // a transfer that went on would read the rest and store the object within moments
      for (int i = 0; i < 150; i++) {
        assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents())
            .as("the transfer was stopped").isEmpty();
        Thread.sleep(20);
      }
      assertThat(stream.bytesRead()).as("the stream was not read to its end")
          .isLessThan(1024 * 1024);
    }
  }

  /** A stream that gives its first bytes, then blocks (bounded) until opened. */
  private static final class GatedStream extends java.io.InputStream {
    private final int gateAt;
    private final int length;
    private final java.util.concurrent.CountDownLatch reached =
        new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.CountDownLatch opened =
        new java.util.concurrent.CountDownLatch(1);
    private final java.util.concurrent.atomic.AtomicInteger read =
        new java.util.concurrent.atomic.AtomicInteger();

    GatedStream(int gateAt, int length) {
      this.gateAt = gateAt;
      this.length = length;
    }

    @Override
    public int read() throws java.io.IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      int at = read.get();
      if (at >= length) {
        return -1;
      }
      if (at >= gateAt) {
        reached.countDown();
        try {
          if (!opened.await(60, TimeUnit.SECONDS)) {
            throw new java.io.IOException("the test never opened the stream");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException();
        }
      }
      int n = Math.min(len, (at < gateAt ? gateAt : length) - at);
      java.util.Arrays.fill(b, off, off + n, (byte) 'x');
      read.addAndGet(n);
      return n;
    }

    void awaitGate() throws InterruptedException {
      assertThat(reached.await(30, TimeUnit.SECONDS)).as("the upload reads the stream").isTrue();
    }

    void open() {
      opened.countDown();
    }

    int bytesRead() {
      return read.get();
    }
  }

  @Test
  void interruptingASyncCaller_stopsItsUpload_andAbortsItsParts() throws Exception {
    Path file = Testing.randomFile(dir.resolve("a.mp4"), SIZE, 5);
    proxy.hold(FaultyS3.uploadPart());
    try (Stockroom stockroom = stockroom(Duration.ZERO).build()) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
      Thread caller = new Thread(() -> {
        try {
          stockroom.media().productVideo("a.mp4").upload(file);
        } catch (Throwable e) {
          failure.set(e);
          stillInterrupted.set(Thread.currentThread().isInterrupted());
        }
      });
      caller.start();
      proxy.awaitHeld(1);

      caller.interrupt();
      caller.join(TimeUnit.SECONDS.toMillis(30));
      proxy.release();

      assertThat(failure.get()).isInstanceOf(TransferCancelledException.class)
          .hasMessage("interrupted while uploading 'media/product-videos/a.mp4': the upload was "
              + "stopped and nothing was stored");
      assertThat(stillInterrupted.get()).as("the interrupt flag is kept").isTrue();
      awaitNoMultipartUploadLeft();
    }
  }

  @Test
  void close_failsADirectoryUploadInFlight() throws Exception {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    for (int i = 0; i < 20; i++) {
      Files.writeString(catalog.resolve("img-" + i + ".jpg"), "image " + i);
    }
    proxy.hold(FaultyS3.putObject());
    // few held requests at a time: the proxy's threads must stay free for the cleanup
    Stockroom stockroom = stockroom(Duration.ZERO).transferSettings(t -> t.maxConcurrentFiles(2))
        .build();
    CompletableFuture<BatchResult> batch =
        stockroom.media().productImages().uploadDirectoryAsync(catalog,
        dev.stockroom.transfer.UploadProgressListener.NONE);
    proxy.awaitHeld(1);

    stockroom.close();

    assertThatThrownBy(() -> batch.get(30, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class).cause()
        .isInstanceOf(TransferCancelledException.class)
        .hasMessageStartingWith("Stockroom was closed");
  }

  @Test
  void afterClose_everyUploadEntryRefuses() throws Exception {
    Path file = Files.writeString(dir.resolve("a.jpg"), "a");
    Stockroom stockroom = stockroom(Duration.ZERO).build();
    stockroom.close();
    var target = stockroom.media().productImage("a.jpg");

    assertThatThrownBy(() -> target.upload(file)).isInstanceOf(IllegalStateException.class)
        .hasMessage("stockroom is closed");
    assertThatThrownBy(() -> target.startUpload(file)).isInstanceOf(IllegalStateException.class)
        .hasMessage("stockroom is closed");
    assertThat(target.uploadAsync(new ByteArrayInputStream(new byte[1]), 1, "image/jpeg"))
        .failsWithin(Duration.ofSeconds(5)).withThrowableThat()
        .havingCause().isInstanceOf(IllegalStateException.class).withMessage("stockroom is closed");
    assertThatThrownBy(() -> stockroom.media().productImages().uploadDirectory(dir))
        .isInstanceOf(IllegalStateException.class).hasMessage("stockroom is closed");
    assertThatThrownBy(() -> stockroom.resume("x")).isInstanceOf(IllegalStateException.class)
        .hasMessage("stockroom is closed");
  }

  private void awaitRefused(Stockroom stockroom) throws InterruptedException {
    for (int i = 0; i < 3000; i++) {
      CompletableFuture<StoredObject> probe = stockroom.media().productImage("probe.jpg")
          .uploadAsync(new byte[1], "image/jpeg");
      if (probe.isCompletedExceptionally()) {
        return;
      }
      probe.cancel(true);
      Thread.sleep(10);
    }
    throw new AssertionError("close() never began refusing new uploads");
  }

  private void assertNoMultipartUploadLeft() {
    assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
  }

  /** The cleanup of a cancelled upload runs after the future fails: poll it, bounded. */
  private void awaitNoMultipartUploadLeft() throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      if (admin.listMultipartUploads(l -> l.bucket(bucket)).uploads().isEmpty()) {
        return;
      }
      Thread.sleep(20);
    }
    assertNoMultipartUploadLeft();
  }
}
