package dev.stockroom.cost;

import static dev.stockroom.cost.CostModelTest.GIB;
import static dev.stockroom.cost.CostModelTest.KIB;
import static dev.stockroom.policy.DataKind.ACCESS_LOG;
import static dev.stockroom.policy.DataKind.PRODUCT_IMAGE;
import static dev.stockroom.policy.DataKind.USER_UPLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static software.amazon.awssdk.services.s3.model.StorageClass.GLACIER;
import static software.amazon.awssdk.services.s3.model.StorageClass.STANDARD;
import static software.amazon.awssdk.services.s3.model.StorageClass.STANDARD_IA;

import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.Transition;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Break-even sizes and warnings checked against hand computations. An object of s bytes moved
 * from class A to class B for h hours breaks even when the fee per object plus B's storage equals
 * A's storage over those hours.
 */
class PolicyReviewTest {

  static final Workload IMAGES_100KB_AND_2MB = Workload.builder().kind(PRODUCT_IMAGE, k -> k
      .objectsPerMonth(1000)
      .sizes(SizeDistribution.builder().bucket(100 * KIB, 1).bucket(2048 * KIB, 1).build()))
      .build();

  static RuleBreakEven rule(List<RuleBreakEven> all, String kind, String target) {
    return all.stream().filter(r -> r.kind().name().equals(kind)
        && r.to().toString().equals(target)).findFirst().orElseThrow();
  }

  @Test
  void breakEvens_ofTheDefaultRules() {
    List<RuleBreakEven> all = CostModel.builder().workload(Workload.builder().build()).months(36)
        .build().breakEvens(PolicyCatalog.defaults());

    // Images to STANDARD_IA at 90 days, 275 days (6,600 h) there; below 128 KB IA bills 128 KB:
    // 0.01/1000 + 0.0125 * 131072/GiB * 6600/730 = 0.023 * s/GiB * 6600/730.
    double imageIa = (0.01 / 1000 * GIB * 730 / 6600 + 0.0125 * 131072) / 0.023;
    assertThat(rule(all, "PRODUCT_IMAGE", "STANDARD_IA").breakEvenBytes().getAsLong())
        .isBetween((long) Math.floor(imageIa), (long) Math.ceil(imageIa));
    // Images on to GLACIER at 365 days, kept: judged over the 36 months (26,280 h) projected.
    double imageGlacier = (0.03 / 1000 * GIB / 36 + 0.0036 * 32768 + 0.023 * 8192)
        / (0.0125 - 0.0036);
    assertThat(rule(all, "PRODUCT_IMAGE", "GLACIER").breakEvenBytes().getAsLong())
        .isBetween((long) Math.floor(imageGlacier), (long) Math.ceil(imageGlacier));
    // User uploads: STANDARD_IA from day 30 to expiry at 180 (3,600 h): above 128 KB,
    // 0.01/1000 = (0.023 - 0.0125) * s/GiB * 3600/730.
    double upload = 0.01 / 1000 * GIB * 730 / (3600 * 0.0105);
    assertThat(rule(all, "USER_UPLOAD", "STANDARD_IA").breakEvenBytes().getAsLong())
        .isBetween((long) Math.floor(upload), (long) Math.ceil(upload));
    // Access logs to GLACIER at 30 days, kept: 36 months of STANDARD against GLACIER + 40 KB.
    double logs = (0.03 / 1000 * GIB / 36 + 0.0036 * 32768 + 0.023 * 8192) / (0.023 - 0.0036);
    RuleBreakEven accessLogs = rule(all, "ACCESS_LOG", "GLACIER");
    assertThat(accessLogs.breakEvenBytes().getAsLong())
        .isBetween((long) Math.floor(logs), (long) Math.ceil(logs));
    assertThat(accessLogs.toString())
        .isEqualTo("ACCESS_LOG: GLACIER at 30 days (from STANDARD, 1095 days there): breaks even "
            + "at 60.5 KB");
  }

  @Test
  void ruleLeavingBeforeTheMinimumDuration_neverBreaksEven() {
    PolicyCatalog catalog = PolicyCatalog.builder().policy(ACCESS_LOG, p -> p
        .transitions(Transition.of(30, TransitionStorageClass.GLACIER)).expirationDays(40))
        .build();
    List<RuleBreakEven> all = CostModel.builder().workload(Workload.builder().build()).build()
        .breakEvens(catalog);

    // 10 days in GLACIER are billed as 90: per GB, 0.0036 * 2160 h > 0.023 * 240 h saved.
    RuleBreakEven rule = rule(all, "ACCESS_LOG", "GLACIER");
    assertThat(rule.breakEvenBytes()).isEmpty();
    assertThat(rule.toString()).isEqualTo("ACCESS_LOG: GLACIER at 30 days (from STANDARD, 10 days "
        + "there): never breaks even");
  }

  @Test
  void smallImages_underS3sDefault_neverMove_soNoWarning() {
    CostModel model = CostModel.builder().workload(IMAGES_100KB_AND_2MB).build();

    assertThat(model.warnings(PolicyCatalog.defaults())).isEmpty();
  }

  @Test
  void smallImages_movedAnyway_areBelowBreakEven() {
    CostModel model = CostModel.builder().workload(IMAGES_100KB_AND_2MB)
        .transitionMinimumSize(TransitionMinimumSize.NONE).build();

    List<CostWarning> warnings = model.warnings(PolicyCatalog.defaults());

    // 100 KB in STANDARD_IA is billed as 128 KB: each object loses
    // 0.01/1000 + (0.0125 * 131072 - 0.023 * 102400)/GiB * 6600/730.
    double loss = 0.01 / 1000 + (0.0125 * 131072 - 0.023 * 102400) / GIB * 6600 / 730;
    assertThat(warnings).hasSize(1);
    CostWarning warning = warnings.get(0);
    assertThat(warning.type()).isEqualTo(CostWarning.Type.BELOW_BREAK_EVEN_SIZE);
    assertThat(warning.storageClass()).isEqualTo(STANDARD_IA);
    assertThat(warning.amount()).isCloseTo(loss, within(1e-15));
    assertThat(warning.toString()).isEqualTo("PRODUCT_IMAGE: STANDARD_IA at 90 days moves objects "
        + "of 100 KB (50% of PRODUCT_IMAGE objects from STANDARD) below the break-even size of "
        + "120.0 KB: each costs $0.00000396 more than it saves over 275 days in STANDARD_IA");
  }

  @Test
  void ruleWhoseFeesExceedItsSavings_forTheWholeWorkload() {
    CostModel model = CostModel.builder()
        .workload(Workload.builder().kind(PRODUCT_IMAGE, k -> k.objectsPerMonth(1000)
            .size(100 * KIB)).build())
        .transitionMinimumSize(TransitionMinimumSize.NONE).build();

    CostWarning warning = model.warnings(PolicyCatalog.defaults()).stream()
        .filter(w -> w.type() == CostWarning.Type.TRANSITION_LOSES_MONEY).findFirst()
        .orElseThrow();

    double saved = (0.023 * 102400 - 0.0125 * 131072) / GIB * 6600 / 730;
    assertThat(warning.amount()).isCloseTo((0.01 / 1000 - saved) * 1000, within(1e-12));
    assertThat(warning.message()).isEqualTo("PRODUCT_IMAGE: STANDARD_IA at 90 days loses money on "
        + "this workload: its transition fees ($0.01 per 1,000 objects moved) exceed the storage it "
        + "saves over the objects' time in STANDARD_IA ($0.00604 per 1,000), a loss of $0.00396 "
        + "per 1,000 objects");
  }

  @Test
  void expiryBeforeGlaciersMinimum_isWarnedWithTheDaysBilled() {
    PolicyCatalog catalog = PolicyCatalog.builder().policy(ACCESS_LOG, p -> p
        .transitions(Transition.of(30, TransitionStorageClass.GLACIER)).expirationDays(40))
        .build();
    CostModel model = CostModel.builder().workload(Workload.builder().kind(ACCESS_LOG, k -> k
        .objectsPerMonth(100).size(GIB)).build()).build();

    CostWarning warning = model.warnings(catalog).stream()
        .filter(w -> w.type() == CostWarning.Type.BEFORE_MINIMUM_DURATION).findFirst()
        .orElseThrow();

    assertThat(warning.storageClass()).isEqualTo(GLACIER);
    assertThat(warning.amount()).isCloseTo(0.0036 * 80 * 24 / 730, within(1e-15));
    assertThat(warning.message()).isEqualTo("ACCESS_LOG: expires at 40 days, 10 days after moving "
        + "to GLACIER, whose minimum storage duration is 90 days: the remaining 80 days are billed "
        + "as an early deletion ($0.00947 per GB)");
  }

  @Test
  void imagesReadAtAnyAge_costMoreInInfrequentAccessThanInStandard() {
    CostModel model = CostModel.builder().months(4).workload(Workload.builder()
        .kind(PRODUCT_IMAGE, k -> k.existing(1, GIB, 0, STANDARD).readsPerMonth(100)
            .tagsPerObject(0)).build()).build();

    CostWarning warning = model.compare(PolicyCatalog.defaults()).warnings().get(0);

    // 760 h in STANDARD_IA instead of STANDARD: 100 * 760/730 reads there, each retrieving
    // 1 GB at $0.01 and paying $0.0006 more per 1,000 GETs; one transition; storage saved.
    double readsInIa = 100 * 760.0 / 730;
    double extra = readsInIa * (0.01 + 0.0006 / 1000) + 0.01 / 1000
        - (0.023 - 0.0125) * 760 / 730;
    assertThat(warning.type()).isEqualTo(CostWarning.Type.COSTS_MORE_THAN_STANDARD);
    assertThat(warning.amount()).isCloseTo(extra, within(1e-12));
    assertThat(warning.message()).isEqualTo("PRODUCT_IMAGE: its policy costs $1.03 more than "
        + "keeping it in STANDARD over 4 months: it saves $0.0109 of storage, adds $1.04 of "
        + "retrievals");
  }

  @Test
  void policyChange_pricesTheKindsThatChanged() {
    CostModel model = CostModel.builder().months(12).workload(Workload.builder()
        .kind(PRODUCT_IMAGE, k -> k.objectsPerMonth(1).size(GIB).tagsPerObject(0))
        .kind(USER_UPLOAD, k -> k.objectsPerMonth(5).size(KIB)).build()).build();
    PolicyCatalog after = PolicyCatalog.builder()
        .policy(PRODUCT_IMAGE, p -> p.transition(120, TransitionStorageClass.STANDARD_IA)).build();

    PolicyChangeCost change = model.change(PolicyCatalog.defaults(), after, 12);

    // In month 12 the cohorts aged 2 and 3 months spend 30 + 690 = 720 more hours in STANDARD
    // instead of STANDARD_IA; each cohort still makes one transition that month.
    assertThat(change.kinds()).hasSize(1);
    KindCostChange images = change.kinds().get(0);
    assertThat(images.difference()).isCloseTo(720.0 / 730 * (0.023 - 0.0125), within(1e-12));
    assertThat(images.toString()).isEqualTo("PRODUCT_IMAGE: STANDARD_IA at 120 instead of 90 days: "
        + "+$0.0104 per month at month 12");
    assertThat(change.difference()).isEqualTo(images.difference());
  }

  @Test
  void policyChange_describesAddedDroppedAndExpiryChanges() {
    CostModel model = CostModel.builder().workload(Workload.builder().build()).build();
    PolicyCatalog after = PolicyCatalog.builder()
        .policy(ACCESS_LOG, p -> p.noTransitions().expirationDays(400))
        .policy(USER_UPLOAD, p -> p.transitions(Transition.of(30, TransitionStorageClass.STANDARD_IA),
            Transition.of(90, TransitionStorageClass.GLACIER_IR)))
        .build();

    PolicyChangeCost change = model.change(PolicyCatalog.defaults(), after, 1);

    assertThat(change.kinds()).extracting(KindCostChange::description).containsExactly(
        "adds GLACIER_IR at 90 days",
        "drops GLACIER at 30 days; expires at 400 days instead of being kept");
    assertThat(change.kinds()).extracting(KindCostChange::difference).containsOnly(0.0);
  }

  @Test
  void archiveClassesAreNeverWarmedByLifecycle() {
    // Existing GLACIER objects under a policy whose only rule targets STANDARD_IA stay in GLACIER.
    CostModel model = CostModel.builder().months(2).workload(Workload.builder()
        .kind(USER_UPLOAD, k -> k.existing(10, GIB, 60, GLACIER).tagsPerObject(0)).build()).build();

    CostProjection policy = model.project(PolicyCatalog.defaults());

    assertThat(policy.month(1, STANDARD_IA)).isZero();
    assertThat(policy.month(1, CostCategory.TRANSITIONS)).isZero();
    assertThat(policy.cost(1, USER_UPLOAD, GLACIER, CostCategory.STORAGE))
        .isCloseTo(10 * 0.0036 * (GIB + 32 * KIB) / GIB, within(1e-12));
    assertThat(policy.cost(1, USER_UPLOAD, STANDARD, CostCategory.STORAGE))
        .isCloseTo(10 * 0.023 * 8 * KIB / GIB, within(1e-12));
  }
}
