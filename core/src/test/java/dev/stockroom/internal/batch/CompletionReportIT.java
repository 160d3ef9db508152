package dev.stockroom.internal.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.batch.BatchJob;
import dev.stockroom.testing.SharedS3Mock;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * A completion report laid out as S3 Batch Operations writes one — the files under
 * {@code src/test/resources/batch-report/} follow the documented example: a {@code manifest.json}
 * of format Report_CSV_20180820 naming a succeeded and a failed results file by key, relative to
 * the report prefix, each with its MD5; rows of Bucket, URL-encoded Key, VersionId, TaskStatus,
 * then the HTTP status and error code in either order, and a quoted ResultMessage.
 */
class CompletionReportIT {

  private static final String BUCKET = "stockroom-report-fixture";
  private static final String JOB = "f8fb9d89-a3aa-461d-bddc-ea6a1b131955";
  private static final String PREFIX = "stockroom-batch/reports/";
  private static final String ROOT = "batch-report/job-" + JOB + "/";
  private static final List<String> FILES = List.of("manifest.json",
      "results/6217b0fab0de85c408b4be96aeaca9b195a7daa5.csv",
      "results/b2ddad417e94331e9f37b44f1faf8c7ed5873f2e.csv");

  private static S3Client admin;
  private static S3AsyncClient s3;

  @BeforeAll
  static void uploadTheReport() throws IOException {
    admin = SharedS3Mock.admin();
    s3 = SharedS3Mock.asyncClient();
    try {
      admin.createBucket(b -> b.bucket(BUCKET));
    } catch (BucketAlreadyOwnedByYouException e) {
      // another run of this class made it
    }
    for (String file : FILES) {
      admin.putObject(b -> b.bucket(BUCKET).key(PREFIX + "job-" + JOB + "/" + file),
          RequestBody.fromBytes(resource(file)));
    }
  }

  @AfterAll
  static void close() {
    s3.close();
  }

  @Test
  void everyRowIsRead_keysDecoded_statusAndErrorCodeInEitherOrder() {
    List<ReportRow> rows = new ArrayList<>();

    long read = new CompletionReport(s3, BUCKET).read(job(), rows::add);

    assertThat(read).isEqualTo(4);
    assertThat(rows).containsExactly(
        new ReportRow("transactional/orders/2026/11/order-1001.json", true, 200, "",
            "Successful"),
        new ReportRow("media/pages/help/shipping and returns.html", true, 200, "", "Successful"),
        new ReportRow("transactional/orders/2026/11/order-1002.json", false, 412,
            "PreconditionFailed", "At least one of the pre-conditions you specified did not hold"),
        new ReportRow("media/product-images/sku-7/hero.jpg", false, 200, "PermanentFailure",
            "Task failed: {\"errorMessage\":\"Access Denied\"}"));
  }

  @Test
  void aResultsFileCutShort_isRefusedByItsMd5() throws IOException {
    String file = PREFIX + "job-" + JOB + "/" + FILES.get(2);
    byte[] whole = resource(FILES.get(2));
    try {
      // its first line only: still valid CSV, so only the MD5 can tell
      int firstLine = new String(whole, java.nio.charset.StandardCharsets.UTF_8).indexOf('\n') + 1;
      admin.putObject(b -> b.bucket(BUCKET).key(file),
          RequestBody.fromBytes(java.util.Arrays.copyOf(whole, firstLine)));

      assertThatThrownBy(() -> new CompletionReport(s3, BUCKET).read(job(), row -> { }))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("s3://" + BUCKET + "/" + file)
          .hasMessageContaining("it was altered or cut short");
    } finally {
      admin.putObject(b -> b.bucket(BUCKET).key(file), RequestBody.fromBytes(whole));
    }
  }

  private static BatchJob job() {
    return new BatchJob(JOB, "S3PutObjectCopy", "fixture", 4, 0, PREFIX + "manifests/m.csv",
        PREFIX, Map.of());
  }

  private static byte[] resource(String file) throws IOException {
    try (InputStream in = CompletionReportIT.class.getClassLoader()
        .getResourceAsStream(ROOT + file)) {
      assertThat(in).as(ROOT + file).isNotNull();
      return in.readAllBytes();
    }
  }
}
