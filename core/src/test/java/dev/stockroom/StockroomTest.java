package dev.stockroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.testing.SharedS3Mock;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

class StockroomTest {

  @Test
  void build_makesNoNetworkCall() {
    // Nothing listens on port 9 (discard): any request would fail. build() must not send one.
    try (Stockroom stockroom = Stockroom.builder().bucket("shop-assets").region(Region.EU_WEST_1)
        .endpointOverride(URI.create("http://127.0.0.1:9")).forcePathStyle(true)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).build()) {
      assertThat(stockroom.bucket()).isEqualTo("shop-assets");
      assertThat(stockroom.toString()).isEqualTo("Stockroom{bucket='shop-assets', closed=false}");
    }
  }

  @Test
  void bucket_isRequiredAndChecked() {
    assertThatThrownBy(() -> Stockroom.builder().region(Region.EU_WEST_1).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("bucket must be set");
    assertThatThrownBy(() -> Stockroom.builder().bucket(null))
        .isInstanceOf(NullPointerException.class).hasMessage("bucket must not be null");
    assertThatThrownBy(() -> Stockroom.builder().bucket("Shop_Assets"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bucket must be 3 to 63 characters of lowercase letters, digits, '.' and '-', "
            + "starting and ending with a letter or digit, but was 'Shop_Assets'");
    assertThatThrownBy(() -> Stockroom.builder().bucket("192.168.1.1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bucket must not be formatted as an IP address, but was '192.168.1.1'");
  }

  @Test
  void endpointOverride_mustBeHttp() {
    assertThatThrownBy(() -> Stockroom.builder().endpointOverride(URI.create("localhost:9090")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("endpointOverride must be an absolute http or https URI, but was "
            + "'localhost:9090'");
  }

  @Test
  void policies_invalidOverride_failsAtBuilderCall() {
    assertThatThrownBy(() -> Stockroom.builder().policies(p -> p.policy(
        dev.stockroom.policy.DataKind.ERROR_LOG, e -> e.expirationDays(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ERROR_LOG: expirationDays must be at least 1, but was 0");
  }

  @Test
  void close_leavesTheCallersClientOpen() {
    S3AsyncClient mine = SharedS3Mock.asyncClient();
    String bucket = SharedS3Mock.newBucket();
    Stockroom stockroom = Stockroom.builder().bucket(bucket).s3AsyncClient(mine).build();

    stockroom.close();
    stockroom.close();

    assertThat(mine.headBucket(b -> b.bucket(bucket)).join().sdkHttpResponse().isSuccessful())
        .isTrue();
    assertThat(stockroom.toString()).endsWith("closed=true}");
  }
}
