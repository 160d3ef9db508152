package dev.stockroom.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.transfer.StoredObject;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Multipart uploads (from 16 MiB, in 8 MiB parts) on S3Proxy as it ships: the AWS SDK's multipart
 * client completes every upload with {@code x-amz-mp-object-size}, which S3Proxy 4.0.0 refuses;
 * without that header (an interceptor on the client Stockroom creates) they complete.
 */
class S3ProxyMultipartIT {

  @RegisterExtension
  static final InProcessS3Proxy s3proxy = new InProcessS3Proxy();

  private static final int SEVENTEEN_MIB = 17 << 20;

  private final S3Client admin = s3proxy.client();
  private final Requests requests = new Requests();
  private String bucket;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    s3proxy.clearRefusals();
    bucket = s3proxy.createBucket(Objects.bucketName("multipart"));
  }

  @Test
  void theSdksCompletion_isRefused_andNoPartIsLeftBehind() {
    byte[] bytes = Objects.bytes(SEVENTEEN_MIB, 7);
    try (Stockroom stockroom = s3proxy.stockroom(bucket)
        .uploadHeaders(h -> h.serverSideEncryption(false)).build()) {
      assertThatThrownBy(() -> stockroom.media().productVideo("launch.mp4")
          .upload(bytes, "video/mp4"))
          .isInstanceOfSatisfying(TransferFailedException.class, refused -> {
            assertThat(refused.errorCode()).contains("NotImplemented");
            assertThat(refused.statusCode()).isEqualTo(OptionalInt.of(501));
          });
    }
    assertThat(s3proxy.refusals()).containsOnly("x-amz-mp-object-size");
    assertThat(admin.listMultipartUploads(l -> l.bucket(bucket)).uploads()).isEmpty();
    assertThatThrownBy(() -> admin.headObject(h -> h.bucket(bucket)
        .key("media/product-videos/launch.mp4"))).isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void file_withoutTheObjectSizeHeader_goesInPartsAndComesBackByteIdentical() {
    Path file = Objects.file(dir.resolve("launch.mp4"), SEVENTEEN_MIB, 8);
    try (Stockroom stockroom = fitted()) {
      StoredObject stored = stockroom.media().productVideo("launch.mp4").upload(file);

      HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(stored.key()));
      assertThat(requests.sent("UploadPart")).as("17 MiB in 8 MiB parts").hasSize(3);
      assertThat(stored.size()).isEqualTo(SEVENTEEN_MIB);
      assertThat(head.eTag()).endsWith("-3\"");
      assertThat(Objects.sha256(admin, bucket, stored.key()))
          .isEqualTo(Objects.sha256(Objects.bytes(SEVENTEEN_MIB, 8)));
      assertThat(head.contentType()).isEqualTo("video/mp4");
      assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    }
    assertThat(s3proxy.refusals()).isEmpty();
  }

  @Test
  void streamOfUnknownLength_withoutTheObjectSizeHeader_goesInParts() {
    byte[] bytes = Objects.bytes(SEVENTEEN_MIB, 9);
    try (Stockroom stockroom = fitted()) {
      StoredObject stored = stockroom.logs().auditLog("2026/11/22/export.log.gz")
          .upload(new ByteArrayInputStream(bytes), "application/gzip");

      HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(stored.key()));
      assertThat(requests.sent("UploadPart")).hasSize(3);
      assertThat(Objects.sha256(admin, bucket, stored.key())).isEqualTo(Objects.sha256(bytes));
      assertThat(head.storageClass()).hasToString("GLACIER");
      assertThat(head.cacheControl()).isEqualTo("private, no-store");
    }
    assertThat(s3proxy.refusals()).as("audit logs ask for Object Lock").containsOnly("object-lock");
  }

  /** A Stockroom with the settings S3Proxy needs for multipart uploads. */
  private Stockroom fitted() {
    return s3proxy.stockroom(bucket).uploadHeaders(h -> h.serverSideEncryption(false))
        .s3ClientCustomizer(b -> b.overrideConfiguration(o -> o
            .addExecutionInterceptor(new WithoutMultipartObjectSize())
            .addExecutionInterceptor(requests)))
        .build();
  }
}
