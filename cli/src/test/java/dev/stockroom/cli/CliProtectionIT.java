package dev.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.testing.SharedS3Mock;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The protection commands in-process against S3Mock: a backup, a restore drill of it, and the
 * erasure of a data subject (planned, then applied), with the protection key from the
 * environment, never repeated in a message.
 */
class CliProtectionIT {

  private static final S3Client admin = SharedS3Mock.admin();
  private static final String KEY = Base64.getEncoder().encodeToString(
      "a protection key of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));

  @TempDir
  Path dir;

  @BeforeAll
  static void credentials() {
    System.setProperty("aws.accessKeyId", "cli-test");
    System.setProperty("aws.secretAccessKey", "cli-test");
  }

  private record Run(int status, String out, String err) {
    JsonNode json() {
      return JsonMapper.builder().build().readTree(out);
    }
  }

  private Run run(String shop, String backups, String protectionKey, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--bucket", shop, "--region", "us-east-1", "--endpoint",
        SharedS3Mock.endpoint().toString(), "--path-style", "--kms-key-id",
        SharedS3Mock.KMS_KEY_ID, "--set", "stockroom.kms.key-check=false", "--set",
        "stockroom.backups.bucket=" + backups));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = StockroomCli.run(all.toArray(String[]::new), new Context(
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of("STOCKROOM_PROTECTIONKEY", protectionKey), dir));
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private static String bucket(String name, boolean versioned) {
    String bucket = name + "-" + System.nanoTime();
    admin.createBucket(b -> b.bucket(bucket));
    if (versioned) {
      admin.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v
          .status(BucketVersioningStatus.ENABLED)));
    }
    return bucket;
  }

  private static void put(String bucket, String key, String body) {
    admin.putObject(b -> b.bucket(bucket).key(key).serverSideEncryption(
        ServerSideEncryption.AWS_KMS).ssekmsKeyId(SharedS3Mock.KMS_KEY_ID), RequestBody
        .fromString(body));
  }

  @Test
  void backup_thenDrill_thenEraseASubject() {
    String shop = bucket("cli-shop", false);
    String backups = bucket("cli-backups", true);
    put(shop, "transactional/orders/2026/12/order-1.json", "order 1");
    put(shop, "transactional/customers/c-77/profile.json", "{\"name\":\"Ann\"}");

    Run backup = run(shop, backups, KEY, "backup", "--tier", "daily", "--json");
    assertThat(backup.status()).as(backup.err()).isZero();
    assertThat(backup.json().get("copied").asLong()).isEqualTo(2);

    Run drill = run(shop, backups, KEY, "restore-drill", "--tier", "daily", "--json");
    assertThat(drill.status()).as(drill.err()).isZero();
    assertThat(drill.json().get("passed").asBoolean()).isTrue();
    assertThat(drill.json().get("restored").asLong()).isEqualTo(2);
    assertThat(admin.listObjectsV2(b -> b.bucket(shop).prefix("restore-drills/")).contents())
        .as("cleaned up").isEmpty();

    Run plan = run(shop, backups, KEY, "erase", "--subject", "c-77");
    assertThat(plan.status()).as(plan.err()).isZero();
    assertThat(plan.out()).contains("Nothing erased: add --apply");
    assertThat(admin.headObject(b -> b.bucket(shop)
        .key("transactional/customers/c-77/profile.json")).contentLength()).isPositive();

    Run erased = run(shop, backups, KEY, "erase", "--subject", "c-77", "--apply", "--json");
    assertThat(erased.status()).as(erased.err()).isZero();
    assertThat(erased.out()).doesNotContain("c-77");
    assertThatThrownBy(() -> admin.headObject(b -> b.bucket(shop)
        .key("transactional/customers/c-77/profile.json"))).isInstanceOf(NoSuchKeyException.class);
  }

  @Test
  void aProtectionKeyThatIsNotBase64_isRefused_withoutRepeatingIt() {
    Run bad = run(bucket("cli-shop", false), bucket("cli-backups", true), "not*base64*secret",
        "backup", "--tier", "daily");
    assertThat(bad.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).startsWith("stockroom: environment variable STOCKROOM_PROTECTIONKEY "
        + "must be base64").doesNotContain("not*base64*secret");
  }
}
