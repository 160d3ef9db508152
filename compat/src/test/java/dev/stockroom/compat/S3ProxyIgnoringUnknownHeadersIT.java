package dev.stockroom.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.transfer.StoredObject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * S3Proxy started with {@code s3proxy.ignore-unknown-headers=true} takes Stockroom's default
 * headers and multipart completions, and drops what it does not implement: encryption and tags are
 * not applied, and the store does not say so.
 */
class S3ProxyIgnoringUnknownHeadersIT {

  @RegisterExtension
  static final InProcessS3Proxy s3proxy = InProcessS3Proxy.ignoringUnknownHeaders();

  private String bucket;

  @BeforeEach
  void setUp() {
    bucket = s3proxy.createBucket(Objects.bucketName("lax"));
  }

  @Test
  void defaultHeaders_areTaken_butEncryptionIsDropped() {
    try (Stockroom stockroom = s3proxy.stockroom(bucket).kmsKeyId("alias/shop-data")
        .kmsKeyCheck(false).build()) {
      StoredObject order = stockroom.transactional().order("2026/11/22/order-1.json")
          .upload("{\"order\":1}".getBytes(), "application/json");

      HeadObjectResponse head = s3proxy.client().headObject(h -> h.bucket(bucket)
          .key(order.key()));
      assertThat(head.serverSideEncryption()).as("stored unencrypted").isNull();
      assertThat(head.cacheControl()).isEqualTo("private, no-store");
      assertThat(order.encryption())
          .as("known limitation: StoredObject reports the encryption asked for when the store "
              + "answers none (docs/compatibility.md)")
          .contains(ServerSideEncryption.AWS_KMS);
    }
  }

  @Test
  void theKindTag_isDropped() {
    try (Stockroom stockroom = s3proxy.stockroom(bucket).uploadHeaders(h -> h.kindTag(true))
        .build()) {
      StoredObject page = stockroom.media().page("index.html")
          .upload("<p>".getBytes(), "text/html");

      assertThat(s3proxy.client().headObject(h -> h.bucket(bucket).key(page.key()))
          .cacheControl()).isEqualTo("public, max-age=3600");
      assertThatThrownBy(() -> s3proxy.client().getObjectTagging(t -> t.bucket(bucket)
          .key(page.key()))).isInstanceOfSatisfying(S3Exception.class, refused ->
              assertThat(refused.statusCode()).isEqualTo(501));
    }
  }

  @Test
  void multipartUploads_completeWithTheSdksObjectSizeHeader() {
    byte[] bytes = Objects.bytes(17 << 20, 10);
    try (Stockroom stockroom = s3proxy.stockroom(bucket).build()) {
      StoredObject video = stockroom.media().productVideo("launch.mp4")
          .upload(bytes, "video/mp4");

      assertThat(s3proxy.client().headObject(h -> h.bucket(bucket).key(video.key())).eTag())
          .endsWith("-3\"");
      assertThat(Objects.sha256(s3proxy.client(), bucket, video.key()))
          .isEqualTo(Objects.sha256(bytes));
    }
  }
}
