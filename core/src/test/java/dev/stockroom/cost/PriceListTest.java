package dev.stockroom.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.s3.model.StorageClass.DEEP_ARCHIVE;
import static software.amazon.awssdk.services.s3.model.StorageClass.GLACIER;
import static software.amazon.awssdk.services.s3.model.StorageClass.GLACIER_IR;
import static software.amazon.awssdk.services.s3.model.StorageClass.INTELLIGENT_TIERING;
import static software.amazon.awssdk.services.s3.model.StorageClass.ONEZONE_IA;
import static software.amazon.awssdk.services.s3.model.StorageClass.STANDARD;
import static software.amazon.awssdk.services.s3.model.StorageClass.STANDARD_IA;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PriceListTest {

  static final String STANDARD_ONLY = """
      region = eu-west-1
      currency = USD
      effective = 2026-11-01
      source = negotiated
      tags = 0.01
      storage.STANDARD = 0.021
      put.STANDARD = 0.005
      get.STANDARD = 0.0004
      retrieval.STANDARD = 0
      minimumDays.STANDARD = 0
      minimumBillableKb.STANDARD = 0
      """;

  static PriceList parse(String text) throws IOException {
    return PriceList.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
        "bad.properties");
  }

  @Test
  void usEast1_holdsTheShippedFigures() {
    PriceList prices = PriceList.usEast1();

    assertThat(prices.region()).isEqualTo("us-east-1");
    assertThat(prices.effective()).isEqualTo(LocalDate.of(2026, 11, 22));
    assertThat(prices.storageClasses()).containsExactlyInAnyOrder(STANDARD, INTELLIGENT_TIERING,
        STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE);
    assertThat(prices.storagePerGbMonth(STANDARD)).isEqualTo(0.023);
    assertThat(prices.storagePerGbMonth(IntelligentTieringTier.ARCHIVE_INSTANT)).isEqualTo(0.004);
    assertThat(prices.storagePerGbMonth(DEEP_ARCHIVE)).isEqualTo(0.00099);
    assertThat(prices.transitionPer1000(GLACIER_IR)).isEqualTo(0.02);
    assertThat(prices.minimumDays(STANDARD_IA)).isEqualTo(30);
    assertThat(prices.minimumDays(GLACIER_IR)).isEqualTo(90);
    assertThat(prices.minimumDays(GLACIER)).isEqualTo(90);
    assertThat(prices.minimumDays(DEEP_ARCHIVE)).isEqualTo(180);
    assertThat(prices.minimumBillableBytes(ONEZONE_IA)).isEqualTo(128 * 1024);
    assertThat(prices.minimumBillableBytes(GLACIER_IR)).isEqualTo(128 * 1024);
    assertThat(prices.overheadStandardBytes(DEEP_ARCHIVE)).isEqualTo(8 * 1024);
    assertThat(prices.overheadClassBytes(GLACIER)).isEqualTo(32 * 1024);
    assertThat(prices.monitoringPer1000()).isEqualTo(0.0025);
    assertThat(prices.tagsPer10000()).isEqualTo(0.01);
  }

  @Test
  void load_readsAFileOfNegotiatedPrices(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("eu.properties"), STANDARD_ONLY);

    PriceList prices = PriceList.load(file);

    assertThat(prices.region()).isEqualTo("eu-west-1");
    assertThat(prices.storagePerGbMonth(STANDARD)).isEqualTo(0.021);
    assertThat(prices.storageClasses()).containsExactly(STANDARD);
  }

  @Test
  void batchOperationsFees_areShipped_optional_andChecked() throws IOException {
    assertThat(PriceList.usEast1().batchOperationsPerJob()).hasValue(0.25);
    assertThat(PriceList.usEast1().batchOperationsPerMillionObjects()).hasValue(1.00);
    assertThat(parse(STANDARD_ONLY).batchOperationsPerJob()).isEmpty();
    assertThat(parse(STANDARD_ONLY).batchOperationsPerMillionObjects()).isEmpty();
    assertThat(parse(STANDARD_ONLY + "batchJob = 0.20\n").batchOperationsPerJob())
        .hasValue(0.20);
    assertThatThrownBy(() -> parse(STANDARD_ONLY + "batchMillionObjects = -1\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("batchMillionObjects must not be negative, but was -1");
  }

  @Test
  void negativePrice_namesLineKeyAndValue() {
    assertThatThrownBy(() -> parse(STANDARD_ONLY.replace("0.021", "-0.021")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.properties line 6: storage.STANDARD must not be negative, but was -0.021");
  }

  @Test
  void nonNumericPrice_namesLineKeyAndValue() {
    assertThatThrownBy(() -> parse(STANDARD_ONLY.replace("put.STANDARD = 0.005",
        "put.STANDARD = cheap")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.properties line 7: put.STANDARD must be a number, but was 'cheap'");
  }

  @Test
  void unknownClass_namesLineAndClass() {
    assertThatThrownBy(() -> parse(STANDARD_ONLY + "storage.GLACIER_FAST = 0.001\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.properties line 12: unknown storage class 'GLACIER_FAST' in "
            + "'storage.GLACIER_FAST'; classes are STANDARD, INTELLIGENT_TIERING, STANDARD_IA, "
            + "ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE");
  }

  @Test
  void unknownIntelligentTieringTier_isRefused() {
    assertThatThrownBy(() -> parse(STANDARD_ONLY + "storage.INTELLIGENT_TIERING.COLD = 0.001\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.properties line 12: unknown Intelligent-Tiering tier in "
            + "'storage.INTELLIGENT_TIERING.COLD'; tiers are FREQUENT, INFREQUENT, ARCHIVE_INSTANT");
  }

  @Test
  void unknownKey_isRefused() {
    assertThatThrownBy(() -> parse(STANDARD_ONLY + "storge.STANDARD = 0.001\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("bad.properties line 12: unknown key 'storge.STANDARD'; keys are");
  }

  @Test
  void classWithoutEveryPrice_namesTheMissingKey() {
    assertThatThrownBy(() -> parse(STANDARD_ONLY + "storage.GLACIER = 0.0036\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.properties has no put.GLACIER; every class it prices needs storage, put, "
            + "get, retrieval, minimumDays, minimumBillableKb and (all but STANDARD) transition");
  }

  @Test
  void keySetTwice_isRefused() {
    assertThatThrownBy(() -> parse(STANDARD_ONLY + "storage.STANDARD = 0.02\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.properties line 12: storage.STANDARD is set twice (first on line 6)");
  }

  @Test
  void fractionalDays_areRefused() {
    assertThatThrownBy(() -> parse(STANDARD_ONLY.replace("minimumDays.STANDARD = 0",
        "minimumDays.STANDARD = 0.5")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.properties line 10: minimumDays.STANDARD must be a whole number, but was "
            + "'0.5'");
  }

  @Test
  void badDate_isRefused() {
    assertThatThrownBy(() -> parse(STANDARD_ONLY.replace("2026-11-01", "01/11/2026")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bad.properties line 3: effective must be an ISO date such as 2026-11-22, but "
            + "was '01/11/2026'");
  }
}
