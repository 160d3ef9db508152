package dev.stockroom.cost;

import static dev.stockroom.cost.CostCategory.EARLY_DELETION;
import static dev.stockroom.cost.CostCategory.MONITORING;
import static dev.stockroom.cost.CostCategory.REQUESTS;
import static dev.stockroom.cost.CostCategory.STORAGE;
import static dev.stockroom.cost.CostCategory.TAGS;
import static dev.stockroom.cost.CostCategory.TRANSITIONS;
import static dev.stockroom.policy.DataKind.ACCESS_LOG;
import static dev.stockroom.policy.DataKind.AUDIT_LOG;
import static dev.stockroom.policy.DataKind.PRODUCT_IMAGE;
import static dev.stockroom.policy.DataKind.USER_UPLOAD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static software.amazon.awssdk.services.s3.model.StorageClass.DEEP_ARCHIVE;
import static software.amazon.awssdk.services.s3.model.StorageClass.GLACIER;
import static software.amazon.awssdk.services.s3.model.StorageClass.INTELLIGENT_TIERING;
import static software.amazon.awssdk.services.s3.model.StorageClass.STANDARD;
import static software.amazon.awssdk.services.s3.model.StorageClass.STANDARD_IA;

import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.Transition;
import java.io.IOException;
import java.util.function.Consumer;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Projections checked against hand computations from the us-east-1 price list: a month is 730
 * hours, a day 24, a GB 2^30 bytes; objects added in month 1 are created at its first hour.
 */
class CostModelTest {

  // us-east-1 figures, copied from prices-us-east-1.properties.
  static final double STANDARD_GB = 0.023;
  static final double IA_GB = 0.0125;
  static final double GLACIER_GB = 0.0036;
  static final double IT_INFREQUENT_GB = 0.0125;
  static final double IT_ARCHIVE_INSTANT_GB = 0.004;
  static final double PUT_STANDARD = 0.005 / 1000;
  static final double PUT_GLACIER = 0.03 / 1000;
  static final double INTO_IA = 0.01 / 1000;
  static final double INTO_GLACIER = 0.03 / 1000;
  static final double INTO_DEEP_ARCHIVE = 0.05 / 1000;
  static final double MONITORING_EACH = 0.0025 / 1000;
  static final double TAG_MONTH = 0.01 / 10_000;

  static final long GIB = 1L << 30;
  static final long KIB = 1024;
  static final double MONTH = 730;
  static final Offset<Double> EXACT = within(1e-12);

  static CostModel model(int months, DataKind kind, Consumer<KindWorkload.Builder> workload) {
    return CostModel.builder().months(months)
        .workload(Workload.builder().kind(kind, workload).build()).build();
  }

  @Test
  void oneGibImage_twelveMonths_standardThenInfrequentAccess() {
    CostModel model = model(13, PRODUCT_IMAGE, k -> k.objectsPerMonth(1).size(GIB).monthlyGrowth(-1)
        .tagsPerObject(1));
    CostProjection policy = model.project(PolicyCatalog.defaults());

    // STANDARD for 90 days = 2,160 h; STANDARD_IA from then to day 365 = 6,600 h.
    double standard = STANDARD_GB * 2160 / MONTH;
    double infrequent = IA_GB * 6600 / MONTH;
    double twelveMonths = 0;
    for (int m = 1; m <= 12; m++) {
      twelveMonths += policy.month(m);
    }
    assertThat(twelveMonths).isCloseTo(
        standard + infrequent + PUT_STANDARD + INTO_IA + 12 * TAG_MONTH, EXACT);
    // Month 3 holds the move: 700 h in STANDARD, 30 h in STANDARD_IA, one transition.
    assertThat(policy.cost(3, PRODUCT_IMAGE, STANDARD, STORAGE))
        .isCloseTo(STANDARD_GB * 700 / MONTH, EXACT);
    assertThat(policy.cost(3, PRODUCT_IMAGE, STANDARD_IA, STORAGE))
        .isCloseTo(IA_GB * 30 / MONTH, EXACT);
    assertThat(policy.month(3, TRANSITIONS)).isCloseTo(INTO_IA, EXACT);
    assertThat(policy.month(12, STANDARD_IA)).isCloseTo(IA_GB + TAG_MONTH, EXACT);
  }

  @Test
  void oneGibImage_thirteenthMonth_movesToGlacierWithItsMetadata() {
    CostModel model = model(13, PRODUCT_IMAGE, k -> k.objectsPerMonth(1).size(GIB).monthlyGrowth(-1)
        .tagsPerObject(0));
    CostProjection policy = model.project(PolicyCatalog.defaults());

    // Day 365 = hour 8,760 = the first hour of month 13.
    assertThat(policy.cost(13, PRODUCT_IMAGE, GLACIER, TRANSITIONS)).isCloseTo(INTO_GLACIER, EXACT);
    assertThat(policy.cost(13, PRODUCT_IMAGE, GLACIER, STORAGE))
        .isCloseTo(GLACIER_GB * (GIB + 32 * KIB) / GIB, EXACT);
    assertThat(policy.cost(13, PRODUCT_IMAGE, STANDARD, STORAGE))
        .isCloseTo(STANDARD_GB * 8 * KIB / GIB, EXACT);
    assertThat(policy.month(13, STANDARD_IA)).isZero();
    assertThat(policy.month(13, EARLY_DELETION)).isZero();
  }

  @Test
  void smallObject_staysInStandard_underS3sDefault128KbMinimum() {
    long bytes = 50 * KIB;
    CostModel model = model(7, USER_UPLOAD, k -> k.objectsPerMonth(1).size(bytes).monthlyGrowth(-1)
        .tagsPerObject(0));
    CostProjection policy = model.project(PolicyCatalog.defaults());

    // USER_UPLOAD: STANDARD_IA at 30 days, expire at 180 (hour 4,320, in month 6).
    assertThat(policy.total()).isCloseTo(
        STANDARD_GB * bytes / GIB * 4320 / MONTH + PUT_STANDARD, EXACT);
    assertThat(policy.month(2, STANDARD_IA)).isZero();
    assertThat(policy.month(1, TRANSITIONS)).isZero();
    assertThat(policy.month(7)).isZero();
  }

  @Test
  void smallObject_movedToInfrequentAccess_isBilledAs128Kb() {
    long bytes = 50 * KIB;
    CostModel model = model(7, USER_UPLOAD, k -> k.objectsPerMonth(1).size(bytes).monthlyGrowth(-1)
        .tagsPerObject(0)).toBuilder().transitionMinimumSize(TransitionMinimumSize.NONE).build();
    CostProjection policy = model.project(PolicyCatalog.defaults());

    // 30 days = 720 h in STANDARD at 50 KB; then 3,600 h in STANDARD_IA billed at 128 KB.
    assertThat(policy.month(2, STANDARD_IA)).isCloseTo(IA_GB * 128 * KIB / GIB, EXACT);
    assertThat(policy.cost(1, USER_UPLOAD, STANDARD_IA, TRANSITIONS)).isCloseTo(INTO_IA, EXACT);
    assertThat(policy.total()).isCloseTo(STANDARD_GB * bytes / GIB * 720 / MONTH
        + IA_GB * 128 * KIB / GIB * 3600 / MONTH + INTO_IA + PUT_STANDARD, EXACT);
    assertThat(policy.month(6, EARLY_DELETION)).isZero();
  }

  @Test
  void smallObject_variesByStorageClass_skipsInfrequentAccessButIsArchived() {
    long bytes = 50 * KIB;
    CostModel model = model(13, PRODUCT_IMAGE, k -> k.objectsPerMonth(1).size(bytes)
        .monthlyGrowth(-1).tagsPerObject(0)).toBuilder()
        .transitionMinimumSize(TransitionMinimumSize.VARIES_BY_STORAGE_CLASS).build();
    CostProjection policy = model.project(PolicyCatalog.defaults());

    // STANDARD for 365 days (8,760 h = 12 months), then GLACIER with its 40 KB of metadata.
    assertThat(policy.month(3, STANDARD_IA)).isZero();
    assertThat(policy.month(12, STANDARD)).isCloseTo(STANDARD_GB * bytes / GIB, EXACT);
    assertThat(policy.cost(13, PRODUCT_IMAGE, GLACIER, TRANSITIONS)).isCloseTo(INTO_GLACIER, EXACT);
    assertThat(policy.cost(13, PRODUCT_IMAGE, GLACIER, STORAGE))
        .isCloseTo(GLACIER_GB * (bytes + 32 * KIB) / GIB, EXACT);
  }

  @Test
  void existingObjectsPastEveryRule_goStraightToTheColdestClass() {
    CostModel model = model(1, PRODUCT_IMAGE, k -> k.tagsPerObject(0)
        .existing(1000, GIB, 400, STANDARD));
    CostProjection policy = model.project(PolicyCatalog.defaults());

    // 400 days old: past STANDARD_IA at 90 and GLACIER at 365; one move, into GLACIER.
    assertThat(policy.month(1, TRANSITIONS)).isCloseTo(1000 * INTO_GLACIER, EXACT);
    assertThat(policy.month(1, STANDARD_IA)).isZero();
    assertThat(policy.cost(1, PRODUCT_IMAGE, GLACIER, STORAGE))
        .isCloseTo(1000 * GLACIER_GB * (GIB + 32 * KIB) / GIB, EXACT);
  }

  @Test
  void deletedTenDaysAfterMovingToGlacier_billsTheRestOfNinetyDays() {
    PolicyCatalog catalog = PolicyCatalog.builder().policy(ACCESS_LOG, p -> p
        .transitions(Transition.of(30, TransitionStorageClass.GLACIER)).expirationDays(40))
        .build();
    CostModel model = model(3, ACCESS_LOG, k -> k.objectsPerMonth(1).size(GIB).monthlyGrowth(-1)
        .tagsPerObject(0));
    CostProjection policy = model.project(catalog);

    // GLACIER from hour 720 to 960 (month 2): 240 h stored, 2,160 - 240 = 1,920 h billed early.
    double glacierGbMonth = GLACIER_GB * (GIB + 32 * KIB) / GIB;
    assertThat(policy.cost(2, ACCESS_LOG, GLACIER, EARLY_DELETION))
        .isCloseTo(glacierGbMonth * 1920 / MONTH, EXACT);
    assertThat(policy.cost(1, ACCESS_LOG, GLACIER, STORAGE)).isCloseTo(glacierGbMonth * 10 / MONTH,
        EXACT);
    assertThat(policy.cost(2, ACCESS_LOG, GLACIER, STORAGE))
        .isCloseTo(glacierGbMonth * 230 / MONTH, EXACT);
    assertThat(policy.cost(1, ACCESS_LOG, GLACIER, TRANSITIONS)).isCloseTo(INTO_GLACIER, EXACT);
    assertThat(policy.total()).isCloseTo(STANDARD_GB * 720 / MONTH + PUT_STANDARD + INTO_GLACIER
        + glacierGbMonth * (240 + 1920) / MONTH + STANDARD_GB * 8 * KIB / GIB * 240 / MONTH,
        EXACT);
  }

  @Test
  void archiveUploads_pay40KbOfMetadata_8KbOfItAtStandard() {
    CostModel model = model(1, AUDIT_LOG, k -> k.objectsPerMonth(1000)
        .sizes(SizeDistribution.builder().bucket(KIB, 1).bucket(1024 * KIB, 1).build())
        .tagsPerObject(0));
    CostProjection policy = model.project(PolicyCatalog.defaults());

    // AUDIT_LOG is uploaded to GLACIER: 500 objects of 1 KB and 500 of 1 MB.
    double inGlacier = 500 * (KIB + 32 * KIB) + 500 * (1024 * KIB + 32 * KIB);
    assertThat(policy.cost(1, AUDIT_LOG, GLACIER, STORAGE))
        .isCloseTo(GLACIER_GB * inGlacier / GIB, EXACT);
    assertThat(policy.cost(1, AUDIT_LOG, STANDARD, STORAGE))
        .isCloseTo(STANDARD_GB * 1000 * 8 * KIB / GIB, EXACT);
    assertThat(policy.cost(1, AUDIT_LOG, GLACIER, REQUESTS)).isCloseTo(1000 * PUT_GLACIER, EXACT);
  }

  @Test
  void transitionFees_arePer1000Objects() {
    CostModel model = model(13, PRODUCT_IMAGE, k -> k.tagsPerObject(1).objectsPerMonth(10_000).size(1024 * KIB)
        .monthlyGrowth(-1));
    CostProjection policy = model.project(PolicyCatalog.defaults());

    assertThat(policy.month(3, TRANSITIONS)).isCloseTo(10 * 0.01, EXACT);
    assertThat(policy.month(13, TRANSITIONS)).isCloseTo(10 * 0.03, EXACT);
    assertThat(policy.month(1, REQUESTS)).isCloseTo(10 * 0.005, EXACT);
    assertThat(policy.month(1, TAGS)).isCloseTo(10_000 * TAG_MONTH, EXACT);
  }

  @Test
  void hundredMillionStoredSmallObjects_cost5000ToArchive() {
    PolicyCatalog catalog = PolicyCatalog.builder().policy(ACCESS_LOG, p -> p
        .transitions(Transition.of(30, TransitionStorageClass.DEEP_ARCHIVE))).build();
    CostModel model = model(1, ACCESS_LOG, k -> k.tagsPerObject(0)
        .existing(100_000_000, 200 * KIB, 400, STANDARD));
    CostProjection policy = model.project(catalog);

    // Already past 30 days: lifecycle moves them all in the first month, $0.05 per 1,000.
    assertThat(policy.month(1, TRANSITIONS)).isCloseTo(100_000_000 * INTO_DEEP_ARCHIVE, within(1e-6));
    assertThat(policy.month(1, TRANSITIONS)).isCloseTo(5000, within(1e-6));
    assertThat(policy.month(1, STANDARD)).isCloseTo(100_000_000 * 0.023 * 8 * KIB / GIB,
        within(1e-6));
    assertThat(policy.month(1, REQUESTS)).isZero();
  }

  @Test
  void intelligentTiering_neverRead_tiersDownAt30And90Days() {
    CostModel model = model(4, PRODUCT_IMAGE, k -> k.objectsPerMonth(1).size(GIB).monthlyGrowth(-1)
        .tagsPerObject(0));
    CostProjection tiering = model.projectInOneClass(PolicyCatalog.defaults(), INTELLIGENT_TIERING);

    // Frequent for 720 h, Infrequent from 720 to 2,160 h, Archive Instant after.
    assertThat(tiering.cost(1, PRODUCT_IMAGE, INTELLIGENT_TIERING, STORAGE))
        .isCloseTo(STANDARD_GB * 720 / MONTH + IT_INFREQUENT_GB * 10 / MONTH, EXACT);
    assertThat(tiering.cost(3, PRODUCT_IMAGE, INTELLIGENT_TIERING, STORAGE))
        .isCloseTo(IT_INFREQUENT_GB * 700 / MONTH + IT_ARCHIVE_INSTANT_GB * 30 / MONTH, EXACT);
    assertThat(tiering.month(4, MONITORING)).isCloseTo(MONITORING_EACH, EXACT);
    assertThat(tiering.month(1, REQUESTS)).isCloseTo(PUT_STANDARD, EXACT);
  }

  @Test
  void intelligentTiering_readWhileYoung_tiersDownFromTheWindowsEnd() {
    CostModel model = model(3, PRODUCT_IMAGE, k -> k.existing(1, GIB, 0, INTELLIGENT_TIERING)
        .readsPerMonth(10).readWindowDays(30).tagsPerObject(0));
    CostProjection tiering = model.projectInOneClass(PolicyCatalog.defaults(), INTELLIGENT_TIERING);

    // Last read at 30 days: Frequent to hour 1,440, Infrequent to 2,880, then Archive Instant.
    assertThat(tiering.cost(2, PRODUCT_IMAGE, INTELLIGENT_TIERING, STORAGE))
        .isCloseTo(STANDARD_GB * 710 / MONTH + IT_INFREQUENT_GB * 20 / MONTH, EXACT);
    assertThat(tiering.cost(3, PRODUCT_IMAGE, INTELLIGENT_TIERING, STORAGE))
        .isCloseTo(IT_INFREQUENT_GB * 730 / MONTH, EXACT);
    // The 10 reads of month 1 all fall in the window; none after it.
    assertThat(tiering.month(1, REQUESTS)).isCloseTo(10 * 0.0004 / 1000, EXACT);
    assertThat(tiering.month(2, REQUESTS)).isZero();
  }

  @Test
  void intelligentTiering_smallObjects_stayFrequentWithoutMonitoring() {
    long bytes = 50 * KIB;
    CostModel model = model(4, PRODUCT_IMAGE, k -> k.objectsPerMonth(1).size(bytes).monthlyGrowth(-1)
        .tagsPerObject(0));
    CostProjection tiering = model.projectInOneClass(PolicyCatalog.defaults(), INTELLIGENT_TIERING);

    assertThat(tiering.month(4, STORAGE)).isCloseTo(STANDARD_GB * bytes / GIB, EXACT);
    assertThat(tiering.month(4, MONITORING)).isZero();
  }

  @Test
  void allIntelligentTiering_movesStoredObjectsThereToo_withTheirTransitionFee() {
    CostModel model = model(3, PRODUCT_IMAGE, k -> k.existing(1000, GIB, 400, STANDARD)
        .existing(10, GIB, 400, GLACIER).tagsPerObject(0));
    CostProjection tiering = model.compare(PolicyCatalog.defaults()).allIntelligentTiering();

    // day 0: 1,000 STANDARD objects move in ($0.01 per 1,000); the GLACIER ones cannot warm up
    assertThat(tiering.month(1, TRANSITIONS)).isCloseTo(1000 * 0.01 / 1000, EXACT);
    // all that stays in STANDARD is the 8 KB of each GLACIER object's metadata
    assertThat(tiering.month(1, STANDARD)).isCloseTo(10 * STANDARD_GB * 8 * KIB / GIB, EXACT);
    // 30 days = 720 h in the Frequent tier at STANDARD's price, the month's last 10 h in the
    // Infrequent tier, each object monitored
    assertThat(tiering.cost(1, PRODUCT_IMAGE, INTELLIGENT_TIERING, STORAGE))
        .isCloseTo(1000 * (STANDARD_GB * 720 + IT_INFREQUENT_GB * 10) / MONTH, EXACT);
    assertThat(tiering.month(1, MONITORING)).isCloseTo(1000 * MONITORING_EACH, EXACT);
    assertThat(tiering.cost(1, PRODUCT_IMAGE, GLACIER, STORAGE))
        .isCloseTo(10 * GLACIER_GB * (GIB + 32 * KIB) / GIB, EXACT);
  }

  @Test
  void reads_chargeGetsAndRetrievalInTheClassTheyHit() {
    // 1,000 objects of 1 MiB created at the start; 2,000 reads a month spread over all of them.
    CostModel model = model(4, PRODUCT_IMAGE, k -> k.existing(1000, 1024 * KIB, 0, STANDARD)
        .readsPerMonth(2000).tagsPerObject(0));
    CostProjection policy = model.project(PolicyCatalog.defaults());

    // Month 4 is all STANDARD_IA: 2,000 GETs at $0.001 per 1,000, 2,000 MiB retrieved at $0.01/GB.
    assertThat(policy.cost(4, PRODUCT_IMAGE, STANDARD_IA, REQUESTS))
        .isCloseTo(2000 * 0.001 / 1000, EXACT);
    assertThat(policy.cost(4, PRODUCT_IMAGE, STANDARD_IA, CostCategory.RETRIEVALS))
        .isCloseTo(2000 * 0.01 / 1024, EXACT);
    // Month 3: reads split by time, 700 h of 730 in STANDARD.
    assertThat(policy.cost(3, PRODUCT_IMAGE, STANDARD, REQUESTS))
        .isCloseTo(2000 * 700 / MONTH * 0.0004 / 1000, EXACT);
    assertThat(policy.cost(3, PRODUCT_IMAGE, STANDARD_IA, REQUESTS))
        .isCloseTo(2000 * 30 / MONTH * 0.001 / 1000, EXACT);
  }

  @Test
  void comparison_savesAgainstAllStandard_forLargeImagesKeptThreeYears() {
    CostModel model = model(36, PRODUCT_IMAGE, k -> k.objectsPerMonth(1).size(GIB).monthlyGrowth(-1)
        .tagsPerObject(0));
    CostComparison comparison = model.compare(PolicyCatalog.defaults());

    double allStandard = STANDARD_GB * 36 + PUT_STANDARD;
    assertThat(comparison.allStandard().total()).isCloseTo(allStandard, EXACT);
    double policy = STANDARD_GB * 2160 / MONTH + IA_GB * 6600 / MONTH
        + (GLACIER_GB * (GIB + 32 * KIB) / GIB + STANDARD_GB * 8 * KIB / GIB) * 24
        + PUT_STANDARD + INTO_IA + INTO_GLACIER;
    assertThat(comparison.policy().total()).isCloseTo(policy, EXACT);
    assertThat(comparison.savingsVsStandard()).isCloseTo(allStandard - policy, EXACT);
  }

  @Test
  void priceListWithoutAClassThePolicyUses_isRefusedWhenProjecting() throws IOException {
    CostModel model = CostModel.builder().prices(PriceListTest.parse(PriceListTest.STANDARD_ONLY))
        .workload(Workload.builder().kind(DataKind.PRODUCT_IMAGE, k -> k.objectsPerMonth(10)
            .size(1 << 20)).build()).build();

    assertThatThrownBy(() -> model.project(PolicyCatalog.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("price list eu-west-1 (2026-11-01) has no prices for STANDARD_IA, which "
            + "PRODUCT_IMAGE uses in the policy scenario");
    assertThat(model.projectInOneClass(PolicyCatalog.defaults(), STANDARD).total()).isPositive();
  }
}
