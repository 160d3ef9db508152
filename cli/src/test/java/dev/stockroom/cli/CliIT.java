package dev.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.testing.CloudFrontKeyPair;
import dev.stockroom.testing.CloudFrontVerifier;
import dev.stockroom.testing.SharedS3Mock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The commands run in-process against S3Mock, as a person or a CI job would type them: outcomes
 * read back from the bucket, exit statuses, and one-line messages for bad input and AWS failures.
 */
class CliIT {

  private static final S3Client admin = SharedS3Mock.admin();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir
  Path dir;

  /** One run: exit status, standard output and standard error. */
  record Run(int status, String out, String err) {
    JsonNode json() {
      return JSON.readTree(out);
    }
  }

  @BeforeAll
  static void credentials() {
    // the AWS default chain reads these first; S3Mock accepts any
    System.setProperty("aws.accessKeyId", "cli-test");
    System.setProperty("aws.secretAccessKey", "cli-test");
    SharedS3Mock.endpoint();
  }

  private Run run(Map<String, String> environment, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = StockroomCli.run(args, new Context(new PrintStream(out, true,
        StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), environment,
        dir));
    return new Run(status, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }

  private Run run(String bucket, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--bucket", bucket, "--region", "us-east-1", "--endpoint",
        SharedS3Mock.endpoint().toString(), "--path-style"));
    return run(Map.of(), all.toArray(String[]::new));
  }

  @Test
  void policy_showsEveryKind_forPeopleAndAsJson() {
    Run people = run("any-bucket", "policy");
    assertThat(people.status()).isZero();
    assertThat(people.out()).contains("PRODUCT_IMAGE").contains("media/product-images/")
        .contains("public, max-age=31536000, immutable").contains("COMPLIANCE P7Y");
    Run json = run("any-bucket", "policy", "--json");
    assertThat(json.json()).hasSize(10);
    assertThat(json.json().get(0).get("kind").asString()).isEqualTo("ORDER");
    assertThat(json.json().get(0).get("encryption").asString()).isEqualTo("KMS_REQUIRED");
  }

  @Test
  void plan_exits2OnDrift_apply_thenPlanExits0() {
    String bucket = SharedS3Mock.newBucket();
    Run drift = run(bucket, "plan");
    assertThat(drift.status()).as(drift.err()).isEqualTo(ExitCodes.CHANGES);
    assertThat(drift.out()).contains("stockroom.product-image");
    Run applied = run(bucket, "apply", "--json");
    assertThat(applied.status()).isZero();
    assertThat(applied.json().get("applied").asBoolean()).isTrue();
    assertThat(admin.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules())
        .extracting(rule -> rule.id()).contains("stockroom.product-image", "stockroom.access-log");
    Run clean = run(bucket, "plan", "--json");
    assertThat(clean.status()).isZero();
    assertThat(clean.json().get("changes")).isEmpty();
  }

  @Test
  void plan_withAWorkload_pricesTheChange_andNothingOnceApplied() {
    String bucket = SharedS3Mock.newBucket();
    Run drift = run(bucket, "plan", "--add", "product-image=10000x1MB", "--json");
    assertThat(drift.status()).as(drift.err()).isEqualTo(ExitCodes.CHANGES);
    JsonNode cost = drift.json().get("costEffect");
    assertThat(cost.get("month").asInt()).isEqualTo(12);
    JsonNode image = null;
    for (JsonNode kind : cost.get("kinds")) {
      image = kind.get("kind").asString().equals("product-image") ? kind : image;
    }
    assertThat(image).as("product-image among %s", cost.get("kinds")).isNotNull();
    // a bucket without rules keeps 1 MB images in STANDARD; the policy moves them to STANDARD_IA
    assertThat(image.get("afterUsd").asDouble()).isLessThan(image.get("beforeUsd").asDouble());
    assertThat(cost.get("differenceUsd").asDouble()).isNegative();
    Run people = run(bucket, "plan", "--add", "product-image=10000x1MB", "--cost-month", "6");
    assertThat(people.out()).contains("Cost effect:", "per month at month 6");
    assertThat(run(bucket, "apply").status()).isZero();
    Run applied = run(bucket, "plan", "--add", "product-image=10000x1MB", "--json");
    assertThat(applied.status()).isZero();
    assertThat(applied.json().get("costEffect").get("kinds")).isEmpty();
    Run month = run(bucket, "plan", "--add", "product-image=1x1MB", "--cost-month", "0");
    assertThat(month.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(month.err()).startsWith("stockroom: --cost-month=0: must be between 1 and 600");
  }

  @Test
  void badInput_isOneLineNamingTheFlagAndValue_exit64() {
    Run region = run(Map.of(), "plan", "--bucket", "shop", "--region", "eu west\u001b[2J");
    assertThat(region.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(region.err().lines()).singleElement().asString()
        .startsWith("stockroom: --region='eu west\\u001b[2J': not an AWS region name");
    Run unknown = run(Map.of(), "plan", "--set", "stockroom.bukcet=shop");
    assertThat(unknown.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(unknown.err()).startsWith("stockroom: --set: unknown property 'stockroom.bukcet'");
    Run flag = run(Map.of(), "plan", "--bukcet", "shop");
    assertThat(flag.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(flag.err().lines()).singleElement().asString()
        .isEqualTo("stockroom: Unknown options: '--bukcet', 'shop' (see 'stockroom plan --help')");
    Run noBucket = run(Map.of(), "plan");
    assertThat(noBucket.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(noBucket.err()).contains("no bucket: pass --bucket, set STOCKROOM_BUCKET");
    assertThat(region.err() + unknown.err() + flag.err()).doesNotContain("\tat ");
  }

  @Test
  void settings_comeFromTheFile_theEnvironment_thenFlags() throws IOException {
    String bucket = SharedS3Mock.newBucket();
    Files.writeString(dir.resolve("stockroom.yml"), """
        stockroom:
          bucket: not-this-one
          region: us-east-1
          path-style: true
        """);
    Map<String, String> environment = new HashMap<>();
    environment.put("STOCKROOM_ENDPOINT", SharedS3Mock.endpoint().toString());
    environment.put("STOCKROOM_BUCKET", bucket);
    Run fromEnvironment = run(environment, "plan");
    assertThat(fromEnvironment.status()).as(fromEnvironment.err()).isEqualTo(ExitCodes.CHANGES);
    assertThat(fromEnvironment.out()).contains(bucket);

    Files.writeString(dir.resolve("stockroom.yml"), "stockroom:\n  kms:\n    key_id: x\n");
    Run badFile = run(environment, "plan");
    assertThat(badFile.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(badFile.err()).contains("stockroom.yml: unknown property 'stockroom.kms.key_id'");
  }

  @Test
  void anAwsFailure_namesTheBucketAndS3sErrorCode_exit1() {
    Run missing = run("no-such-bucket-" + System.nanoTime(), "plan");
    assertThat(missing.status()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err().lines()).singleElement().asString()
        .contains("no-such-bucket-").contains("NoSuchBucket");
  }

  @Test
  void upload_aDirectoryWithAJournal_resumesWithoutResending() throws IOException {
    String bucket = SharedS3Mock.newBucket();
    Path catalog = Files.createDirectories(dir.resolve("catalog/sku-1"));
    for (int i = 0; i < 5; i++) {
      Files.writeString(catalog.resolve(i + ".jpg"), "image " + i);
    }
    Path journal = dir.resolve("import.journal");
    Run first = run(bucket, "upload", "--kind", "product-image", "--journal", journal.toString(),
        dir.resolve("catalog").toString(), "--json");
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.json().get("stored").asLong()).isEqualTo(5);
    var head = admin.headObject(b -> b.bucket(bucket).key("media/product-images/sku-1/3.jpg"));
    assertThat(head.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
    Run again = run(bucket, "upload", "--kind", "product-image", "--journal", journal.toString(),
        dir.resolve("catalog").toString(), "--json");
    assertThat(again.json().get("stored").asLong()).isZero();
    assertThat(again.json().get("alreadyStored").asLong()).isEqualTo(5);

    Run order = run(bucket, "upload", "--kind", "order", catalog.resolve("1.jpg").toString());
    assertThat(order.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(order.err()).contains("KMS");
  }

  @Test
  void upload_aFile_storesItsBytesWithTheKindsHeaders_andWithAJournal_resumes()
      throws IOException {
    String bucket = SharedS3Mock.newBucket();
    Path file = Files.writeString(dir.resolve("hero.jpg"), "hero image bytes");
    Run stored = run(bucket, "upload", "--kind", "product-image", "--name", "sku-9/hero.jpg",
        file.toString(), "--json");
    assertThat(stored.status()).as(stored.err()).isZero();
    String key = "media/product-images/sku-9/hero.jpg";
    assertThat(stored.json().get("key").asString()).isEqualTo(key);
    assertThat(admin.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asUtf8String())
        .isEqualTo("hero image bytes");
    assertThat(admin.headObject(b -> b.bucket(bucket).key(key)).cacheControl())
        .isEqualTo("public, max-age=31536000, immutable");

    Path journal = dir.resolve("file.journal");
    Run first = run(bucket, "upload", "--kind", "product-image", "--journal", journal.toString(),
        file.toString(), "--json");
    assertThat(first.status()).as(first.err()).isZero();
    assertThat(first.json().get("stored").asLong()).isEqualTo(1);
    assertThat(admin.getObjectAsBytes(b -> b.bucket(bucket).key("media/product-images/hero.jpg"))
        .asUtf8String()).isEqualTo("hero image bytes");
    Run again = run(bucket, "upload", "--kind", "product-image", "--journal", journal.toString(),
        file.toString(), "--json");
    assertThat(again.json().get("stored").asLong()).isZero();
    assertThat(again.json().get("alreadyStored").asLong()).isEqualTo(1);
  }

  @Test
  void uploadHeaderProperties_changeWhatAnUploadCarries() throws IOException {
    String bucket = SharedS3Mock.newBucket();
    Path file = Files.writeString(dir.resolve("a.html"), "<p>page</p>");
    Run stored = run(bucket, "upload", "--kind", "page", file.toString(),
        "--set", "stockroom.upload-headers.kind-tag=true",
        "--set", "stockroom.upload-headers.server-side-encryption=false");
    assertThat(stored.status()).as(stored.err()).isZero();
    String key = "media/pages/a.html";
    assertThat(admin.getObjectTagging(t -> t.bucket(bucket).key(key)).tagSet())
        .extracting(tag -> tag.key() + "=" + tag.value()).containsExactly("stockroom-kind=page");
    assertThat(admin.headObject(h -> h.bucket(bucket).key(key)).serverSideEncryption()).isNull();
    Run bad = run(bucket, "upload", "--kind", "page", file.toString(),
        "--set", "stockroom.upload-headers.checksums=maybe");
    assertThat(bad.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("stockroom.upload-headers.checksums", "maybe",
        "expected true or false");
  }

  @Test
  void anAwsFailureOnAnUpload_namesTheBucketTheKeyAndS3sErrorCode_exit1() throws IOException {
    Path file = Files.writeString(dir.resolve("hero.jpg"), "hero image bytes");
    String bucket = "no-such-bucket-" + System.nanoTime();
    Run missing = run(bucket, "upload", "--kind", "product-image", file.toString());
    assertThat(missing.status()).as(missing.err()).isEqualTo(ExitCodes.FAILURE);
    assertThat(missing.err().lines()).singleElement().asString()
        .contains(bucket).contains("media/product-images/hero.jpg").contains("NoSuchBucket");
  }

  @Test
  void everyCommand_answersHelp_withItsOwnUsage() {
    for (String command : List.of("policy", "plan", "apply", "audit", "repair", "cost", "upload",
        "sign", "backup", "restore-drill", "erase")) {
      Run help = run(Map.of(), command, "--help");
      assertThat(help.status()).as(command).isZero();
      assertThat(help.out()).as(command).startsWith("Usage: stockroom " + command + " ")
          .contains("--bucket=NAME", "--json", "-h, --help");
    }
  }

  @Test
  void audit_thenRepair_plansFirst_andAppliesOnlyWhenAsked() {
    String bucket = SharedS3Mock.newBucket();
    String key = "media/product-images/legacy/0.jpg";
    admin.putObject(b -> b.bucket(bucket).key(key).storageClass(StorageClass.ONEZONE_IA)
        .contentType("image/jpeg").cacheControl("public, max-age=31536000, immutable")
        .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("legacy"));
    Path findings = dir.resolve("findings.csv");
    Run audit = run(bucket, "audit", "--findings", findings.toString(), "--json");
    assertThat(audit.status()).as(audit.err()).isZero();
    assertThat(audit.json().get("findings").get(0).get("finding").asString())
        .isEqualTo("STORAGE_CLASS");

    Run plan = run(bucket, "repair", "--findings", findings.toString());
    assertThat(plan.status()).isZero();
    assertThat(plan.out()).contains("Nothing changed: add --apply");
    assertThat(admin.headObject(b -> b.bucket(bucket).key(key)).storageClass())
        .isEqualTo(StorageClass.ONEZONE_IA);

    Run applied = run(bucket, "repair", "--findings", findings.toString(), "--apply", "--json");
    assertThat(applied.status()).as(applied.err()).isZero();
    assertThat(applied.json().get("counts").get("REPAIRED").asLong()).isEqualTo(1);
    // STANDARD, the class a fresh image gets (S3 leaves the header out for STANDARD)
    assertThat(admin.headObject(b -> b.bucket(bucket).key(key)).storageClassAsString()).isNull();
  }

  @Test
  void cost_projectsTheAddedObjects_andWritesTheTableAndChart() {
    Path csv = dir.resolve("cost.csv");
    Path png = dir.resolve("cost.png");
    Run cost = run("any-bucket", "cost", "--months", "12", "--add", "product-image=2000x300KB",
        "--csv", csv.toString(), "--chart", png.toString(), "--json");
    assertThat(cost.status()).as(cost.err()).isZero();
    // 2,000 images of 300 KiB a month: month 1 holds 2,000 × 300 KiB in STANDARD at $0.023/GB
    double month1 = cost.json().get("monthlyUsd").get(0).get("allStandard").asDouble();
    double expectedStorage = 2000 * 300 * 1024 * 0.023 / (1L << 30);
    double expectedPuts = 2000 * 0.005 / 1000;
    assertThat(month1).isCloseTo(expectedStorage + expectedPuts,
        org.assertj.core.api.Assertions.within(1e-9));
    assertThat(csv).isNotEmptyFile();
    assertThat(png).isNotEmptyFile();
    Run bad = run("any-bucket", "cost", "--add", "catalog=10x1KB");
    assertThat(bad.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err()).contains("--add 'catalog=10x1KB': unknown data kind 'catalog'");
  }

  @Test
  void sign_printsAUrlCloudFrontAccepts_andRefusesTransactionalKeys() throws IOException {
    CloudFrontKeyPair keys = CloudFrontKeyPair.generate();
    Path pem = Files.writeString(dir.resolve("cloudfront.pem"), keys.privateKeyPem());
    Files.writeString(dir.resolve("stockroom.yml"), "stockroom:\n  cloud-front:\n"
        + "    domain: d111111abcdef8.cloudfront.net\n    key-pair-id: " + keys.keyPairId()
        + "\n    private-key: file:" + pem + "\n");
    Run signed = run("any-bucket", "sign", "--key", "media/product-images/sku-1/front.jpg",
        "--lifetime", "15m");
    assertThat(signed.status()).as(signed.err()).isZero();
    String url = signed.out().strip();
    assertThat(url).startsWith("https://d111111abcdef8.cloudfront.net/media/product-images/sku-1/"
        + "front.jpg?");
    assertThat(new CloudFrontVerifier().trust(keys).acceptsUrl(url, Instant.now())).isTrue();
    assertThat(signed.err()).isEmpty();

    Run refused = run("any-bucket", "sign", "--key", "transactional/orders/1.json");
    assertThat(refused.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(refused.err()).contains("ORDER").doesNotContain("Signature=");
  }
}
