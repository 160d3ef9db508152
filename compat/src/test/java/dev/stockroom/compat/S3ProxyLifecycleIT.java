package dev.stockroom.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.StorageException;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * S3Proxy does not implement bucket lifecycle configuration: planning and applying fail with a
 * StorageException naming the operation, the bucket and the store's answer, and nothing is
 * written.
 */
class S3ProxyLifecycleIT {

  @RegisterExtension
  static final InProcessS3Proxy s3proxy = new InProcessS3Proxy();

  private final Requests requests = new Requests();
  private String bucket;
  private Stockroom stockroom;

  @BeforeEach
  void setUp() {
    s3proxy.clearRefusals();
    bucket = s3proxy.createBucket(Objects.bucketName("lifecycle"));
    stockroom = s3proxy.stockroom(bucket)
        .s3ClientCustomizer(b -> b.overrideConfiguration(o -> o.addExecutionInterceptor(requests)))
        .build();
  }

  @AfterEach
  void tearDown() {
    stockroom.close();
  }

  @Test
  void plan_failsWithTheStoresAnswer_namingOperationAndBucket() {
    assertThatThrownBy(() -> stockroom.lifecycle().plan())
        .isInstanceOfSatisfying(StorageException.class, this::assertNotImplemented);
    assertThat(s3proxy.refusals()).containsExactly("lifecycle");
  }

  @Test
  void apply_failsTheSameWay_andWritesNothing() {
    assertThatThrownBy(() -> stockroom.lifecycle().apply())
        .isInstanceOfSatisfying(StorageException.class, this::assertNotImplemented);
    assertThat(requests.sent("PutBucketLifecycleConfiguration")).isEmpty();
  }

  @Test
  void applyAsync_putsTheSameFailureIntoTheFuture() {
    assertThatThrownBy(() -> stockroom.lifecycle().applyAsync().join())
        .isInstanceOf(CompletionException.class)
        .cause().isInstanceOfSatisfying(StorageException.class, this::assertNotImplemented);
  }

  private void assertNotImplemented(StorageException failure) {
    assertThat(failure.operation()).isEqualTo("GetBucketLifecycleConfiguration");
    assertThat(failure.bucket()).contains(bucket);
    assertThat(failure.errorCode()).contains("NotImplemented");
    assertThat(failure.statusCode()).isEqualTo(OptionalInt.of(501));
    assertThat(failure.getMessage()).startsWith("GetBucketLifecycleConfiguration on bucket '"
        + bucket + "' failed with NotImplemented (HTTP 501): ");
  }
}
