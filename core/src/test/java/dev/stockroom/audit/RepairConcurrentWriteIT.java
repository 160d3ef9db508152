package dev.stockroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;

/**
 * A repair never puts the bytes the audit saw over a concurrent writer's: an object rewritten
 * between the audit and the repair, and one rewritten while its copy is on the way (after the
 * repair's HEAD, before its CopyObject), both keep the writer's bytes and headers.
 */
class RepairConcurrentWriteIT {

  private static final S3Client admin = SharedS3Mock.admin();

  @TempDir
  Path temp;

  @Test
  void objectsWrittenSinceTheAudit_areNotOverwritten() {
    String bucket = SharedS3Mock.newBucket();
    for (String name : new String[] {"before", "during", "untouched"}) {
      page(bucket, name, "old " + name, "public, max-age=60");
    }
    AtomicBoolean writtenDuringCopy = new AtomicBoolean();
    ExecutionInterceptor writer = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context,
          ExecutionAttributes attributes) {
        if (context.request() instanceof CopyObjectRequest copy
            && copy.destinationKey().endsWith("during.html")
            && writtenDuringCopy.compareAndSet(false, true)) {
          page(bucket, "during", "new during", "no-cache");
        }
      }
    };
    RecordingInterceptor sent = new RecordingInterceptor();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket, writer, sent).build()) {
      AuditReport report = stockroom.audit().run(AuditRequest.liveBucket()
          .findingsFile(temp.resolve("findings.csv")).build());
      assertThat(report.count(Finding.CACHE_CONTROL)).isEqualTo(3);
      page(bucket, "before", "new before", "no-cache");

      RepairResult result = stockroom.audit().plan(report, RepairRequest.defaults()).apply();

      assertThat(result.counts()).isEqualTo(Map.of(RepairStatus.REPAIRED, 1L,
          RepairStatus.CHANGED_SINCE_AUDIT, 2L));
      assertThat(result.problems().stream().collect(Collectors.toMap(RepairOutcome::key,
          RepairOutcome::status))).isEqualTo(Map.of(
              "media/pages/before.html", RepairStatus.CHANGED_SINCE_AUDIT,
              "media/pages/during.html", RepairStatus.CHANGED_SINCE_AUDIT));
      // only the object still as audited was copied, on condition of the ETag seen
      assertThat(sent.sent("CopyObject")).hasSize(2).allSatisfy(request -> {
        CopyObjectRequest copy = (CopyObjectRequest) request.request();
        assertThat(copy.copySourceIfMatch()).isNotNull().isEqualTo(copy.ifMatch());
      });
    }
    assertThat(body(bucket, "before")).isEqualTo("new before");
    assertThat(cacheControl(bucket, "before")).isEqualTo("no-cache");
    assertThat(body(bucket, "during")).isEqualTo("new during");
    assertThat(cacheControl(bucket, "during")).isEqualTo("no-cache");
    assertThat(body(bucket, "untouched")).isEqualTo("old untouched");
    assertThat(cacheControl(bucket, "untouched")).isEqualTo("public, max-age=3600");
  }

  private static void page(String bucket, String name, String body, String cacheControl) {
    admin.putObject(b -> b.bucket(bucket).key("media/pages/" + name + ".html")
        .contentType("text/html").cacheControl(cacheControl), RequestBody.fromString(body));
  }

  private static String body(String bucket, String name) {
    return admin.getObjectAsBytes(b -> b.bucket(bucket).key("media/pages/" + name + ".html"))
        .asUtf8String();
  }

  private static String cacheControl(String bucket, String name) {
    return admin.headObject(b -> b.bucket(bucket).key("media/pages/" + name + ".html"))
        .cacheControl();
  }
}
