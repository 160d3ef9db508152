package dev.stockroom.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.testing.CloudFrontKeyPair;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.KmsStandIn;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Stockroom's meters in a Micrometer registry, read back after real work against S3Mock: uploads
 * by kind and outcome with bytes, slow-down answers and retries, links signed and cached,
 * lifecycle drift, KMS checks; and uploads as Observations.
 */
class MetricsIT {

  private static final byte[] IMAGE = "image".getBytes(StandardCharsets.UTF_8);

  @Test
  void uploads_areCountedByKindAndOutcome_withTheirBytes() {
    String bucket = SharedS3Mock.newBucket();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket).meterRegistry(registry).build()) {
      stockroom.media().productImage("a.jpg").upload(IMAGE, "image/jpeg");
      stockroom.media().productImage("b.jpg").upload(IMAGE, "image/jpeg");
      stockroom.logs().accessLog("1.log").upload(new byte[100], "text/plain");
    }
    try (Stockroom missing = StockroomOnS3Mock.builder("no-such-bucket-" + System.nanoTime())
        .meterRegistry(registry).build()) {
      assertThatThrownBy(() -> missing.media().productImage("c.jpg").upload(IMAGE, "image/jpeg"))
          .isInstanceOf(TransferFailedException.class);
    }
    assertThat(registry.get("stockroom.upload").tags("bucket", bucket, "kind", "product-image",
        "outcome", "stored").timer().count()).isEqualTo(2);
    assertThat(registry.get("stockroom.upload").tags("kind", "access-log", "outcome", "stored")
        .timer().count()).isEqualTo(1);
    assertThat(registry.get("stockroom.upload").tags("kind", "product-image", "outcome",
        "failed").timer().count()).isEqualTo(1);
    assertThat(registry.get("stockroom.upload.bytes").tags("bucket", bucket, "kind",
        "product-image").summary().totalAmount()).isEqualTo(2 * IMAGE.length);
  }

  @Test
  void slowDowns_andRetries_ofStockroomsClient_areCounted() {
    String bucket = SharedS3Mock.newBucket();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    try (FaultyS3 faulty = new FaultyS3().slowDownOncePerKey(3);
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket)
            .endpointOverride(faulty.endpoint()).meterRegistry(registry).build()) {
      for (int i = 0; i < 3; i++) {
        stockroom.media().productImage(i + ".jpg").upload(IMAGE, "image/jpeg");
      }
      assertThat(faulty.faultsInjected()).isEqualTo(3);
    }
    assertThat(registry.get("stockroom.s3.throttled").counter().count()).isEqualTo(3);
    assertThat(registry.get("stockroom.s3.retries").counter().count()).isEqualTo(3);
  }

  @Test
  void links_signedAndFromTheCache_lifecycleDrift_andKmsChecks() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    CloudFrontKeyPair keys = CloudFrontKeyPair.generate();
    try (KmsStandIn kms = new KmsStandIn().key(KmsStandIn.usable(SharedS3Mock.KMS_KEY_ID));
        var kmsClient = kms.client();
        Stockroom stockroom = StockroomOnS3Mock.builder(bucket).meterRegistry(registry)
            .kmsKeyId(SharedS3Mock.KMS_KEY_ID).kmsClient(kmsClient)
            .cloudFront(cf -> cf.domain("d111111abcdef8.cloudfront.net")
                .keyPair(keys.keyPairId(), keys.privateKey()))
            .build()) {
      stockroom.links().url("media/product-images/a.jpg", Duration.ofMinutes(30));
      stockroom.links().url("media/product-images/a.jpg", Duration.ofMinutes(30));
      stockroom.links().cookies("media/product-images/*", Duration.ofMinutes(30));
      assertThat(registry.get("stockroom.links").tags("type", "url", "cache", "miss").counter()
          .count()).isEqualTo(1);
      assertThat(registry.get("stockroom.links").tags("type", "url", "cache", "hit").counter()
          .count()).isEqualTo(1);
      assertThat(registry.get("stockroom.links").tags("type", "cookies", "cache", "miss")
          .counter().count()).isEqualTo(1);

      stockroom.lifecycle().plan();
      // a new bucket lacks every owned rule: nine kinds with lifecycle actions (all but PAGE)
      // and the bucket-wide abort of incomplete uploads
      assertThat(registry.get("stockroom.lifecycle.drift").gauge().value()).isEqualTo(10);
      stockroom.lifecycle().apply();
      stockroom.lifecycle().plan();
      assertThat(registry.get("stockroom.lifecycle.drift").gauge().value()).isZero();

      stockroom.kmsKey().verify();
      assertThat(registry.get("stockroom.kms.checks").tags("result", "valid").counter().count())
          .isEqualTo(1);
    }
  }

  @Test
  void uploads_areObservations_whenAnObservationRegistryIsGiven() {
    String bucket = SharedS3Mock.newBucket();
    List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new ObservationHandler<>() {
      @Override
      public void onStop(Observation.Context context) {
        stopped.add(context);
      }

      @Override
      public boolean supportsContext(Observation.Context context) {
        return true;
      }
    });
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket)
        .meterRegistry(new SimpleMeterRegistry()).observationRegistry(observations).build()) {
      stockroom.media().productImage("a.jpg").upload(IMAGE, "image/jpeg");
    }
    assertThat(stopped).singleElement().satisfies(context -> {
      assertThat(context.getName()).isEqualTo("stockroom.upload");
      assertThat(context.getLowCardinalityKeyValue("kind").getValue()).isEqualTo("product-image");
      assertThat(context.getLowCardinalityKeyValue("outcome").getValue()).isEqualTo("stored");
      assertThat(context.getLowCardinalityKeyValue("bucket").getValue()).isEqualTo(bucket);
      assertThat(context.getError()).isNull();
    });
  }
}
