package dev.stockroom.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.transfer.StoredObject;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * What Stockroom's optional upload headers meet on S3Proxy as it ships: SSE (S3 or KMS) and the
 * kind tag are refused with 501 NotImplemented, so nothing is stored and the failure ends with the
 * settings to change; the CRC32C checksum is taken.
 */
class S3ProxyHeadersIT {

  @RegisterExtension
  static final InProcessS3Proxy s3proxy = new InProcessS3Proxy();

  private static final String EVERY_SETTING = "; if the store does not support a header Stockroom "
      + "sends, turn it off: uploadHeaders(h -> h.serverSideEncryption(false)), .checksums(false), "
      + ".objectLockRetention(false) or .kindTag(false)";

  private String bucket;

  @BeforeEach
  void setUp() {
    s3proxy.clearRefusals();
    bucket = s3proxy.createBucket(Objects.bucketName("headers"));
  }

  @Test
  void byDefault_theSseS3Header_isRefused_nothingIsStored_andEverySettingIsNamed() {
    try (Stockroom stockroom = s3proxy.stockroom(bucket).build()) {
      assertThatThrownBy(() -> stockroom.media().productImage("sku-1/front.jpg")
          .upload(new byte[] {1, 2, 3}, "image/jpeg"))
          .isInstanceOfSatisfying(TransferFailedException.class, refused -> {
            assertThat(refused.errorCode()).contains("NotImplemented");
            assertThat(refused.statusCode()).isEqualTo(OptionalInt.of(501));
            assertThat(refused.key()).contains("media/product-images/sku-1/front.jpg");
            assertThat(refused.getMessage()).startsWith("Upload on "
                + "'media/product-images/sku-1/front.jpg' in bucket '" + bucket + "' failed with "
                + "NotImplemented (HTTP 501): ").endsWith(EVERY_SETTING);
          });
    }
    assertThat(s3proxy.refusals()).containsOnly("x-amz-server-side-encryption");
    assertNotStored("media/product-images/sku-1/front.jpg");
  }

  @Test
  void theKindTag_isRefused() {
    try (Stockroom stockroom = s3proxy.stockroom(bucket)
        .uploadHeaders(h -> h.serverSideEncryption(false).kindTag(true)).build()) {
      assertThatThrownBy(() -> stockroom.media().page("index.html")
          .upload("<p>".getBytes(), "text/html"))
          .isInstanceOfSatisfying(TransferFailedException.class, refused ->
              assertThat(refused.statusCode()).isEqualTo(OptionalInt.of(501)));
    }
    assertThat(s3proxy.refusals()).containsOnly("x-amz-tagging");
    assertNotStored("media/pages/index.html");
  }

  @Test
  void transactionalData_staysSseKms_andIsRefused_whateverTheSetting() {
    try (Stockroom stockroom = s3proxy.stockroom(bucket).kmsKeyId("alias/shop-data")
        .kmsKeyCheck(false).uploadHeaders(h -> h.serverSideEncryption(false)).build()) {
      assertThatThrownBy(() -> stockroom.transactional().order("2026/11/22/order-1.json")
          .upload("{}".getBytes(), "application/json"))
          .isInstanceOfSatisfying(TransferFailedException.class, refused ->
              assertThat(refused.statusCode()).isEqualTo(OptionalInt.of(501)));
    }
    assertThat(s3proxy.refusals()).containsOnly("x-amz-server-side-encryption");
    assertNotStored("transactional/orders/2026/11/22/order-1.json");
  }

  @Test
  void theCrc32cChecksum_isTaken_asATrailer_butNotKept() {
    Requests requests = new Requests();
    try (Stockroom stockroom = s3proxy.stockroom(bucket)
        .uploadHeaders(h -> h.serverSideEncryption(false))
        .s3ClientCustomizer(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(requests)))
        .build()) {
      StoredObject stored = stockroom.logs().errorLog("app.log")
          .upload(new byte[] {1, 2, 3}, "text/plain");

      SdkHttpRequest put = requests.sent("PutObject").get(0).http();
      assertThat(put.firstMatchingHeader("x-amz-trailer")).contains("x-amz-checksum-crc32c");
      assertThat(put.firstMatchingHeader("x-amz-sdk-checksum-algorithm")).contains("CRC32C");
      assertThat(stored.checksumCrc32c()).as("S3Proxy answers no checksum").isEmpty();
      assertThat(s3proxy.client().headObject(h -> h.bucket(bucket).key(stored.key())
          .checksumMode("ENABLED")).checksumCRC32C()).isNull();
    }
    assertThat(s3proxy.refusals()).isEmpty();
  }

  private void assertNotStored(String key) {
    assertThatThrownBy(() -> s3proxy.client().headObject(h -> h.bucket(bucket).key(key)))
        .isInstanceOf(NoSuchKeyException.class);
  }
}
