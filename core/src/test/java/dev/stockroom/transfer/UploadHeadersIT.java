package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.testing.EarlyAnswerProxy;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The optional upload headers, for S3-compatible stores that refuse some: each can be turned off
 * (what is sent is asserted on the outgoing request), transactional data stays SSE-KMS whatever
 * the setting, and a store's refusal says which setting to change.
 */
class UploadHeadersIT {

  private static final byte[] BYTES = "{}".getBytes(StandardCharsets.UTF_8);

  private final S3Client admin = SharedS3Mock.admin();
  private final RecordingInterceptor requests = new RecordingInterceptor();

  @Test
  void withEveryOptionalHeaderOff_nothingOptionalIsSent_butTransactionalDataIsStillKms() {
    String bucket = SharedS3Mock.newBucket();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket, requests)
        .kmsKeyId(SharedS3Mock.KMS_KEY_ID).kmsKeyCheck(false)
        .uploadHeaders(h -> h.serverSideEncryption(false).checksums(false)
            .objectLockRetention(false)).build()) {
      stockroom.media().productImage("a.jpg").upload(BYTES, "image/jpeg");
      stockroom.logs().auditLog("a.log").upload(BYTES, "text/plain");
      StoredObject order = stockroom.transactional().order("o.json")
          .upload(BYTES, "application/json");

      var puts = requests.sent("PutObject");
      assertThat(puts).hasSize(3);
      assertThat(puts.subList(0, 2)).allSatisfy(put -> {
        assertThat(put.http().headers()).doesNotContainKey("x-amz-server-side-encryption")
            .doesNotContainKey("x-amz-object-lock-mode");
      });
      assertThat(puts).allSatisfy(put -> assertThat(put.http().headers().keySet())
          .noneMatch(name -> name.toLowerCase().contains("checksum")));
      assertThat(puts.get(2).http().headers().get("x-amz-server-side-encryption"))
          .containsExactly("aws:kms");
      assertThat(requests.sent("GetObjectLockConfiguration")).isEmpty();
      assertThat(admin.headObject(h -> h.bucket(bucket).key(order.key()))
          .serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    }
  }

  @Test
  void byDefault_mediaCarriesSse_andEveryUploadAChecksum() {
    String bucket = SharedS3Mock.newBucket();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket, requests).build()) {
      StoredObject image = stockroom.media().productImage("a.jpg").upload(BYTES, "image/jpeg");

      var put = requests.sent("PutObject").get(0).http().headers();
      assertThat(put.get("x-amz-server-side-encryption")).containsExactly("AES256");
      assertThat(put.get("x-amz-sdk-checksum-algorithm")).containsExactly("CRC32C");
      assertThat(image.encryption()).contains(ServerSideEncryption.AES256);
    }
  }

  @Test
  void aStoreRefusingTheTag_isAnsweredWithTheSettingToChange() {
    String bucket = SharedS3Mock.newBucket();
    try (EarlyAnswerProxy proxy = new EarlyAnswerProxy(EarlyAnswerProxy.puts(),
        new EarlyAnswerProxy.Answer(501, "NotImplemented", "x-amz-tagging is not implemented"), -1);
        Stockroom stockroom = Stockroom.builder().bucket(bucket).region(SharedS3Mock.REGION)
            .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(proxy.endpoint())
            .forcePathStyle(true).uploadHeaders(h -> h.kindTag(true)).build()) {
      assertThatThrownBy(() -> stockroom.media().page("a.html").upload(BYTES, "text/html"))
          .isInstanceOf(TransferFailedException.class)
          .hasMessageEndingWith("; the store refused the object tag: set uploadHeaders(h -> "
              + "h.kindTag(false))");
    }
  }

  @Test
  void aStoreRefusingAnUnnamedHeader_isAnsweredWithEverySetting() {
    String bucket = SharedS3Mock.newBucket();
    try (EarlyAnswerProxy proxy = new EarlyAnswerProxy(EarlyAnswerProxy.puts(),
        new EarlyAnswerProxy.Answer(501, "NotImplemented", "A header you provided implies "
            + "functionality that is not implemented"), -1);
        Stockroom stockroom = Stockroom.builder().bucket(bucket).region(SharedS3Mock.REGION)
            .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(proxy.endpoint())
            .forcePathStyle(true).build()) {
      assertThatThrownBy(() -> stockroom.media().page("a.html").upload(BYTES, "text/html"))
          .isInstanceOf(TransferFailedException.class)
          .hasMessageContaining("failed with NotImplemented (HTTP 501)")
          .hasMessageEndingWith("; if the store does not support a header Stockroom sends, turn "
              + "it off: uploadHeaders(h -> h.serverSideEncryption(false)), .checksums(false), "
              + ".objectLockRetention(false) or .kindTag(false)");
    }
  }
}
