package dev.stockroom.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.testing.EarlyAnswerProxy;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.Testing;
import dev.stockroom.transfer.StoredObject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Streamed uploads against a store that answers before reading the request body (as S3Proxy
 * does): a retryable answer is retried and the object stored byte-identical; an answer past the
 * retries reaches the caller as the server's own error, never as a stream or subscriber error.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class StreamRetryIT {

  private static final EarlyAnswerProxy.Answer SLOW_DOWN =
      new EarlyAnswerProxy.Answer(503, "SlowDown");

  private final S3Client admin = SharedS3Mock.admin();

  private static byte[] bytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private Stockroom stockroom(String bucket, EarlyAnswerProxy proxy) {
    return Stockroom.builder().bucket(bucket).region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(proxy.endpoint())
        .forcePathStyle(true).build();
  }

  private void assertStored(String bucket, StoredObject stored, byte[] expected) {
    assertThat(Testing.sha256(admin.getObject(g -> g.bucket(bucket).key(stored.key()))))
        .isEqualTo(Testing.sha256(new ByteArrayInputStream(expected)));
  }

  @Test
  void aKnownLengthStream_answered503BeforeItsBody_isRetriedAndStored() {
    String bucket = SharedS3Mock.newBucket();
    byte[] data = bytes(300_000, 1);
    try (EarlyAnswerProxy proxy = new EarlyAnswerProxy(EarlyAnswerProxy.puts(), SLOW_DOWN, 1);
        Stockroom stockroom = stockroom(bucket, proxy)) {
      StoredObject stored = stockroom.logs().accessLog("a.log")
          .upload(new ByteArrayInputStream(data), data.length, "text/plain");

      assertThat(proxy.answered()).isEqualTo(1);
      assertStored(bucket, stored, data);
    }
  }

  @Test
  void anUnknownLengthStream_answered503BeforeItsBody_isRetriedAndStored() {
    String bucket = SharedS3Mock.newBucket();
    byte[] data = bytes(300_000, 2);
    try (EarlyAnswerProxy proxy = new EarlyAnswerProxy(EarlyAnswerProxy.puts(), SLOW_DOWN, 1);
        Stockroom stockroom = stockroom(bucket, proxy)) {
      StoredObject stored = stockroom.logs().accessLog("a.log")
          .upload(new ByteArrayInputStream(data), "text/plain");

      assertThat(proxy.answered()).isEqualTo(1);
      assertStored(bucket, stored, data);
    }
  }

  @Test
  void aStreamSentInParts_hasItsFirstPartRetried() {
    String bucket = SharedS3Mock.newBucket();
    byte[] data = bytes(20 << 20, 3);
    try (EarlyAnswerProxy proxy = new EarlyAnswerProxy(
        line -> line.startsWith("PUT ") && line.contains("partNumber=1&"), SLOW_DOWN, 1);
        Stockroom stockroom = stockroom(bucket, proxy)) {
      StoredObject stored = stockroom.media().productVideo("film.mp4")
          .upload(new ByteArrayInputStream(data), data.length, "video/mp4");

      assertThat(proxy.answered()).isEqualTo(1);
      assertStored(bucket, stored, data);
      assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
    }
  }

  @Test
  void aStreamAnswered503EveryTime_failsWithTheServersOwnAnswer() {
    String bucket = SharedS3Mock.newBucket();
    byte[] data = bytes(300_000, 4);
    try (EarlyAnswerProxy proxy = new EarlyAnswerProxy(EarlyAnswerProxy.puts(), SLOW_DOWN, -1);
        Stockroom stockroom = stockroom(bucket, proxy)) {
      InputStream stream = new ByteArrayInputStream(data);
      assertThatThrownBy(() -> stockroom.logs().accessLog("a.log")
          .upload(stream, data.length, "text/plain"))
          .isInstanceOf(TransferFailedException.class)
          .hasMessageStartingWith("Upload on 'logs/access/a.log' in bucket '" + bucket
              + "' failed with SlowDown (HTTP 503): answered before the body was read")
          .satisfies(e -> assertThat(((TransferFailedException) e).errorCode())
              .contains("SlowDown"))
          .cause().isInstanceOf(S3Exception.class)
          .satisfies(cause -> {
            S3Exception s3 = (S3Exception) cause;
            assertThat(s3.statusCode()).isEqualTo(503);
            assertThat(s3.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
          });
      assertThat(proxy.answered()).as("the SDK's retries were used").isGreaterThan(1);
    }
  }

  @Test
  void anUnknownLengthStream_toAMissingBucket_failsWithNoSuchBucket_notRetried() {
    String bucket = "no-such-bucket-" + System.nanoTime();
    try (EarlyAnswerProxy proxy = new EarlyAnswerProxy(EarlyAnswerProxy.puts(),
        new EarlyAnswerProxy.Answer(404, "NoSuchBucket"), -1);
        Stockroom stockroom = stockroom(bucket, proxy)) {
      InputStream stream = new ByteArrayInputStream(bytes(300_000, 5));
      assertThatThrownBy(() -> stockroom.logs().accessLog("a.log").upload(stream, "text/plain"))
          .isInstanceOf(TransferFailedException.class)
          .cause().isInstanceOf(S3Exception.class)
          .satisfies(cause -> assertThat(((S3Exception) cause).awsErrorDetails().errorCode())
              .isEqualTo("NoSuchBucket"));
      assertThat(proxy.answered()).as("a 4xx is not retried").isEqualTo(1);
    }
  }
}
