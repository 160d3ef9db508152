package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import dev.stockroom.testing.Testing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;

/** The transfer settings change the requests sent: counted at the client, bytes read back. */
class TransferSettingsIT {

  private static final long MIB = 1 << 20;

  private final RecordingInterceptor requests = new RecordingInterceptor();
  private String bucket;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    bucket = SharedS3Mock.newBucket();
  }

  @Test
  void partSize_isTheSizeOfEachPart() throws IOException {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), 24 * MIB, 21);

    upload(StockroomOnS3Mock.builder(bucket, requests), file, "default.mp4");
    // 24 MiB in the default parts of 8 MiB
    assertThat(partSizes()).containsExactly(8 * MIB, 8 * MIB, 8 * MIB);

    requests.clear();
    upload(StockroomOnS3Mock.builder(bucket, requests)
        .transferSettings(t -> t.partSize(6 * MIB)), file, "six.mp4");
    assertThat(partSizes()).containsExactly(6 * MIB, 6 * MIB, 6 * MIB, 6 * MIB);
    assertStored("media/product-videos/six.mp4", file);
  }

  @Test
  void multipartThreshold_decidesBetweenOnePutAndParts() throws IOException {
    Path file = Testing.randomFile(dir.resolve("film.mp4"), 20 * MIB, 22);

    upload(StockroomOnS3Mock.builder(bucket, requests), file, "default.mp4");
    // over the default threshold of 16 MiB: in parts of 8, 8 and 4 MiB
    assertThat(requests.sent("PutObject")).isEmpty();
    assertThat(requests.sent("CreateMultipartUpload")).hasSize(1);
    assertThat(partSizes()).containsExactly(8 * MIB, 8 * MIB, 4 * MIB);

    requests.clear();
    upload(StockroomOnS3Mock.builder(bucket, requests)
        .transferSettings(t -> t.multipartThreshold(32 * MIB)), file, "whole.mp4");
    assertThat(requests.sent()).extracting(RecordingInterceptor.Sent::operation)
        .containsExactly("PutObject");
    assertThat(bodySize(requests.sent("PutObject").get(0))).isEqualTo(20 * MIB);
    assertStored("media/product-videos/whole.mp4", file);
  }

  private static void upload(Stockroom.Builder builder, Path file, String name) {
    try (Stockroom stockroom = builder.build()) {
      stockroom.media().productVideo(name).upload(file);
    }
  }

  /** Returns the sizes of the parts sent, in part order, as their HTTP requests carried them. */
  private List<Long> partSizes() {
    return requests.sent("UploadPart").stream()
        .sorted(Comparator.comparing(sent -> ((UploadPartRequest) sent.request()).partNumber()))
        .map(TransferSettingsIT::bodySize).toList();
  }

  /** The payload's size: a body sent with a checksum trailer is aws-chunked and says it apart. */
  private static long bodySize(RecordingInterceptor.Sent sent) {
    return Long.parseLong(sent.http().firstMatchingHeader("x-amz-decoded-content-length")
        .or(() -> sent.http().firstMatchingHeader("Content-Length")).orElseThrow());
  }

  private void assertStored(String key, Path file) throws IOException {
    assertThat(Testing.sha256(SharedS3Mock.admin().getObject(g -> g.bucket(bucket).key(key))))
        .isEqualTo(Testing.sha256(Files.newInputStream(file)));
  }
}
