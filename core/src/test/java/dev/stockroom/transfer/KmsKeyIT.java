package dev.stockroom.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.exception.KmsKeyException;
import dev.stockroom.exception.PolicyViolationException;
import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.testing.KmsStandIn;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The KMS key is checked through the real KmsClient (against a loopback stand-in) before any byte. */
class KmsKeyIT {

  private static final byte[] ORDER = "{\"order\":1001}".getBytes(StandardCharsets.UTF_8);

  private final S3Client admin = SharedS3Mock.admin();
  private final RecordingInterceptor requests = new RecordingInterceptor();
  private KmsStandIn kms;
  private KmsClient kmsClient;
  private String bucket;

  @BeforeEach
  void setUp() throws IOException {
    kms = new KmsStandIn()
        .key(KmsStandIn.usable(SharedS3Mock.KMS_KEY_ID), "alias/shop-data")
        .key(new KmsStandIn.Key("disabled-key", "Disabled", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT"))
        .key(new KmsStandIn.Key("rsa-key", "Enabled", "RSA_2048", "ENCRYPT_DECRYPT"))
        .key(new KmsStandIn.Key("hmac-key", "Enabled", "SYMMETRIC_DEFAULT", "GENERATE_VERIFY_MAC"));
    kmsClient = kms.client();
    bucket = SharedS3Mock.newBucket();
  }

  @AfterEach
  void tearDown() {
    kmsClient.close();
    kms.close();
  }

  private Stockroom.Builder stockroom() {
    return StockroomOnS3Mock.builder(bucket, requests).kmsClient(kmsClient);
  }

  @Test
  void transactionalUpload_withoutKmsKey_isRefusedBeforeAnyByte() {
    try (Stockroom stockroom = stockroom().build()) {
      assertThatThrownBy(() -> stockroom.transactional().order("o-1.json")
          .upload(ORDER, "application/json"))
          .isInstanceOf(PolicyViolationException.class)
          .hasMessage("ORDER objects must be encrypted with SSE-KMS, but no KMS key is configured: "
              + "set kmsKeyId on the Stockroom builder; nothing was sent for "
              + "'transactional/orders/o-1.json'")
          .satisfies(e -> assertThat(((PolicyViolationException) e).kind())
              .contains(DataKind.ORDER));
    }
    assertThat(requests.sent()).isEmpty();
    assertNothingStored();
  }

  @Test
  void kmsKey_isDescribedOnce_andTheVerdictKept() {
    try (Stockroom stockroom = stockroom().kmsKeyId(SharedS3Mock.KMS_KEY_ID).build()) {
      for (int i = 0; i < 5; i++) {
        stockroom.transactional().payment("p-" + i + ".json").upload(ORDER, "application/json");
      }
      assertThat(stockroom.kmsKey().verify().keyId()).isEqualTo(SharedS3Mock.KMS_KEY_ID);
    }
    assertThat(kms.describeCalls()).isEqualTo(1);
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents()).hasSize(5);
  }

  @Test
  void alias_isDescribedThroughKms() {
    try (Stockroom stockroom = stockroom().kmsKeyId("alias/shop-data").build()) {
      var details = stockroom.kmsKey().verify();
      assertThat(details.keyId()).isEqualTo(SharedS3Mock.KMS_KEY_ID);
      assertThat(details.keySpec()).isEqualTo("SYMMETRIC_DEFAULT");
      assertThat(details.arn()).endsWith(":key/" + SharedS3Mock.KMS_KEY_ID);
    }
  }

  @Test
  void unknownKey_failsClearly_andNothingIsStored() {
    assertRefused("alias/missing", "KMS key 'alias/missing' does not exist");
  }

  @Test
  void disabledKey_failsClearly() {
    assertRefused("disabled-key", "KMS key 'disabled-key' is not enabled (state Disabled); SSE-KMS "
        + "needs an enabled SYMMETRIC_DEFAULT key with usage ENCRYPT_DECRYPT");
  }

  @Test
  void asymmetricKey_failsClearly() {
    assertRefused("rsa-key", "KMS key 'rsa-key' is not a symmetric encryption key (spec RSA_2048); "
        + "SSE-KMS needs an enabled SYMMETRIC_DEFAULT key with usage ENCRYPT_DECRYPT");
  }

  @Test
  void macKey_failsClearly() {
    assertRefused("hmac-key", "KMS key 'hmac-key' cannot encrypt (usage GENERATE_VERIFY_MAC); "
        + "SSE-KMS needs an enabled SYMMETRIC_DEFAULT key with usage ENCRYPT_DECRYPT");
  }

  @Test
  void badVerdict_isKeptToo_soKmsIsNotAskedAgainAndAgain() {
    try (Stockroom stockroom = stockroom().kmsKeyId("rsa-key").build()) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> stockroom.transactional().order("o.json")
            .upload(ORDER, "application/json")).isInstanceOf(KmsKeyException.class);
      }
    }
    assertThat(kms.describeCalls()).isEqualTo(1);
  }

  @Test
  void aKmsOutage_isNotKept_theNextUploadAsksAgainAndSucceeds() {
    kms.outage(true);
    try (Stockroom stockroom = stockroom().kmsKeyId(SharedS3Mock.KMS_KEY_ID).build()) {
      assertThatThrownBy(() -> stockroom.transactional().order("o-1.json")
          .upload(ORDER, "application/json"))
          .isInstanceOf(KmsKeyException.class)
          .hasMessageStartingWith("could not describe KMS key '" + SharedS3Mock.KMS_KEY_ID
              + "' (for bucket '" + bucket + "'): The request was rejected because an internal "
              + "exception occurred.")
          .hasMessageEndingWith("; nothing was sent for 'transactional/orders/o-1.json'");
      int duringTheOutage = kms.describeCalls();
      assertThat(requests.sent()).isEmpty();

      kms.outage(false);
      stockroom.transactional().order("o-2.json").upload(ORDER, "application/json");
      assertThat(kms.describeCalls()).as("asked again after the outage")
          .isEqualTo(duringTheOutage + 1);
      stockroom.transactional().order("o-3.json").upload(ORDER, "application/json");
      assertThat(kms.describeCalls()).as("the good verdict is kept")
          .isEqualTo(duringTheOutage + 1);
    }
    assertThat(keys()).containsExactly("transactional/orders/o-2.json",
        "transactional/orders/o-3.json");
  }

  @Test
  void verdicts_areKeptForTheCheckInterval_thenAskedAgain() {
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T10:00:00Z"));
    kms.key(new KmsStandIn.Key(SharedS3Mock.KMS_KEY_ID, "Disabled", "SYMMETRIC_DEFAULT",
        "ENCRYPT_DECRYPT"));
    try (Stockroom stockroom = stockroom().kmsKeyId(SharedS3Mock.KMS_KEY_ID).clock(clock)
        .awsCheckInterval(Duration.ofMinutes(2)).build()) {
      assertThatThrownBy(() -> stockroom.transactional().payment("p-1.json")
          .upload(ORDER, "application/json")).isInstanceOf(KmsKeyException.class)
          .hasMessageStartingWith("KMS key '" + SharedS3Mock.KMS_KEY_ID + "' is not enabled");
      // the key is enabled in KMS; the refusal is kept until the interval is over
      kms.key(KmsStandIn.usable(SharedS3Mock.KMS_KEY_ID));
      clock.advance(Duration.ofSeconds(119));
      assertThatThrownBy(() -> stockroom.transactional().payment("p-2.json")
          .upload(ORDER, "application/json")).isInstanceOf(KmsKeyException.class);
      assertThat(kms.describeCalls()).isEqualTo(1);

      clock.advance(Duration.ofSeconds(1));
      stockroom.transactional().payment("p-3.json").upload(ORDER, "application/json");
      assertThat(kms.describeCalls()).isEqualTo(2);
      clock.advance(Duration.ofSeconds(119));
      stockroom.transactional().payment("p-4.json").upload(ORDER, "application/json");
      assertThat(kms.describeCalls()).isEqualTo(2);
      clock.advance(Duration.ofSeconds(1));
      stockroom.transactional().payment("p-5.json").upload(ORDER, "application/json");
      assertThat(kms.describeCalls()).isEqualTo(3);
    }
    assertThat(keys()).containsExactly("transactional/payments/p-3.json",
        "transactional/payments/p-4.json", "transactional/payments/p-5.json");
  }

  @Test
  void kindsThatUseKmsIfConfigured_withoutAKey_areStoredWithSseS3() {
    try (Stockroom stockroom = stockroom().build()) {
      stockroom.logs().auditLog("2026/11/22/a.log").upload(ORDER, "text/plain");
      stockroom.media().userUpload("u-1/avatar.png").upload(ORDER, "image/png");
      stockroom.media().productImage("sku-1/front.jpg").upload(ORDER, "image/jpeg");
    }
    for (String key : List.of("logs/audit/2026/11/22/a.log", "media/user-uploads/u-1/avatar.png",
        "media/product-images/sku-1/front.jpg")) {
      HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(key));
      assertThat(head.serverSideEncryption()).as(key).isEqualTo(ServerSideEncryption.AES256);
      assertThat(head.ssekmsKeyId()).as(key).isNull();
    }
    assertThat(requests.sent("PutObject")).hasSize(3).allSatisfy(sent -> assertThat(
        sent.http().headers().get("x-amz-server-side-encryption")).containsExactly("AES256"));
    assertThat(kms.describeCalls()).isZero();
  }

  @Test
  void verify_withNoKeyConfigured_isAStateError() {
    try (Stockroom stockroom = stockroom().build()) {
      assertThat(stockroom.kmsKey().keyId()).isEmpty();
      assertThatThrownBy(() -> stockroom.kmsKey().verify())
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("no KMS key is configured: set kmsKeyId on the builder");
    }
  }

  private void assertRefused(String keyId, String message) {
    try (Stockroom stockroom = stockroom().kmsKeyId(keyId).build()) {
      assertThatThrownBy(() -> stockroom.transactional().customer("c-1.json")
          .upload(ORDER, "application/json"))
          .isInstanceOf(KmsKeyException.class)
          .hasMessage(message + "; nothing was sent for 'transactional/customers/c-1.json'")
          .satisfies(e -> {
            KmsKeyException refused = (KmsKeyException) e;
            assertThat(refused.keyId()).isEqualTo(keyId);
            assertThat(refused.bucket()).contains(bucket);
            assertThat(refused.key()).contains("transactional/customers/c-1.json");
          });
    }
    assertThat(requests.sent()).isEmpty();
    assertNothingStored();
  }

  private List<String> keys() {
    return admin.listObjectsV2(l -> l.bucket(bucket)).contents().stream().map(S3Object::key)
        .sorted().toList();
  }

  private void assertNothingStored() {
    assertThat(admin.listObjectsV2(l -> l.bucket(bucket)).contents()).isEmpty();
  }
}
