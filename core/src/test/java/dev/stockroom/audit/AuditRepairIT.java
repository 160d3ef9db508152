package dev.stockroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * A bucket of about 1,000 objects, most of them stored as the policy says and some with each kind
 * of contradiction, written behind Stockroom's back: the audit finds each one (exact counts, from
 * how the bucket was seeded), the repair fixes each one (read back from S3Mock), and a second
 * audit finds nothing but the keys under no known prefix, which are never touched. Stockroom's
 * clock runs 100 days ahead, so the seeded objects are 100 days old to the policy.
 */
class AuditRepairIT {

  private static final String KEY = SharedS3Mock.KMS_KEY_ID;
  private static final int CLEAN_PER_KIND = 170;
  private static final Clock AHEAD = Clock.offset(Clock.systemUTC(), Duration.ofDays(100));
  private static final S3Client admin = SharedS3Mock.admin();
  private static String bucket;

  @TempDir
  static Path temp;

  @BeforeAll
  static void seed() {
    bucket = "audit-" + System.nanoTime();
    admin.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
    try (Stockroom stockroom = stockroom()) {
      for (int i = 0; i < CLEAN_PER_KIND; i++) {
        stockroom.media().productImage("clean/" + i + ".jpg").upload(bytes(i), "image/jpeg");
        stockroom.media().page("clean/" + i + ".html").upload(bytes(i), "text/html");
        stockroom.transactional().order("clean/" + i + ".json").upload(bytes(i),
            "application/json");
        stockroom.logs().accessLog("clean/" + i + ".log").upload(bytes(i), "text/plain");
      }
    }
    for (int i = 0; i < 25; i++) {
      put("legacy/export-" + i + ".csv", b -> b.serverSideEncryption(ServerSideEncryption.AES256)
          .contentType("text/csv"));
    }
    for (int i = 0; i < 60; i++) {
      put("transactional/orders/plain/" + i + ".json", b -> orderLike(b));
    }
    for (int i = 0; i < 15; i++) {
      put("media/product-images/sse-s3/" + i + ".jpg", b -> imageLike(b)
          .serverSideEncryption(ServerSideEncryption.AES256).ssekmsKeyId(null)
          .bucketKeyEnabled(null));
    }
    for (int i = 0; i < 30; i++) {
      put("transactional/customers/other-key/" + i + ".json", b -> kms(orderLike(b))
          .ssekmsKeyId(SharedS3Mock.OTHER_KMS_KEY_ID));
    }
    for (int i = 0; i < 30; i++) {
      put("transactional/payments/no-bucket-key/" + i + ".json", b -> kms(orderLike(b))
          .bucketKeyEnabled(false));
    }
    for (int i = 0; i < 40; i++) {
      Map<String, String> metadata = Map.of("origin", "legacy-" + i);
      put("media/product-images/one-zone/" + i + ".jpg", b -> imageLike(b)
          .storageClass(StorageClass.ONEZONE_IA).metadata(metadata));
    }
    for (int i = 0; i < 20; i++) {
      String key = "logs/audit/standard/" + i + ".log";
      put(key, b -> kms(b).contentType("text/plain; charset=utf-8")
          .cacheControl("private, no-store"));
      retain(key);
    }
    for (int i = 0; i < 25; i++) {
      put("logs/audit/unlocked/" + i + ".log", b -> kms(b).storageClass(StorageClass.GLACIER)
          .contentType("text/plain; charset=utf-8").cacheControl("private, no-store"));
    }
    for (int i = 0; i < 40; i++) {
      Map<String, String> metadata = Map.of("author", "shop " + i);
      put("media/pages/short-cache/" + i + ".html", b -> kms(b).contentType("text/html")
          .cacheControl("public, max-age=60").metadata(metadata));
    }
    for (int i = 0; i < 30; i++) {
      put("media/product-images/typed/" + i + ".png", b -> imageLike(b).contentType("text/plain"));
    }
    admin.putObjectTagging(b -> b.bucket(bucket).key("media/product-images/one-zone/0.jpg")
        .tagging(t -> t.tagSet(Tag.builder().key("campaign").value("spring").build())));
    for (int i = 0; i < 5; i++) {
      int part = i;
      admin.createMultipartUpload(b -> b.bucket(bucket).key("media/product-videos/abandoned-"
          + part + ".mp4"));
    }
  }

  @Test
  void audit_findsEachSeededContradiction_repairFixesThem_andASecondAuditFindsNone() {
    Path findings = temp.resolve("findings.csv");
    RecordingInterceptor sent = new RecordingInterceptor();
    try (Stockroom stockroom = stockroom(sent)) {
      AuditReport first = stockroom.audit().run(AuditRequest.liveBucket()
          .findingsFile(findings).build());

      assertThat(counts(first)).isEqualTo(expected(Map.of(Finding.UNKNOWN_PREFIX, 25L,
          Finding.ENCRYPTION, 75L, Finding.KMS_KEY, 30L, Finding.BUCKET_KEY, 30L,
          Finding.STORAGE_CLASS, 60L, Finding.RETENTION, 25L, Finding.CACHE_CONTROL, 40L,
          Finding.CONTENT_TYPE, 30L, Finding.STALE_MULTIPART_UPLOAD, 5L)));
      assertThat(first.objects()).isEqualTo(4 * CLEAN_PER_KIND + 315);
      assertThat(first.objectsWithFindings()).isEqualTo(320);
      assertThat(first.notChecked()).isEmpty();
      assertThat(findingOf(first, Finding.KMS_KEY).kind()).contains(DataKind.CUSTOMER);
      assertThat(findingOf(first, Finding.UNKNOWN_PREFIX).kind()).isEmpty();

      RepairPlan plan = stockroom.audit().plan(first, RepairRequest.defaults());
      assertThat(plan.mode()).isEqualTo(RepairMode.IN_PROCESS);
      assertThat(plan.objectsToChange()).isEqualTo(265 + 25 + 5);
      assertThat(stepObjects(plan)).isEqualTo(Map.of(RepairAction.COPY, 265L,
          RepairAction.SET_RETENTION, 25L, RepairAction.ABORT_UPLOAD, 5L, RepairAction.LEAVE,
          25L));
      assertThat(plan.requestCost()).isPositive();

      RepairResult result = plan.apply();
      assertThat(result.counts()).isEqualTo(Map.of(RepairStatus.REPAIRED, 295L,
          RepairStatus.LEFT_ALONE, 25L));

      // S3Mock 5.2.0 keeps the old Content-Type on a copy with metadata directive REPLACE (S3
      // takes the new one), so the fix is shown on the request Stockroom sent
      assertThat(sent.sent("CopyObject").stream().map(s -> (CopyObjectRequest) s.request())
          .filter(copy -> copy.destinationKey().startsWith("media/product-images/typed/")))
          .hasSize(30).allSatisfy(copy -> assertThat(copy.contentType()).isEqualTo("image/png"));
      AuditReport second = stockroom.audit().run(AuditRequest.liveBucket().build());
      assertThat(counts(second)).isEqualTo(expected(Map.of(Finding.UNKNOWN_PREFIX, 25L,
          Finding.CONTENT_TYPE, 30L)));
      assertThat(second.objects()).isEqualTo(first.objects());
    }
    readBack();
  }

  private static void readBack() {
    HeadObjectResponse order = head("transactional/orders/plain/7.json");
    assertThat(order.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    assertThat(order.ssekmsKeyId()).endsWith(KEY);
    assertThat(order.bucketKeyEnabled()).isTrue();
    assertThat(head("transactional/customers/other-key/3.json").ssekmsKeyId()).endsWith(KEY);
    assertThat(head("transactional/payments/no-bucket-key/3.json").bucketKeyEnabled()).isTrue();
    HeadObjectResponse image = head("media/product-images/one-zone/0.jpg");
    assertThat(image.storageClassAsString()).isNull(); // STANDARD: a fresh upload's class
    assertThat(image.metadata()).containsEntry("origin", "legacy-0");
    assertThat(admin.getObjectTagging(b -> b.bucket(bucket)
        .key("media/product-images/one-zone/0.jpg")).tagSet())
        .containsExactly(Tag.builder().key("campaign").value("spring").build());
    assertThat(admin.getObjectAsBytes(b -> b.bucket(bucket)
        .key("media/product-images/one-zone/0.jpg")).asUtf8String()).isEqualTo("object 0");
    HeadObjectResponse page = head("media/pages/short-cache/5.html");
    assertThat(page.cacheControl()).isEqualTo("public, max-age=3600");
    assertThat(page.contentType()).isEqualTo("text/html");
    assertThat(page.metadata()).containsEntry("author", "shop 5");
    assertThat(head("logs/audit/standard/2.log").storageClass()).isEqualTo(StorageClass.GLACIER);
    var retention = admin.getObjectRetention(b -> b.bucket(bucket)
        .key("logs/audit/unlocked/9.log")).retention();
    assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.COMPLIANCE);
    assertThat(retention.retainUntilDate()).isAfter(Instant.now().plus(7 * 365, ChronoUnit.DAYS));
    assertThat(admin.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    assertThat(head("legacy/export-3.csv").contentType()).isEqualTo("text/csv");
  }

  private static Stockroom stockroom(ExecutionInterceptor... interceptors) {
    return StockroomOnS3Mock.builder(bucket, interceptors).kmsKeyId(KEY).kmsKeyCheck(false)
        .clock(AHEAD).build();
  }

  private static Map<Finding, Long> counts(AuditReport report) {
    return report.findings().stream().collect(Collectors.groupingBy(FindingCount::finding,
        () -> new EnumMap<>(Finding.class), Collectors.summingLong(FindingCount::objects)));
  }

  private static Map<Finding, Long> expected(Map<Finding, Long> counts) {
    return new EnumMap<>(counts);
  }

  private static FindingCount findingOf(AuditReport report, Finding finding) {
    return report.findings().stream().filter(count -> count.finding() == finding).findFirst()
        .orElseThrow();
  }

  private static Map<RepairAction, Long> stepObjects(RepairPlan plan) {
    return plan.steps().stream().collect(Collectors.groupingBy(RepairStep::action,
        Collectors.summingLong(RepairStep::objects)));
  }

  private static HeadObjectResponse head(String key) {
    return admin.headObject(b -> b.bucket(bucket).key(key));
  }

  private static byte[] bytes(int i) {
    return ("object " + i).getBytes(StandardCharsets.UTF_8);
  }

  private static void put(String key, java.util.function.UnaryOperator<PutObjectRequest.Builder>
      headers) {
    int n = Integer.parseInt(key.replaceAll(".*?(\\d+)\\.[a-z]+$", "$1"));
    admin.putObject(headers.apply(PutObjectRequest.builder().bucket(bucket).key(key)).build(),
        RequestBody.fromBytes(bytes(n)));
  }

  private static void retain(String key) {
    admin.putObjectRetention(b -> b.bucket(bucket).key(key).retention(r -> r
        .mode(ObjectLockRetentionMode.COMPLIANCE)
        .retainUntilDate(Instant.now().plus(7 * 366, ChronoUnit.DAYS))));
  }

  private static PutObjectRequest.Builder kms(PutObjectRequest.Builder put) {
    return put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KEY)
        .bucketKeyEnabled(true);
  }

  private static PutObjectRequest.Builder orderLike(PutObjectRequest.Builder put) {
    return put.contentType("application/json").cacheControl("private, no-store");
  }

  private static PutObjectRequest.Builder imageLike(PutObjectRequest.Builder put) {
    return kms(put).contentType("image/jpeg")
        .cacheControl("public, max-age=31536000, immutable");
  }
}
