package dev.stockroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** 32 threads mix uploads and links on one instance; after close() none of its threads remain. */
class ConcurrencyIT {

  private static final int THREADS = 32;
  private static final int ROUNDS = 20;

  @Test
  void thirtyTwoThreads_mixingUploadsAndLinks_thenNoThreadsLeft() throws Exception {
    String bucket = SharedS3Mock.newBucket(); // S3Mock and its threads start before the count
    Set<Thread> before = Thread.getAllStackTraces().keySet();
    Path key = Path.of(getClass().getResource("/keys/rsa-pkcs8.pem").toURI());
    ExecutorService callers = Executors.newFixedThreadPool(THREADS);
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket).cloudFront(cf -> cf
        .domain("d111111abcdef8.cloudfront.net").keyPair("K2JCJMDEHXQW5F", key)).build()) {
      List<Callable<Integer>> work = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        work.add(() -> {
          for (int round = 0; round < ROUNDS; round++) {
            var stored = stockroom.media().productImage("t" + thread + "/" + round + ".jpg")
                .upload(new byte[] {(byte) thread, (byte) round}, "image/jpeg");
            stockroom.links().url(stored, Duration.ofHours(1));
            stockroom.links().url("media/product-images/t0/0.jpg", Duration.ofHours(1));
          }
          return ROUNDS;
        });
      }
      int done = 0;
      for (Future<Integer> result : callers.invokeAll(work)) {
        done += result.get();
      }
      assertThat(done).isEqualTo(THREADS * ROUNDS);
    } finally {
      callers.shutdown();
      assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(SharedS3Mock.admin().listObjectsV2Paginator(l -> l.bucket(bucket)).contents()
        .stream().count()).isEqualTo(THREADS * ROUNDS);
    assertThat(threadsLeftBehind(before)).isEmpty();

    // each object holds the bytes its own thread wrote: nothing mixed up between threads (read
    // after the thread count: reading wakes S3Mock's own worker threads)
    for (int thread = 0; thread < THREADS; thread++) {
      for (int round = 0; round < ROUNDS; round++) {
        String object = "media/product-images/t" + thread + "/" + round + ".jpg";
        assertThat(SharedS3Mock.admin().getObjectAsBytes(g -> g.bucket(bucket).key(object))
            .asByteArray()).as(object).containsExactly(thread, round);
      }
    }
  }

  /** Returns the threads started since {@code before} that are still alive after a grace period. */
  private static Set<String> threadsLeftBehind(Set<Thread> before) throws InterruptedException {
    Set<String> left = Set.of();
    for (int attempt = 0; attempt < 50; attempt++) {
      left = Thread.getAllStackTraces().keySet().stream()
          .filter(thread -> !before.contains(thread) && thread.isAlive())
          .map(Thread::getName)
          // the JVM's common pool and S3Mock's own server threads are not Stockroom's
          .filter(name -> !name.startsWith("ForkJoinPool.commonPool")
              && !name.startsWith("http-nio") && !name.startsWith("https-jsse-nio")
              && !name.startsWith("Attach Listener")
              && !name.startsWith("process reaper"))
          .collect(Collectors.toSet());
      if (left.isEmpty()) {
        return left;
      }
      Thread.sleep(100);
    }
    return left;
  }
}
