package dev.stockroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.transfer.BatchResult;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.UploadProgressListener;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stockroom's blocking work runs on the caller's executor, and no task of it waits for another:
 * with a single thread, a content-addressed directory upload (its files hashed on that thread)
 * and stream uploads (read on it) all finish. The caller's executor stays open after close.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExecutorIT {

  @TempDir
  Path dir;

  @Test
  void oneThread_isEnoughForEverything_andStaysTheCallers() throws Exception {
    Path catalog = Files.createDirectories(dir.resolve("catalog"));
    for (int i = 0; i < 40; i++) {
      Files.writeString(catalog.resolve("img-" + i + ".jpg"), "image " + i);
    }
    ExecutorService one = Executors.newSingleThreadExecutor();
    String bucket = SharedS3Mock.newBucket();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket).executor(one)
        .transferSettings(t -> t.maxConcurrentFiles(8)).build()) {
      CompletableFuture<BatchResult> directory = stockroom.media().productImages()
          .contentAddressed().uploadDirectoryAsync(catalog, UploadProgressListener.NONE);
      List<CompletableFuture<StoredObject>> streams = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        streams.add(stockroom.logs().accessLog("s-" + i + ".log").uploadAsync(
            new ByteArrayInputStream(("line " + i).getBytes()), "text/plain"));
      }

      assertThat(directory.get(60, TimeUnit.SECONDS).allSucceeded()).isTrue();
      for (CompletableFuture<StoredObject> stream : streams) {
        assertThat(stream.get(60, TimeUnit.SECONDS).size()).isEqualTo(6);
      }
    }
    assertThat(one.isShutdown()).as("the caller's executor is theirs").isFalse();
    assertThat(SharedS3Mock.admin().listObjectsV2(l -> l.bucket(bucket)).keyCount())
        .isEqualTo(44);
    one.shutdown();
  }
}
