package dev.stockroom.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.DEEP_ARCHIVE;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.GLACIER;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.GLACIER_IR;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.ONEZONE_IA;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.STANDARD_IA;

import java.time.Period;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.s3.model.StorageClass;

class PolicyCatalogTest {

  private final PolicyCatalog defaults = PolicyCatalog.defaults();

  /** One row of the policy table in DESIGN.md / docs/policy.md. */
  private record Row(DataKind kind, DataClass dataClass, String prefix, StorageClass storageClass,
      EncryptionRequirement encryption, String cacheControl, List<Transition> transitions,
      OptionalInt expirationDays, OptionalInt noncurrentDays, Period retention, LinkAccess links,
      boolean erasable) {}

  private static final OptionalInt NONE = OptionalInt.empty();

  private static final List<Row> TABLE = List.of(
      new Row(DataKind.ORDER, DataClass.TRANSACTIONAL, "transactional/orders/",
          StorageClass.STANDARD, EncryptionRequirement.KMS_REQUIRED, "private, no-store",
          List.of(), NONE, OptionalInt.of(7), null, LinkAccess.REFUSED, false),
      new Row(DataKind.CUSTOMER, DataClass.TRANSACTIONAL, "transactional/customers/",
          StorageClass.STANDARD, EncryptionRequirement.KMS_REQUIRED, "private, no-store",
          List.of(), NONE, OptionalInt.of(7), null, LinkAccess.REFUSED, true),
      new Row(DataKind.PAYMENT, DataClass.TRANSACTIONAL, "transactional/payments/",
          StorageClass.STANDARD, EncryptionRequirement.KMS_REQUIRED, "private, no-store",
          List.of(), NONE, OptionalInt.of(7), null, LinkAccess.REFUSED, false),
      new Row(DataKind.PRODUCT_IMAGE, DataClass.MEDIA, "media/product-images/",
          StorageClass.STANDARD, EncryptionRequirement.KMS_IF_CONFIGURED,
          "public, max-age=31536000, immutable",
          List.of(Transition.of(90, STANDARD_IA), Transition.of(365, GLACIER)), NONE, NONE, null,
          LinkAccess.ALLOWED, false),
      new Row(DataKind.PRODUCT_VIDEO, DataClass.MEDIA, "media/product-videos/",
          StorageClass.STANDARD, EncryptionRequirement.KMS_IF_CONFIGURED,
          "public, max-age=31536000, immutable",
          List.of(Transition.of(90, STANDARD_IA), Transition.of(365, GLACIER)), NONE, NONE, null,
          LinkAccess.ALLOWED, false),
      new Row(DataKind.PAGE, DataClass.MEDIA, "media/pages/", StorageClass.STANDARD,
          EncryptionRequirement.KMS_IF_CONFIGURED, "public, max-age=3600", List.of(), NONE, NONE,
          null, LinkAccess.ALLOWED, false),
      new Row(DataKind.USER_UPLOAD, DataClass.MEDIA, "media/user-uploads/", StorageClass.STANDARD,
          EncryptionRequirement.KMS_IF_CONFIGURED, "private, max-age=3600",
          List.of(Transition.of(30, STANDARD_IA)), OptionalInt.of(180), NONE, null,
          LinkAccess.SHORT_LIVED, false),
      new Row(DataKind.ACCESS_LOG, DataClass.LOG, "logs/access/", StorageClass.STANDARD,
          EncryptionRequirement.S3_MANAGED, "private, no-store", List.of(Transition.of(30, GLACIER)),
          NONE, NONE, null, LinkAccess.REFUSED, false),
      new Row(DataKind.ERROR_LOG, DataClass.LOG, "logs/error/", StorageClass.STANDARD,
          EncryptionRequirement.S3_MANAGED, "private, no-store", List.of(), OptionalInt.of(90),
          NONE, null, LinkAccess.REFUSED, false),
      new Row(DataKind.AUDIT_LOG, DataClass.LOG, "logs/audit/", StorageClass.GLACIER,
          EncryptionRequirement.KMS_IF_CONFIGURED, "private, no-store", List.of(),
          OptionalInt.of(2557), NONE, Period.ofYears(7), LinkAccess.REFUSED, false));

  @Test
  void defaults_matchThePolicyTable_valueByValue() {
    assertThat(defaults.policies()).extracting(StoragePolicy::kind)
        .containsExactly(DataKind.values());
    for (Row row : TABLE) {
      StoragePolicy policy = defaults.policy(row.kind());
      Row actual = new Row(policy.kind(), policy.dataClass(), policy.prefix(),
          policy.storageClass(), policy.encryption(), policy.cacheControl(), policy.transitions(),
          policy.expirationDays(), policy.noncurrentVersionExpirationDays(),
          policy.retention().orElse(null), policy.linkAccess(), policy.erasable());
      assertThat(actual).as(row.kind().toString()).isEqualTo(row);
    }
    assertThat(defaults.abortIncompleteMultipartUploadDays()).isEqualTo(7);
  }

  @Test
  void kinds_haveKebabCaseIds_andParseBack() {
    assertThat(DataKind.PRODUCT_IMAGE.id()).isEqualTo("product-image");
    assertThat(DataKind.fromId("audit-log")).isEqualTo(DataKind.AUDIT_LOG);
    assertThat(DataKind.fromId("USER_UPLOAD")).isEqualTo(DataKind.USER_UPLOAD);
    assertThatThrownBy(() -> DataKind.fromId("invoice"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown data kind 'invoice'");
  }

  @ParameterizedTest
  @CsvSource({
      "transactional/orders/2026/11/22/order-1001.json, ORDER",
      "transactional/customers/c-17.json, CUSTOMER",
      "media/product-images/sku-1001/front.jpg, PRODUCT_IMAGE",
      "media/pages/index.html, PAGE",
      "logs/audit/2026-11-22.log, AUDIT_LOG"})
  void classify_keyUnderKnownPrefix_givesItsPolicy(String key, DataKind kind) {
    assertThat(defaults.classify(key).kind()).isEqualTo(kind);
    assertThat(defaults.find(key)).map(StoragePolicy::kind).contains(kind);
  }

  @Test
  void classify_keyUnderNoKnownPrefix_isAClearError() {
    assertThat(defaults.find("media/product-image/x.jpg")).isEmpty();
    assertThatThrownBy(() -> defaults.classify("media/product-image/x.jpg"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key 'media/product-image/x.jpg' lies under no known prefix; "
            + "known prefixes are [transactional/orders/, ");
    assertThatThrownBy(() -> defaults.classify(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("key must not be null");
  }

  @Test
  void overrides_changeOnlyWhatTheyName() {
    PolicyCatalog custom = PolicyCatalog.builder()
        .policy(DataKind.PRODUCT_IMAGE, p -> p.transition(120, STANDARD_IA))
        .policy(DataKind.PRODUCT_VIDEO, p -> p.prefix("media/videos/")
            .transitions(Transition.of(90, STANDARD_IA), Transition.of(365, GLACIER_IR)))
        .abortIncompleteMultipartUploadDays(3)
        .build();

    assertThat(custom.policy(DataKind.PRODUCT_IMAGE).transitions())
        .containsExactly(Transition.of(120, STANDARD_IA), Transition.of(365, GLACIER));
    assertThat(custom.policy(DataKind.PRODUCT_VIDEO).prefix()).isEqualTo("media/videos/");
    assertThat(custom.policy(DataKind.PRODUCT_VIDEO).transitions())
        .containsExactly(Transition.of(90, STANDARD_IA), Transition.of(365, GLACIER_IR));
    assertThat(custom.classify("media/videos/a.mp4").kind()).isEqualTo(DataKind.PRODUCT_VIDEO);
    assertThat(custom.abortIncompleteMultipartUploadDays()).isEqualTo(3);
    assertThat(custom.policy(DataKind.ORDER)).isEqualTo(defaults.policy(DataKind.ORDER));
    assertThat(PolicyCatalog.defaults()).isEqualTo(defaults);
  }

  @Test
  void toBuilder_roundTripsEveryPolicy() {
    for (StoragePolicy policy : defaults.policies()) {
      assertThat(policy.toBuilder().build()).isEqualTo(policy).hasSameHashCodeAs(policy);
    }
    assertThat(defaults.toBuilder().build()).isEqualTo(defaults);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "IA at 10 days | PRODUCT_IMAGE: transition days for STANDARD_IA must be at least 30, but was 10",
      "one-zone IA at 29 days | PRODUCT_VIDEO: transition days for ONEZONE_IA must be at least 30, "
          + "but was 29",
      "expiration before last transition | USER_UPLOAD: expirationDays must be after the last "
          + "transition (STANDARD_IA at 30 days), but was 20",
      "transactional without KMS | ORDER: encryption must be KMS_REQUIRED for transactional data, "
          + "but was KMS_IF_CONFIGURED",
      "transactional linkable | PAYMENT: linkAccess must be REFUSED for transactional data, but was "
          + "ALLOWED",
      "audit expiry before 7 years | AUDIT_LOG: expirationDays must not come before the end of the "
          + "P7Y retention (2557 days), but was 2555",
      "audit without retention | AUDIT_LOG: retention must be set for audit logs",
      "empty prefix | PAGE: prefix must not be empty",
      "prefix without slash | PAGE: prefix must end with '/', but was 'media/pages'",
      "prefix with dot-dot | PAGE: prefix must not contain '..' segments, but was 'media/../pages/'",
      "prefix with leading slash | PAGE: prefix must not start with '/', but was '/media/pages/'",
      "warmer transition | ACCESS_LOG: transition to STANDARD_IA at 60 days must move to a colder "
          + "class than GLACIER",
      "glacier too soon after IA | PRODUCT_IMAGE: transition days for GLACIER must be at least 30 "
          + "days after the STANDARD_IA transition (90), but was 100",
      "transition to upload class | AUDIT_LOG: transition to GLACIER at 10 days must move to a "
          + "colder class than GLACIER",
      "blank cache control | PAGE: cacheControl must not be blank",
      "zero expiration | ERROR_LOG: expirationDays must be at least 1, but was 0",
      "unmanageable storage class | PAGE: storageClass must be one of STANDARD, "
          + "INTELLIGENT_TIERING, STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE, but "
          + "was EXPRESS_ONEZONE"})
  void invalidOverride_failsNamingKindFieldAndValue(String name, String message) {
    assertThatThrownBy(() -> INVALID.get(name).run())
        .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
  }

  private static final java.util.Map<String, Runnable> INVALID = java.util.Map.ofEntries(
      invalid("IA at 10 days", DataKind.PRODUCT_IMAGE, p -> p.transition(10, STANDARD_IA)),
      invalid("one-zone IA at 29 days", DataKind.PRODUCT_VIDEO, p -> p.transition(29, ONEZONE_IA)),
      invalid("expiration before last transition", DataKind.USER_UPLOAD, p -> p.expirationDays(20)),
      invalid("transactional without KMS", DataKind.ORDER,
          p -> p.encryption(EncryptionRequirement.KMS_IF_CONFIGURED)),
      invalid("transactional linkable", DataKind.PAYMENT, p -> p.linkAccess(LinkAccess.ALLOWED)),
      invalid("audit expiry before 7 years", DataKind.AUDIT_LOG, p -> p.expirationDays(2555)),
      invalid("audit without retention", DataKind.AUDIT_LOG, p -> p.noRetention()),
      invalid("empty prefix", DataKind.PAGE, p -> p.prefix("")),
      invalid("prefix without slash", DataKind.PAGE, p -> p.prefix("media/pages")),
      invalid("prefix with dot-dot", DataKind.PAGE, p -> p.prefix("media/../pages/")),
      invalid("prefix with leading slash", DataKind.PAGE, p -> p.prefix("/media/pages/")),
      invalid("warmer transition", DataKind.ACCESS_LOG, p -> p.transition(60, STANDARD_IA)),
      invalid("glacier too soon after IA", DataKind.PRODUCT_IMAGE, p -> p.transitions(
          Transition.of(90, STANDARD_IA), Transition.of(100, GLACIER))),
      invalid("transition to upload class", DataKind.AUDIT_LOG, p -> p.transition(10, GLACIER)),
      invalid("blank cache control", DataKind.PAGE, p -> p.cacheControl(" ")),
      invalid("zero expiration", DataKind.ERROR_LOG, p -> p.expirationDays(0)),
      invalid("unmanageable storage class", DataKind.PAGE,
          p -> p.storageClass(StorageClass.EXPRESS_ONEZONE)));

  private static java.util.Map.Entry<String, Runnable> invalid(String name, DataKind kind,
      Consumer<StoragePolicy.Builder> change) {
    return java.util.Map.entry(name, () -> PolicyCatalog.builder().policy(kind, change));
  }

  @Test
  void twoKindsSharingOnePrefix_fail() {
    assertThatThrownBy(() -> PolicyCatalog.builder()
        .policy(DataKind.PRODUCT_VIDEO, p -> p.prefix("media/product-images/")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PRODUCT_IMAGE and PRODUCT_VIDEO must not share the prefix "
            + "'media/product-images/'");
  }

  @Test
  void nestedPrefixes_fail() {
    assertThatThrownBy(() -> PolicyCatalog.builder()
        .policy(DataKind.PAGE, p -> p.prefix("media/")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("PRODUCT_IMAGE prefix 'media/product-images/' and PAGE prefix 'media/' must "
            + "not contain one another");
  }

  @Test
  void validOverrides_thatKeepTheInvariants_areAccepted() {
    StoragePolicy video = PolicyCatalog.builder()
        .policy(DataKind.PRODUCT_VIDEO, p -> p.transitions(Transition.of(30, STANDARD_IA),
            Transition.of(60, ONEZONE_IA), Transition.of(200, DEEP_ARCHIVE)).expirationDays(400))
        .build().policy(DataKind.PRODUCT_VIDEO);
    assertThat(video.transitions()).hasSize(3);
    StoragePolicy audit = PolicyCatalog.builder()
        .policy(DataKind.AUDIT_LOG, p -> p.retention(Period.ofYears(10)).expirationDays(3655))
        .build().policy(DataKind.AUDIT_LOG);
    assertThat(audit.retention()).contains(Period.ofYears(10));
  }

  @Test
  void builderArguments_areChecked() {
    assertThatThrownBy(() -> StoragePolicy.builder(null)).isInstanceOf(NullPointerException.class)
        .hasMessage("kind must not be null");
    assertThatThrownBy(() -> Transition.of(-1, GLACIER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transition days for GLACIER must not be negative, but was -1");
    assertThatThrownBy(() -> PolicyCatalog.builder().abortIncompleteMultipartUploadDays(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("abortIncompleteMultipartUploadDays must be at least 1, but was 0");
    assertThatThrownBy(() -> StoragePolicy.builder(DataKind.PAGE).build())
        .isInstanceOf(IllegalArgumentException.class).hasMessage("PAGE: prefix must be set");
  }
}
