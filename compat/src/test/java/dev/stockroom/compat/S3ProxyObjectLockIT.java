package dev.stockroom.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.stockroom.Stockroom;
import dev.stockroom.transfer.StoredObject;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * S3Proxy does not implement Object Lock: it answers GetObjectLockConfiguration with 501, which
 * Stockroom counts as a bucket without Object Lock (one warning), so audit logs are stored in
 * GLACIER without a retention.
 */
class S3ProxyObjectLockIT {

  @RegisterExtension
  static final InProcessS3Proxy s3proxy = new InProcessS3Proxy();

  private final Requests requests = new Requests();
  private final ListAppender<ILoggingEvent> warnings = new ListAppender<>();
  private String bucket;

  @BeforeEach
  void setUp() {
    s3proxy.clearRefusals();
    bucket = s3proxy.createBucket(Objects.bucketName("lock"));
    warnings.start();
    objectLockCheckLog().addAppender(warnings);
  }

  @AfterEach
  void tearDown() {
    objectLockCheckLog().detachAppender(warnings);
  }

  @Test
  void auditLogs_areStoredInGlacierWithoutRetention_afterOneCheckAndOneWarning() {
    try (Stockroom stockroom = stockroom(true)) {
      StoredObject first = stockroom.logs().auditLog("2026/11/22/admin.log")
          .upload("price changed\n".getBytes(), "text/plain");
      StoredObject second = stockroom.logs().auditLog("2026/11/22/admin-2.log")
          .upload("price changed again\n".getBytes(), "text/plain");

      HeadObjectResponse head = s3proxy.client().headObject(h -> h.bucket(bucket)
          .key(first.key()));
      assertThat(first.retainUntil()).isEmpty();
      assertThat(second.retainUntil()).isEmpty();
      assertThat(head.storageClass()).hasToString("GLACIER");
      assertThat(head.objectLockMode()).isNull();
      assertThat(head.objectLockRetainUntilDate()).isNull();
    }
    assertThat(requests.sent("GetObjectLockConfiguration")).as("asked once, answer kept")
        .hasSize(1);
    assertThat(s3proxy.refusals()).containsExactly("object-lock");
    assertThat(messages()).singleElement().asString().startsWith("The store behind bucket '"
        + bucket + "' does not implement Object Lock (it answered GetObjectLockConfiguration "
        + "with NotImplemented)");
  }

  @Test
  void withObjectLockRetentionOff_nothingAsksForObjectLock() {
    try (Stockroom stockroom = stockroom(false)) {
      StoredObject stored = stockroom.logs().auditLog("2026/11/22/admin.log")
          .upload("price changed\n".getBytes(), "text/plain");

      assertThat(stored.retainUntil()).isEmpty();
    }
    assertThat(requests.sent("GetObjectLockConfiguration")).isEmpty();
    assertThat(s3proxy.refusals()).isEmpty();
    assertThat(messages()).isEmpty();
  }

  @Test
  void s3Proxy_refusesABucketWithObjectLock() {
    assertThatThrownBy(() -> s3proxy.client().createBucket(b -> b
        .bucket(Objects.bucketName("locked")).objectLockEnabledForBucket(true)))
        .isInstanceOfSatisfying(S3Exception.class, refused ->
            assertThat(refused.statusCode()).isEqualTo(501));
  }

  private Stockroom stockroom(boolean objectLockRetention) {
    return s3proxy.stockroom(bucket)
        .uploadHeaders(h -> h.serverSideEncryption(false).objectLockRetention(objectLockRetention))
        .s3ClientCustomizer(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(requests)))
        .build();
  }

  private List<String> messages() {
    return warnings.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static Logger objectLockCheckLog() {
    return (Logger) LoggerFactory.getLogger("dev.stockroom.internal.transfer.ObjectLockCheck");
  }
}
