package dev.stockroom.cost;

import static dev.stockroom.policy.DataKind.ORDER;
import static dev.stockroom.policy.DataKind.PRODUCT_IMAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.StorageClass;

class WorkloadTest {

  @Test
  void sizeDistribution_scalesWeightsToShares() {
    SizeDistribution sizes = SizeDistribution.builder().bucket(100, 3).bucket(1000, 1).build();

    assertThat(sizes.buckets()).containsExactly(new SizeBucket(100, 0.75),
        new SizeBucket(1000, 0.25));
    assertThat(sizes.meanBytes()).isCloseTo(325, within(1e-9));
  }

  @Test
  void negativeObjectsPerMonth_namesKindFieldAndValue() {
    assertThatThrownBy(() -> KindWorkload.builder(PRODUCT_IMAGE).objectsPerMonth(-5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PRODUCT_IMAGE: objectsPerMonth must not be negative, but was -5");
  }

  @Test
  void negativeSize_namesKindFieldAndValue() {
    assertThatThrownBy(() -> KindWorkload.builder(ORDER).size(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ORDER: size must not be negative, but was -1");
  }

  @Test
  void negativeReads_namesKindFieldAndValue() {
    assertThatThrownBy(() -> KindWorkload.builder(ORDER).readsPerMonth(-10))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ORDER: readsPerMonth must not be negative, but was -10");
  }

  @Test
  void negativeBucketSize_namesFieldAndValue() {
    assertThatThrownBy(() -> SizeDistribution.builder().bucket(-2048, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size bucket bytes must not be negative, but was -2048");
  }

  @Test
  void negativeBucketWeight_namesFieldAndValue() {
    assertThatThrownBy(() -> SizeDistribution.builder().bucket(2048, -0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size bucket weight must be a finite number of at least 0, but was -0.5");
  }

  @Test
  void distributionWithoutWeight_isRefused() {
    assertThatThrownBy(() -> SizeDistribution.builder().bucket(2048, 0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a size distribution needs a bucket with a positive weight");
  }

  @Test
  void negativeExistingCount_namesFieldAndValue() {
    assertThatThrownBy(() -> new ExistingObjects(-1, 10, 5, StorageClass.STANDARD))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("existing objects count must not be negative, but was -1");
  }

  @Test
  void existingInAnUnpricedClass_isRefused() {
    assertThatThrownBy(() -> new ExistingObjects(1, 10, 5, StorageClass.REDUCED_REDUNDANCY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("existing objects storageClass must be one of STANDARD, INTELLIGENT_TIERING, "
            + "STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE, but was "
            + "REDUCED_REDUNDANCY");
  }

  @Test
  void growthBelowMinusOne_isRefused() {
    assertThatThrownBy(() -> KindWorkload.builder(ORDER).monthlyGrowth(-1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ORDER: monthlyGrowth must be a finite number of at least -1, but was -1.5");
  }

  @Test
  void monthsOutOfRange_isRefused() {
    assertThatThrownBy(() -> CostModel.builder().months(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("months must be between 1 and 600, but was 0");
  }

  @Test
  void modelWithoutWorkload_isRefused() {
    assertThatThrownBy(() -> CostModel.builder().build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("workload must be set");
  }

  @Test
  void workload_growsObjectsAndReadsMonthByMonth() {
    KindWorkload orders = KindWorkload.builder(ORDER).objectsPerMonth(1000).readsPerMonth(500)
        .monthlyGrowth(0.1).build();

    assertThat(orders.objectsAdded(3)).isCloseTo(1210, within(1e-9));
    assertThat(orders.reads(2)).isCloseTo(550, within(1e-9));
    assertThat(orders.toString()).contains("ORDER", "objectsPerMonth=1000", "monthlyGrowth=0.1");
  }
}
