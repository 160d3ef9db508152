package dev.stockroom.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.STANDARD_IA;

import dev.stockroom.Stockroom;
import dev.stockroom.cost.CostModel;
import dev.stockroom.cost.KindCostChange;
import dev.stockroom.cost.PolicyChangeCost;
import dev.stockroom.cost.Workload;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import org.junit.jupiter.api.Test;

/** A lifecycle plan priced: the bucket's rules today against the policy the plan brings in. */
class LifecyclePlanCostIT {

  private static final long GIB = 1L << 30;

  /** One 1 GiB product image a month... added once, in month 1, with no reads and no tags. */
  private final CostModel model = CostModel.builder().months(12).workload(Workload.builder()
      .kind(DataKind.PRODUCT_IMAGE, k -> k.objectsPerMonth(0).size(GIB).tagsPerObject(0)
          .existing(1, GIB, 0, software.amazon.awssdk.services.s3.model.StorageClass.STANDARD))
      .build()).build();

  @Test
  void movingTheIaStepFrom90To120Days_costsTheDifferenceAtMonth4() {
    String bucket = SharedS3Mock.newBucket();
    try (Stockroom today = StockroomOnS3Mock.builder(bucket).build()) {
      today.lifecycle().apply();
    }
    PolicyCatalog later = PolicyCatalog.builder()
        .policy(DataKind.PRODUCT_IMAGE, i -> i.transition(120, STANDARD_IA)).build();
    try (Stockroom next = StockroomOnS3Mock.builder(bucket).policies(later).build()) {
      LifecyclePlan plan = next.lifecycle().plan();

      PolicyChangeCost cost = model.change(plan, next.policies(), 4);

      // By hand, 730-hour months, the image created at hour 0: with IA at 90 days (hour 2160)
      // month 4 (hours 2190-2920) is all STANDARD_IA: 0.0125. With IA at 120 days (hour 2880):
      // 690 h of STANDARD (0.023 x 690/730), 40 h of STANDARD_IA (0.0125 x 40/730) and the
      // transition ($0.01 per 1,000): 0.0224350... The difference: +0.0099350...
      double ninety = 0.0125;
      double hundredTwenty = 0.023 * 690 / 730 + 0.0125 * 40 / 730 + 0.01 / 1000;
      assertThat(cost.kinds()).singleElement().satisfies(change -> {
        assertThat(change.kind()).isEqualTo(DataKind.PRODUCT_IMAGE);
        assertThat(change.toString()).startsWith(
            "PRODUCT_IMAGE: STANDARD_IA at 120 instead of 90 days: +$0.0099");
        assertThat(change.difference()).isCloseTo(hundredTwenty - ninety,
            org.assertj.core.data.Offset.offset(1e-9));
      });
    }
  }

  @Test
  void aKindWithoutARuleToday_isPricedAsStayingInItsUploadClass() {
    String bucket = SharedS3Mock.newBucket();
    try (Stockroom stockroom = StockroomOnS3Mock.builder(bucket).build()) {
      PolicyChangeCost cost = model.change(stockroom.lifecycle().plan(), stockroom.policies(), 4);
      // every kind with lifecycle actions is added; only product images have objects here:
      // no rule today, STANDARD all of month 4 (0.023); with the policy, STANDARD_IA (0.0125)
      assertThat(cost.kinds()).extracting(KindCostChange::kind).containsExactly(
          DataKind.PRODUCT_IMAGE, DataKind.PRODUCT_VIDEO, DataKind.USER_UPLOAD,
          DataKind.ACCESS_LOG, DataKind.ERROR_LOG, DataKind.AUDIT_LOG);
      assertThat(cost.kinds()).filteredOn(k -> k.kind() != DataKind.PRODUCT_IMAGE)
          .allSatisfy(k -> assertThat(k.difference()).isZero());
      assertThat(cost.difference()).isCloseTo(0.0125 - 0.023,
          org.assertj.core.data.Offset.offset(1e-9));
    }
  }
}
