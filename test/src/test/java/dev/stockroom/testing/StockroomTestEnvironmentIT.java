package dev.stockroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StockroomTestEnvironmentIT {

  @RegisterExtension
  static StockroomTestEnvironment env = StockroomTestEnvironment.create();

  private static Throwable bucketBeforeAll;
  private static String firstBucket;

  @BeforeAll
  static void askForABucketOutsideATest() {
    try {
      env.bucket();
    } catch (Throwable e) {
      bucketBeforeAll = e;
    }
  }

  @AfterAll
  static void noBucketAfterTheTests() {
    // @AfterAll runs after every test's afterEach callbacks: the last test's bucket is forgotten.
    assertThatThrownBy(env::bucket).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @Order(1)
  void bucket_existsOnS3Mock_andIsEmpty() {
    firstBucket = env.bucket();

    assertThat(env.s3().listObjectsV2(l -> l.bucket(firstBucket)).contents()).isEmpty();
    env.s3().putObject(p -> p.bucket(firstBucket).key("a.txt"), RequestBody.fromString("a"));
    assertThat(env.s3().getObjectAsBytes(g -> g.bucket(firstBucket).key("a.txt")).asUtf8String())
        .isEqualTo("a");
    assertThat(env.endpoint().toString()).startsWith("http://localhost:");
  }

  @Test
  @Order(2)
  void bucket_isAnotherOneInTheNextTest() {
    assertThat(firstBucket).isNotNull();
    assertThat(env.bucket()).isNotEqualTo(firstBucket);
    assertThat(env.s3().listObjectsV2(l -> l.bucket(env.bucket())).contents()).isEmpty();
    assertThat(env.s3().listBuckets().buckets()).extracting(b -> b.name())
        .contains(firstBucket, env.bucket());
  }

  @Test
  void bucket_outsideATest_isRefused() {
    assertThat(bucketBeforeAll).isInstanceOf(IllegalStateException.class)
        .hasMessage("there is a bucket per test only while a test runs; use newBucket() for one "
            + "outside a test");
  }

  @Test
  void kmsKeyId_isAcceptedBySseKmsUploadsOnS3Mock() {
    env.s3().putObject(p -> p.bucket(env.bucket()).key("order.json")
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(env.kmsKeyId()),
        RequestBody.fromString("{}"));

    var head = env.s3().headObject(h -> h.bucket(env.bucket()).key("order.json"));
    assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(head.ssekmsKeyId()).contains(env.kmsKeyId());
  }

  @Test
  void kmsClient_describesTheKeyAsUsable() {
    var key = env.kmsClient().describeKey(d -> d.keyId(env.kmsKeyId())).keyMetadata();

    assertThat(key.keyId()).isEqualTo(env.kmsKeyId());
    assertThat(key.enabled()).isTrue();
    assertThat(key.keyState()).isEqualTo(KeyState.ENABLED);
    assertThat(key.keySpec()).isEqualTo(KeySpec.SYMMETRIC_DEFAULT);
    assertThat(key.keyUsage()).isEqualTo(KeyUsageType.ENCRYPT_DECRYPT);
    assertThat(env.kms().describeCalls()).isPositive();
  }

  @Test
  void kmsClient_unknownKey_isNotFound() {
    assertThatThrownBy(() -> env.kmsClient().describeKey(d -> d.keyId("alias/missing")))
        .isInstanceOf(NotFoundException.class)
        .hasMessageStartingWith("Key 'alias/missing' does not exist");
  }

  @Test
  void cloudFrontKeyPair_isRsa2048_andItsPemTextsAreItsKeys() throws Exception {
    CloudFrontKeyPair pair = env.cloudFrontKeyPair();

    assertThat(pair.keyPairId()).matches("K[A-Z0-9]{13}");
    assertThat(pair.publicKey()).isInstanceOfSatisfying(RSAPublicKey.class,
        rsa -> assertThat(rsa.getModulus().bitLength()).isEqualTo(2048));
    assertThat(pair.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----\n")
        .endsWith("\n-----END PRIVATE KEY-----\n");
    assertThat(pair.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----\n")
        .endsWith("\n-----END PUBLIC KEY-----\n");
    KeyFactory rsa = KeyFactory.getInstance("RSA");
    assertThat(rsa.generatePrivate(new PKCS8EncodedKeySpec(der(pair.privateKeyPem()))))
        .isEqualTo(pair.privateKey());
    assertThat(rsa.generatePublic(new X509EncodedKeySpec(der(pair.publicKeyPem()))))
        .isEqualTo(pair.publicKey());
    assertThat(pair.toString()).isEqualTo("CloudFrontKeyPair{keyPairId=" + pair.keyPairId()
        + ", RSA-2048}");
    assertThat(CloudFrontKeyPair.generate().keyPairId()).isNotEqualTo(pair.keyPairId());
  }

  @Test
  void cloudFrontVerifier_trustsTheKeyPair() throws Exception {
    String url = "https://d111111abcdef8.cloudfront.net/media/a.jpg";
    long expires = Instant.now().getEpochSecond() + 3600;
    Signature signature = Signature.getInstance("SHA1withRSA");
    signature.initSign(env.cloudFrontKeyPair().privateKey());
    signature.update(("{\"Statement\":[{\"Resource\":\"" + url + "\",\"Condition\":{"
        + "\"DateLessThan\":{\"AWS:EpochTime\":" + expires + "}}}]}")
        .getBytes(StandardCharsets.UTF_8));
    String signed = url + "?Expires=" + expires + "&Signature=" + Base64.getEncoder()
        .encodeToString(signature.sign()).replace('+', '-').replace('=', '_').replace('/', '~')
        + "&Key-Pair-Id=" + env.cloudFrontKeyPair().keyPairId();

    assertThat(env.cloudFrontVerifier().acceptsUrl(signed, Instant.now())).isTrue();
  }

  private static byte[] der(String pem) {
    return Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
  }
}
