package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.testing.SharedS3Mock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** The builder's rules: S3's bucket names, no silently ignored setting, a KMS key of the region. */
class StockroomBuilderTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "xn--shop-assets | bucket must not start with 'xn--' (reserved by S3), but was 'xn--shop-assets'",
      "sthree-assets | bucket must not start with 'sthree-' (reserved by S3), but was 'sthree-assets'",
      "sthree-configurator-x | bucket must not start with 'sthree-' (reserved by S3), but was 'sthree-configurator-x'",
      "amzn-s3-demo-bucket | bucket must not start with 'amzn-s3-demo-' (reserved by S3), but was 'amzn-s3-demo-bucket'",
      "shop-s3alias | bucket must not end with '-s3alias' (reserved by S3), but was 'shop-s3alias'",
      "shop--ol-s3 | bucket must not end with '--ol-s3' (reserved by S3), but was 'shop--ol-s3'",
      "shop.mrap | bucket must not end with '.mrap' (reserved by S3), but was 'shop.mrap'",
      "shop--x-s3 | bucket must not end with '--x-s3' (reserved by S3), but was 'shop--x-s3'",
      "shop--table-s3 | bucket must not end with '--table-s3' (reserved by S3), but was 'shop--table-s3'",
      "shop..assets | bucket must not contain '..', '.-' or '-.', but was 'shop..assets'"})
  void bucketNames_S3Refuses_areRefused(String bucket, String message) {
    assertThatThrownBy(() -> Stockroom.builder().bucket(bucket))
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  @Test
  void bucketNames_closeToTheReservedOnes_areAccepted() {
    for (String bucket : new String[] {"shop-xn--assets", "my-sthree-bucket", "s3alias-shop",
        "shop-mrap"}) {
      assertThat(Stockroom.builder().bucket(bucket)).isNotNull();
    }
  }

  @Test
  void withTheCallersOwnClient_settingsItWouldIgnore_areRefusedByName() {
    S3AsyncClient mine = SharedS3Mock.asyncClient();
    assertThatThrownBy(() -> Stockroom.builder().bucket("shop-assets").s3AsyncClient(mine)
        .endpointOverride(URI.create("http://127.0.0.1:9")).forcePathStyle(true)
        .s3ClientCustomizer(b -> { }).transferSettings(t -> t.partSize(16 << 20)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endpointOverride, forcePathStyle, s3ClientCustomizer, transferSettings "
            + "(partSize, multipartThreshold, maxConnections) would be ignored: Stockroom uses the "
            + "clients you passed in (s3AsyncClient, kmsClient, cloudFrontClient) as they are; "
            + "configure them instead, or remove these settings");
    assertThatThrownBy(() -> Stockroom.builder().bucket("shop-assets").s3AsyncClient(mine)
        .region(Region.EU_WEST_1).credentialsProvider(SharedS3Mock.CREDENTIALS).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("region, credentialsProvider would be ignored");
  }

  @Test
  void withTheCallersOwnClient_regionAndCredentials_stillServeTheKmsClientStockroomCreates() {
    S3AsyncClient mine = SharedS3Mock.asyncClient();
    try (Stockroom stockroom = Stockroom.builder().bucket("shop-assets").s3AsyncClient(mine)
        .region(Region.EU_WEST_1).credentialsProvider(SharedS3Mock.CREDENTIALS)
        .kmsKeyId("alias/shop").transferSettings(t -> t.maxConcurrentFiles(4)).build()) {
      assertThat(stockroom.kmsKey().keyId()).contains("alias/shop");
    }
    try (KmsClient kms = KmsClient.builder().region(Region.EU_WEST_1)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).build()) {
      assertThatThrownBy(() -> Stockroom.builder().bucket("shop-assets").s3AsyncClient(mine)
          .kmsClient(kms).kmsKeyId("alias/shop").region(Region.EU_WEST_1).build())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("region would be ignored");
    }
  }

  @Test
  void aKmsKeyArn_ofAnotherRegion_isRefused() {
    String arn = "arn:aws:kms:us-west-2:123456789012:key/4f7a1c9e-2d3b-4e8f-9a6b-0c1d2e3f4a5b";
    assertThatThrownBy(() -> Stockroom.builder().bucket("shop-assets").region(Region.EU_WEST_1)
        .kmsKeyId(arn).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("kmsKeyId is a key of region us-west-2, but the S3 client is in eu-west-1: "
            + "SSE-KMS needs a key in the bucket's region, but was '" + arn + "'");
    try (Stockroom same = Stockroom.builder().bucket("shop-assets").region(Region.US_WEST_2)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).kmsKeyId(arn).build()) {
      assertThat(same.kmsKey().keyId()).contains(arn);
    }
    S3AsyncClient mine = SharedS3Mock.asyncClient();
    assertThatThrownBy(() -> Stockroom.builder().bucket("shop-assets").s3AsyncClient(mine)
        .kmsKeyId(arn).kmsKeyCheck(false).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("kmsKeyId is a key of region us-west-2, but the S3 client is in "
            + "us-east-1");
  }

  @Test
  void shutdownGracePeriod_andResumeTokenKey_areChecked() {
    assertThatThrownBy(() -> Stockroom.builder().shutdownGracePeriod(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("shutdownGracePeriod must be between 0 and 1 hour, but was PT-1S");
    assertThatThrownBy(() -> Stockroom.builder().resumeTokenKey(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("resumeTokenKey must be at least 32 bytes, but was 31");
    assertThatThrownBy(() -> Stockroom.builder().executor(null))
        .isInstanceOf(NullPointerException.class).hasMessage("executor must not be null");
  }
}
