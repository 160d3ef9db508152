package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.testing.LogCapture;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;

class AccelerationTest {

  /** Records the host of each request and stops it before it leaves the machine. */
  private static final class HostTrap implements ExecutionInterceptor {
    final List<String> hosts = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context,
        ExecutionAttributes attributes) {
      hosts.add(context.httpRequest().host());
      throw new IllegalStateException("stopped before transmission");
    }
  }

  @Test
  void accelerate_sendsUploadsToTheAccelerateEndpoint() {
    HostTrap trap = new HostTrap();
    try (Stockroom stockroom = Stockroom.builder().bucket("shop-assets").region(Region.EU_WEST_1)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).accelerate(true)
        .s3ClientCustomizer(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(trap)))
        .build()) {
      assertThat(stockroom.accelerated()).isTrue();

      assertThatThrownBy(() -> stockroom.media().productImage("a.jpg")
          .upload(new byte[] {1}, "image/jpeg"))
          .isInstanceOf(TransferFailedException.class)
          .hasMessageStartingWith("Upload on 'media/product-images/a.jpg' in bucket 'shop-assets' "
              + "failed");
    }
    assertThat(trap.hosts).isNotEmpty().allSatisfy(host ->
        assertThat(host).isEqualTo("shop-assets.s3-accelerate.amazonaws.com"));
  }

  @Test
  void accelerate_underEndpointOverride_isTurnedOffWithOneWarning_andUploadsWork() {
    String bucket = SharedS3Mock.newBucket();
    try (LogCapture logs = new LogCapture();
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket).accelerate(true).build()) {
      assertThat(stockroom.accelerated()).isFalse();
      stockroom.media().productImage("a.jpg").upload(new byte[] {1}, "image/jpeg");

      assertThat(logs.messages(Level.WARN)).containsExactly("Transfer Acceleration is off: it "
          + "cannot be used with the endpoint override " + SharedS3Mock.endpoint());
    }
    assertThat(SharedS3Mock.admin().headObject(h -> h.bucket(bucket)
        .key("media/product-images/a.jpg")).contentLength()).isEqualTo(1);
  }

  @Test
  void accelerate_withDottedBucket_failsAtBuild() {
    assertThatThrownBy(() -> Stockroom.builder().bucket("assets.shop.example")
        .region(Region.EU_WEST_1).accelerate(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bucket 'assets.shop.example' cannot use Transfer Acceleration: its name must "
            + "not contain dots");
  }

  @Test
  void accelerate_withCallersOwnClient_failsAtBuild() {
    assertThatThrownBy(() -> Stockroom.builder().bucket("shop-assets")
        .s3AsyncClient(SharedS3Mock.asyncClient()).accelerate(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accelerate applies to the S3 client Stockroom creates; build your own "
            + "S3AsyncClient with accelerate(true) instead");
  }
}
