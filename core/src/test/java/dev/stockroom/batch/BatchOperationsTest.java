package dev.stockroom.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/** The Batch Operations settings, checked where they are set and again at build time. */
class BatchOperationsTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/stockroom-batch";

  @Test
  void defaults_keepWorkOutsideEveryKind_andRunSmallRepairsInProcess() {
    BatchOperations settings = BatchOperations.builder().accountId("123456789012").roleArn(ROLE)
        .build();
    assertThat(settings.workPrefix()).isEqualTo("stockroom-batch/");
    assertThat(settings.inProcessLimit()).isEqualTo(100_000);
    assertThat(settings.priority()).isEqualTo(10);
    assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(30));
    assertThat(settings.s3ControlClient()).isEmpty();
    assertThat(settings.toBuilder().build()).isEqualTo(settings);
  }

  @Test
  void badValues_areRefused_namingTheFieldAndValue() {
    BatchOperations.Builder builder = BatchOperations.builder();
    assertThatThrownBy(() -> builder.accountId("12345"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("accountId must be 12 digits, but was '12345'");
    assertThatThrownBy(() -> builder.roleArn("arn:aws:iam::123456789012:user/alice"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("roleArn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>), but "
            + "was 'arn:aws:iam::123456789012:user/alice'");
    assertThatThrownBy(() -> builder.workPrefix("stockroom-batch"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workPrefix must end with '/', but was 'stockroom-batch'");
    assertThatThrownBy(() -> builder.workPrefix("../batch/"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("workPrefix ");
    assertThatThrownBy(() -> builder.inProcessLimit(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inProcessLimit must not be negative, but was -1");
    assertThatThrownBy(() -> builder.pollInterval(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pollInterval must be between 1 ms and 1 hour, but was PT0S");
    assertThatThrownBy(() -> builder.s3ControlClient(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("s3ControlClient must not be null");
  }

  @Test
  void build_needsAccountAndRole_ofTheSameAccount() {
    assertThatThrownBy(() -> BatchOperations.builder().roleArn(ROLE).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("batchOperations accountId must be set");
    assertThatThrownBy(() -> BatchOperations.builder().accountId("123456789012").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("batchOperations roleArn must be set");
    assertThatThrownBy(() -> BatchOperations.builder().accountId("210987654321").roleArn(ROLE)
        .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("batchOperations roleArn '" + ROLE + "' belongs to another account than "
            + "210987654321");
  }

  @Test
  void stockroom_refusesAWorkPrefixUnderAKind() {
    assertThatThrownBy(() -> Stockroom.builder().bucket("shop-assets").region(Region.EU_WEST_1)
        .batchOperations(b -> b.accountId("123456789012").roleArn(ROLE)
            .workPrefix("media/product-images/batch/"))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchOperations workPrefix 'media/product-images/batch/' overlaps the prefix "
            + "'media/product-images/' of PRODUCT_IMAGE: choose one outside every kind's");
  }

  @Test
  void stockroom_underAnEndpointOverride_needsTheCallersS3ControlClient() {
    assertThatThrownBy(() -> Stockroom.builder().bucket("shop-assets").region(Region.EU_WEST_1)
        .endpointOverride(URI.create("http://localhost:9000")).forcePathStyle(true)
        .batchOperations(b -> b.accountId("123456789012").roleArn(ROLE))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("batchOperations needs an s3ControlClient(...) when endpointOverride is set: "
            + "S3 Batch Operations exist on AWS only, not at 'http://localhost:9000'");
  }

  @Test
  void stockroom_withoutBatchOperations_refusesBatchJobs() {
    try (Stockroom stockroom = Stockroom.builder().bucket("shop-assets").region(Region.EU_WEST_1)
        .build()) {
      assertThatThrownBy(stockroom::batchJobs)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Batch Operations are not configured: set batchOperations(...) on the "
              + "Stockroom builder");
    }
  }
}
