package dev.stockroom.examples.shop;

import dev.stockroom.examples.support.LocalS3;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.Base64;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small shop: product images go to S3 and are served through CloudFront signed links; orders are
 * stored as transactional data, SSE-KMS. Run it with {@code mvn -q -P run -pl
 * examples/spring-boot-shop -am compile}.
 */
@SpringBootApplication
public class ShopApplication {

  public static void main(String[] args) throws Exception {
    if (LocalS3.setting("stockroom.endpoint", "STOCKROOM_ENDPOINT", null) == null) {
      useInProcessS3();
    }
    SpringApplication.run(ShopApplication.class, args);
  }

  /**
   * Starts S3Mock and points Stockroom at it: its endpoint, its credentials, a bucket, the KMS key
   * it accepts (with the KMS API check off: there is no KMS here) and a throw-away CloudFront key.
   */
  private static void useInProcessS3() throws Exception {
    LocalS3 s3 = LocalS3.startInProcess();
    Runtime.getRuntime().addShutdownHook(new Thread(s3::close));
    try (var admin = s3.client(software.amazon.awssdk.regions.Region.US_EAST_1)) {
      LocalS3.createBucketIfMissing(admin, "shop-assets");
    }
    System.setProperty("stockroom.endpoint", s3.endpoint().toString());
    System.setProperty("stockroom.path-style", "true");
    System.setProperty("aws.accessKeyId", "quickstart");
    System.setProperty("aws.secretAccessKey", "quickstart");
    System.setProperty("stockroom.kms.key-id", LocalS3.LOCAL_KMS_KEY_ID);
    System.setProperty("stockroom.kms.key-check", "false");
    System.setProperty("stockroom.cloud-front.private-key", "file:" + throwAwayKey());
  }

  private static Path throwAwayKey() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(
        generator.generateKeyPair().getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n";
    Path file = Files.createTempFile("shop-cloudfront-", ".pem");
    file.toFile().deleteOnExit();
    return Files.writeString(file, pem);
  }
}
