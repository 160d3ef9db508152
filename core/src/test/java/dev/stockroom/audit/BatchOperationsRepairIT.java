package dev.stockroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.batch.BatchJob;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.S3ControlStandIn;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.Tier;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;
import software.amazon.awssdk.services.s3control.model.JobManifestFieldName;
import software.amazon.awssdk.services.s3control.model.JobReportScope;
import software.amazon.awssdk.services.s3control.model.S3CopyObjectOperation;
import software.amazon.awssdk.services.s3control.model.S3GlacierJobTier;
import software.amazon.awssdk.services.s3control.model.S3MetadataDirective;
import software.amazon.awssdk.services.s3control.model.S3ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3control.model.S3SSEAlgorithm;
import software.amazon.awssdk.services.s3control.model.S3StorageClass;

/**
 * A repair run as S3 Batch Operations jobs, through the real S3 Control client against a loopback
 * stand-in (S3Mock has no S3 Control): the jobs Stockroom creates (one per group of objects one
 * operation fixes, each field of the operation from the policy table), the manifests it writes
 * (read back from S3Mock, keys URL-encoded as S3 requires), and the completion reports it reads
 * back, written here in S3's format (the HTTP status before the error code, as S3's published
 * reports have it). Stockroom's clock runs 100 days ahead, so the seeded objects are 100 days old.
 */
class BatchOperationsRepairIT {

  private static final String ACCOUNT = "123456789012";
  private static final String ROLE = "arn:aws:iam::123456789012:role/stockroom-batch";
  private static final String KEY = SharedS3Mock.KMS_KEY_ID;
  private static final String ODD_ORDER = "transactional/orders/batch/order 1+1 ü.json";
  private static final Clock AHEAD = Clock.offset(Clock.systemUTC(), Duration.ofDays(100));
  private static final S3Client admin = SharedS3Mock.admin();
  private static S3ControlStandIn standIn;
  private static String bucket;
  private static Instant seeded;

  @TempDir
  Path temp;

  private final RecordingInterceptor control = new RecordingInterceptor();
  private S3ControlClient controlClient;

  @BeforeAll
  static void seed() throws Exception {
    standIn = new S3ControlStandIn();
    bucket = "batch-" + System.nanoTime();
    admin.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
    seeded = Instant.now();
    for (String key : List.of("transactional/orders/batch/1.json", ODD_ORDER,
        "transactional/orders/batch/3.json")) {
      put(key, b -> b.serverSideEncryption(ServerSideEncryption.AES256)
          .contentType("application/json").cacheControl("private, no-store"));
    }
    for (int i = 1; i <= 2; i++) {
      put("media/pages/batch/" + i + ".html", b -> b.contentType("text/html")
          .cacheControl("public, max-age=60").serverSideEncryption(ServerSideEncryption.AES256));
      put("media/product-images/batch/" + i + ".jpg", b -> b.contentType("image/jpeg")
          .cacheControl("public, max-age=31536000, immutable")
          .serverSideEncryption(ServerSideEncryption.AES256).storageClass(StorageClass.GLACIER));
      put("logs/audit/batch/" + i + ".log", b -> b.contentType("text/plain; charset=utf-8")
          .cacheControl("private, no-store").storageClass(StorageClass.GLACIER)
          .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KEY)
          .bucketKeyEnabled(true));
    }
    put("legacy/readme.txt", b -> b.contentType("text/plain"));
    admin.createMultipartUpload(b -> b.bucket(bucket).key("media/product-videos/abandoned.mp4"));
  }

  @AfterAll
  static void stop() {
    standIn.close();
  }

  @BeforeEach
  void client() {
    controlClient = standIn.client(control);
  }

  @Test
  void repair_asJobs_createsOneJobPerOperation_writesManifests_andReadsReportsBack()
      throws Exception {
    try (Stockroom stockroom = stockroom(b -> b)) {
      AuditReport report = stockroom.audit().run(AuditRequest.liveBucket()
          .findingsFile(temp.resolve("findings.csv")).build());
      Instant audited = report.startedAt();
      RepairPlan plan = stockroom.audit().plan(report, RepairRequest.builder()
          .mode(RepairMode.BATCH_OPERATIONS).restoreArchived(5, Tier.BULK).build());
      assertThat(plan.mode()).isEqualTo(RepairMode.BATCH_OPERATIONS);
      // 4 jobs at $0.25 and 9 objects at $1 a million, beside the requests themselves
      assertThat(plan.requestCost()).isGreaterThan(4 * 0.25 + 9 / 1e6);

      RepairResult submitted = plan.apply();

      assertThat(submitted.mode()).isEqualTo(RepairMode.BATCH_OPERATIONS);
      assertThat(submitted.counts()).isEqualTo(Map.of(RepairStatus.SUBMITTED, 9L,
          RepairStatus.REPAIRED, 1L, RepairStatus.LEFT_ALONE, 1L));
      assertThat(admin.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
      assertThat(submitted.complete()).isFalse();
      Map<String, BatchJob> jobs = submitted.jobs().stream().collect(Collectors.toMap(
          job -> job.labels().get("action") + " " + job.labels().get("kind"), job -> job));
      assertThat(jobs.keySet()).containsExactlyInAnyOrder("COPY ORDER", "COPY PAGE",
          "RESTORE PRODUCT_IMAGE", "SET_RETENTION AUDIT_LOG");
      assertThat(jobs.values()).extracting(BatchJob::objects).containsOnly(2L, 3L);

      Map<String, CreateJobRequest> created = control.sent("CreateJob").stream()
          .map(sent -> (CreateJobRequest) sent.request())
          .collect(Collectors.toMap(request -> request.description(), request -> request));
      assertThat(created).hasSize(4);
      created.values().forEach(request -> {
        assertThat(request.accountId()).isEqualTo(ACCOUNT);
        assertThat(request.roleArn()).isEqualTo(ROLE);
        assertThat(request.confirmationRequired()).isFalse();
        assertThat(request.priority()).isEqualTo(10);
        assertThat(request.manifest().spec().fields()).containsExactly(
            JobManifestFieldName.BUCKET, JobManifestFieldName.KEY);
        assertThat(request.report().enabled()).isTrue();
        assertThat(request.report().bucket()).isEqualTo("arn:aws:s3:::" + bucket);
        assertThat(request.report().reportScope()).isEqualTo(JobReportScope.ALL_TASKS);
      });

      BatchJob orders = jobs.get("COPY ORDER");
      CreateJobRequest ordersJob = created.get(orders.description());
      assertThat(ordersJob.manifest().location().objectArn())
          .isEqualTo("arn:aws:s3:::" + bucket + "/" + orders.manifestKey());
      assertThat(ordersJob.manifest().location().eTag()).isEqualTo(admin.headObject(b -> b
          .bucket(bucket).key(orders.manifestKey())).eTag());
      assertThat(ordersJob.report().prefix() + "/").isEqualTo(orders.reportPrefix());
      S3CopyObjectOperation copy = ordersJob.operation().s3PutObjectCopy();
      assertThat(copy.targetResource()).isEqualTo("arn:aws:s3:::" + bucket);
      assertThat(copy.storageClass()).isEqualTo(S3StorageClass.STANDARD);
      assertThat(copy.newObjectMetadata().sseAlgorithm()).isEqualTo(S3SSEAlgorithm.KMS);
      assertThat(copy.sseAwsKmsKeyId()).isEqualTo(KEY);
      assertThat(copy.bucketKeyEnabled()).isTrue();
      assertThat(copy.metadataDirective()).isEqualTo(S3MetadataDirective.COPY);
      assertThat(copy.newObjectMetadata().cacheControl()).isNull();
      assertThat(copy.unModifiedSinceConstraint()).isEqualTo(audited);
      assertThat(admin.getObjectAsBytes(b -> b.bucket(bucket).key(orders.manifestKey()))
          .asUtf8String().lines().sorted()).containsExactly(
              bucket + ",transactional%2Forders%2Fbatch%2F1.json",
              bucket + ",transactional%2Forders%2Fbatch%2F3.json",
              bucket + ",transactional%2Forders%2Fbatch%2Forder%201%2B1%20%C3%BC.json");

      S3CopyObjectOperation pages = created.get(jobs.get("COPY PAGE").description()).operation()
          .s3PutObjectCopy();
      assertThat(pages.metadataDirective()).isEqualTo(S3MetadataDirective.REPLACE);
      assertThat(pages.newObjectMetadata().cacheControl()).isEqualTo("public, max-age=3600");
      assertThat(pages.newObjectMetadata().contentType()).isEqualTo("text/html; charset=utf-8");
      assertThat(pages.newObjectMetadata().sseAlgorithm()).isEqualTo(S3SSEAlgorithm.KMS);

      var restore = created.get(jobs.get("RESTORE PRODUCT_IMAGE").description()).operation()
          .s3InitiateRestoreObject();
      assertThat(restore.expirationInDays()).isEqualTo(5);
      assertThat(restore.glacierJobTier()).isEqualTo(S3GlacierJobTier.BULK);

      var retention = created.get(jobs.get("SET_RETENTION AUDIT_LOG").description()).operation()
          .s3PutObjectRetention().retention();
      assertThat(retention.mode()).isEqualTo(S3ObjectLockRetentionMode.COMPLIANCE);
      // seven years from the latest write of the two logs, as the policy table says
      Instant latest = admin.headObject(b -> b.bucket(bucket).key("logs/audit/batch/2.log"))
          .lastModified();
      assertThat(retention.retainUntilDate()).isEqualTo(latest.atZone(ZoneOffset.UTC)
          .plusYears(7).toInstant());

      RepairResult running = stockroom.audit().awaitJobs(submitted.jobs(), Duration.ZERO);
      assertThat(running.counts()).isEqualTo(Map.of(RepairStatus.SUBMITTED, 9L));

      writeReport(orders, List.of(
          row("transactional/orders/batch/1.json", "succeeded,200,,Successful"),
          row(ODD_ORDER, "succeeded,200,,Successful"),
          row("transactional/orders/batch/3.json", "failed,412,PreconditionFailed,\"At least "
              + "one of the pre-conditions you specified did not hold\"")));
      standIn.end(orders.id(), "Complete", 3, 2, 1);
      BatchJob pageJob = jobs.get("COPY PAGE");
      standIn.end(pageJob.id(), "Failed", 0, 0, 0, "AccessDenied",
          "Reading the manifest is forbidden");

      RepairResult ended = stockroom.audit().awaitJobs(submitted.jobs(), Duration.ofSeconds(5));

      assertThat(ended.counts()).isEqualTo(Map.of(RepairStatus.REPAIRED, 2L,
          RepairStatus.CHANGED_SINCE_AUDIT, 1L, RepairStatus.FAILED, 2L,
          RepairStatus.SUBMITTED, 4L));
      assertThat(ended.problems()).singleElement().satisfies(outcome -> {
        assertThat(outcome.key()).isEqualTo("transactional/orders/batch/3.json");
        assertThat(outcome.action()).isEqualTo(RepairAction.COPY);
        assertThat(outcome.findings()).containsExactly(Finding.ENCRYPTION);
        assertThat(outcome.detail()).startsWith("PreconditionFailed (HTTP 412) in job "
            + orders.id());
      });
      assertThat(ended.notes()).containsExactly("job " + pageJob.id() + " ended Failed with 2 of "
          + "2 objects not run: AccessDenied: Reading the manifest is forbidden");
    }
  }

  @Test
  void aReportAlteredAfterS3WroteIt_isRefused_namingTheFile() throws Exception {
    try (Stockroom stockroom = stockroom(b -> b)) {
      BatchJob job = submitOrders(stockroom);
      String results = writeReport(job, List.of(row("transactional/orders/batch/1.json",
          "succeeded,200,,Successful")));
      admin.putObject(b -> b.bucket(bucket).key(results), RequestBody.fromString(bucket
          + ",transactional%2Forders%2Fbatch%2F1.json,,succeeded,200,,Successful\n" + bucket
          + ",legacy%2Freadme.txt,,succeeded,200,,Successful\n"));
      standIn.end(job.id(), "Complete", 2, 2, 0);

      assertThatThrownBy(() -> stockroom.audit().awaitJobs(List.of(job), Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("completion report file s3://" + bucket + "/" + results)
          .hasMessageContaining("where its manifest says");
    }
  }

  @Test
  void aReportNamingFilesOutsideItsJob_isRefused() throws Exception {
    try (Stockroom stockroom = stockroom(b -> b)) {
      BatchJob job = submitOrders(stockroom);
      String manifest = job.reportPrefix() + "job-" + job.id() + "/manifest.json";
      admin.putObject(b -> b.bucket(bucket).key(manifest), RequestBody.fromString("{\"Format\":"
          + "\"Report_CSV_20180820\",\"Results\":[{\"TaskExecutionStatus\":\"succeeded\","
          + "\"Bucket\":\"" + bucket + "\",\"MD5Checksum\":\"" + "0".repeat(32) + "\",\"Key\":"
          + "\"transactional/orders/batch/1.json\"}]}"));
      standIn.end(job.id(), "Complete", 1, 1, 0);

      assertThatThrownBy(() -> stockroom.audit().awaitJobs(List.of(job), Duration.ZERO))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("completion report s3://" + bucket + "/" + manifest + " names result "
              + "file 'transactional/orders/batch/1.json', outside the job's results prefix '"
              + job.reportPrefix() + "job-" + job.id() + "/results/'");
    }
  }

  @Test
  void auto_runsAsJobs_aboveTheInProcessLimit_only() throws Exception {
    try (Stockroom small = stockroom(b -> b.inProcessLimit(3));
        Stockroom large = stockroom(b -> b)) {
      Path findings = temp.resolve("auto.csv");
      small.audit().run(AuditRequest.liveBucket().findingsFile(findings).build());
      assertThat(small.audit().plan(findings, RepairRequest.defaults()).mode())
          .isEqualTo(RepairMode.BATCH_OPERATIONS);
      assertThat(large.audit().plan(findings, RepairRequest.defaults()).mode())
          .isEqualTo(RepairMode.IN_PROCESS);
      assertThatThrownBy(() -> small.audit().plan(findings, RepairRequest.builder()
          .restoreArchived(1, Tier.EXPEDITED).build()))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("restore tier EXPEDITED is not offered by S3 Batch Operations (BULK or "
              + "STANDARD): repair IN_PROCESS or choose another tier");
    }
  }

  @Test
  void batchJobs_describeAndCancel_throughS3Control() throws Exception {
    try (Stockroom stockroom = stockroom(b -> b)) {
      BatchJob job = submitOrders(stockroom);
      assertThat(stockroom.batchJobs().describe(job.id()).status()).isEqualTo("Active");
      stockroom.batchJobs().cancel(job.id());
      var cancelled = stockroom.batchJobs().describe(job.id());
      assertThat(cancelled.status()).isEqualTo("Cancelled");
      assertThat(cancelled.terminal()).isTrue();
      assertThatThrownBy(() -> stockroom.batchJobs().describe("../jobs"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("jobId must be letters, digits and dashes (at most 36), but was '../jobs'");
    }
  }

  /** Audits the orders alone and submits their repair: one copy job of three objects. */
  private BatchJob submitOrders(Stockroom stockroom) {
    Path findings = temp.resolve("orders.csv");
    stockroom.audit().run(AuditRequest.liveBucket().prefix("transactional/orders/batch/")
        .multipartUploads(false).findingsFile(findings).build());
    RepairResult submitted = stockroom.audit().plan(findings, RepairRequest.builder()
        .mode(RepairMode.BATCH_OPERATIONS).build()).apply();
    assertThat(submitted.jobs()).hasSize(1);
    return submitted.jobs().get(0);
  }

  /**
   * Writes {@code job}'s completion report as S3 does: a manifest.json naming one result file
   * with its MD5, relative to the report prefix. Returns the result file's key.
   */

  private Stockroom stockroom(
      java.util.function.UnaryOperator<dev.stockroom.batch.BatchOperations.Builder> batch) {
    return StockroomOnS3Mock.builder(bucket).kmsKeyId(KEY).kmsKeyCheck(false).clock(AHEAD)
        .batchOperations(b -> batch.apply(b.accountId(ACCOUNT).roleArn(ROLE)
            .s3ControlClient(controlClient).pollInterval(Duration.ofMillis(20))))
        .build();
  }

  private static void put(String key,
      java.util.function.UnaryOperator<PutObjectRequest.Builder> headers) {
    admin.putObject(headers.apply(PutObjectRequest.builder().bucket(bucket).key(key)).build(),
        RequestBody.fromString("object " + key));
  }

  private static String writeReport(BatchJob job, List<String> rows) {
    return S3ControlStandIn.writeReport(admin, bucket, job.reportPrefix(), job.id(), rows);
  }

  private static String row(String key, String rest) {
    return S3ControlStandIn.reportRow(bucket, key, rest);
  }
}
