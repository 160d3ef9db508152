package dev.stockroom.spring;

import static dev.stockroom.spring.StartupFailure.description;
import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.DEEP_ARCHIVE;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.GLACIER;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.GLACIER_IR;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.STANDARD_IA;

import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A policy override that breaks an invariant stops the start-up with a report naming the exact
 * property, its value as written and core's reason. The expected reasons are the invariants of
 * DESIGN.md worked by hand for the default table (e.g. product images: STANDARD_IA at 90 days,
 * GLACIER at 365).
 */
class PolicyOverridesTest {

  private static final String ACTION = "Correct %s or remove it to keep the default. A kind's "
      + "overrides are applied one at a time in the order prefix, cache-control, transition-to-ia, "
      + "transition-to-archive, archive-class, expiration, noncurrent-expiration (kinds in the "
      + "order order, customer, payment, product-image, product-video, page, user-upload, "
      + "access-log, error-log, audit-log); the property named is the first after which the "
      + "policies stay invalid.";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class))
      .withPropertyValues("stockroom.bucket=shop-assets", "stockroom.region=eu-west-1");

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      stockroom.policies.product-image.prefix | media/pages/ | PRODUCT_IMAGE and PAGE must not share the prefix 'media/pages/'
      stockroom.policies.product-image.prefix | images | PRODUCT_IMAGE: prefix must end with '/', but was 'images'
      stockroom.policies.page.cache-control | '' | PAGE: cacheControl must not be blank
      stockroom.policies.product-image.transition-to-ia | 10d | PRODUCT_IMAGE: transition days for STANDARD_IA must be at least 30, but was 10
      stockroom.policies.access-log.transition-to-ia | 30d | ACCESS_LOG: transition to STANDARD_IA at 30 days must move to a colder class than GLACIER
      stockroom.policies.product-image.transition-to-archive | 100d | PRODUCT_IMAGE: transition days for GLACIER must be at least 30 days after the STANDARD_IA transition (90), but was 100
      stockroom.policies.user-upload.transition-to-archive | 200d | USER_UPLOAD: expirationDays must be after the last transition (GLACIER at 200 days), but was 180
      stockroom.policies.user-upload.expiration | 20d | USER_UPLOAD: expirationDays must be after the last transition (STANDARD_IA at 30 days), but was 20
      stockroom.policies.error-log.expiration | 0d | ERROR_LOG: expirationDays must be at least 1, but was 0
      stockroom.policies.audit-log.expiration | 365d | AUDIT_LOG: expirationDays must not come before the end of the P7Y retention (2557 days), but was 365
      stockroom.policies.order.noncurrent-expiration | 0 | ORDER: noncurrentVersionExpirationDays must be at least 1, but was 0
      """)
  void anOverrideBreakingAnInvariant_isReportedAgainstItsProperty(String property, String value,
      String reason) {
    runner.withPropertyValues(property + "=" + value).run(context -> {
      FailureAnalysis analysis = StartupFailure.of(context);
      assertThat(analysis.getDescription())
          .isEqualTo(description(property, '"' + value + '"', reason));
      assertThat(analysis.getAction()).isEqualTo(ACTION.formatted(property));
    });
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(delimiter = '|', textBlock = """
      stockroom.policies.product-image.transition-to-ia | 36h | transition-to-ia must be a whole number of days (e.g. 120d), but was '36h' | Set stockroom.policies.product-image.transition-to-ia in days, e.g. 120d.
      stockroom.policies.product-image.transition-to-archive | -5d | transition-to-archive must be a whole number of days (e.g. 120d), but was '-5d' | Set stockroom.policies.product-image.transition-to-archive in days, e.g. 120d.
      stockroom.policies.product-image.expiration | 1000000000000d | expiration must be a whole number of days (e.g. 120d), but was '1000000000000d' | Set stockroom.policies.product-image.expiration in days, e.g. 120d.
      stockroom.policies.order.noncurrent-expiration | PT1M | noncurrent-expiration must be a whole number of days (e.g. 120d), but was 'PT1M' | Set stockroom.policies.order.noncurrent-expiration in days, e.g. 120d.
      stockroom.policies.product-image.archive-class | STANDARD_IA | archive-class must be one of GLACIER, GLACIER_IR, DEEP_ARCHIVE, but was 'STANDARD_IA' | Set stockroom.policies.product-image.archive-class to one of GLACIER, GLACIER_IR, DEEP_ARCHIVE.
      stockroom.policies.page.archive-class | GLACIER_IR | PAGE has no transition to an archive class to change | Set stockroom.policies.page.transition-to-archive as well, to say when objects move to GLACIER_IR.
      """)
  void aMalformedOverride_isReportedAgainstItsProperty(String property, String value,
      String reason, String action) {
    runner.withPropertyValues(property + "=" + value).run(context -> {
      FailureAnalysis analysis = StartupFailure.of(context);
      assertThat(analysis.getDescription())
          .isEqualTo(description(property, '"' + value + '"', reason));
      assertThat(analysis.getAction()).isEqualTo(action);
    });
  }

  @Test
  void aControlCharacterInAValue_isEscapedInTheReport() {
    runner.withPropertyValues("stockroom.policies.page.cache-control=public\nX-Evil: 1")
        .run(context -> assertThat(StartupFailure.of(context).getDescription()).isEqualTo(
            description("stockroom.policies.page.cache-control", "\"public\\u000aX-Evil: 1\"",
                "PAGE: cacheControl must not contain control characters, but was "
                    + "'public?X-Evil: 1'")));
  }

  @Test
  void aValueOnlyWrongNextToAnEarlierOne_isBlamedOnTheLaterProperty() {
    // IA at 200 days is valid against the default GLACIER step (365); the archive step at 210
    // days is then too close to it: the archive property is the one that broke the policy.
    runner.withPropertyValues("stockroom.policies.product-image.transition-to-ia=200d",
            "stockroom.policies.product-image.transition-to-archive=210d")
        .run(context -> assertThat(StartupFailure.of(context).getDescription()).isEqualTo(
            description("stockroom.policies.product-image.transition-to-archive", "\"210d\"",
                "PRODUCT_IMAGE: transition days for GLACIER must be at least 30 days after the "
                    + "STANDARD_IA transition (200), but was 210")));
    // user uploads: GLACIER at 100 days is fine with the default expiration (180); 90 is not
    runner.withPropertyValues("stockroom.policies.user-upload.transition-to-archive=100d",
            "stockroom.policies.user-upload.expiration=90d")
        .run(context -> assertThat(StartupFailure.of(context).getDescription()).isEqualTo(
            description("stockroom.policies.user-upload.expiration", "\"90d\"",
                "USER_UPLOAD: expirationDays must be after the last transition (GLACIER at 100 "
                    + "days), but was 90")));
  }

  @Test
  void aPolicyThatStaysBroken_isBlamedOnTheFirstPropertyThatBrokeIt() {
    // IA at 400 days comes after the default GLACIER step (365): broken from that property on,
    // and the expiration that follows does not repair it.
    runner.withPropertyValues("stockroom.policies.product-image.transition-to-ia=400d",
            "stockroom.policies.product-image.expiration=100d")
        .run(context -> assertThat(StartupFailure.of(context).getDescription()).isEqualTo(
            description("stockroom.policies.product-image.transition-to-ia", "\"400d\"",
                "PRODUCT_IMAGE: transition to STANDARD_IA at 400 days must move to a colder "
                    + "class than GLACIER")));
    // kinds go in kind order: product-image before error-log, whatever the order of the lines
    runner.withPropertyValues("stockroom.policies.error-log.expiration=0d",
            "stockroom.policies.product-image.transition-to-ia=10d")
        .run(context -> assertThat(StartupFailure.of(context).getDescription()).isEqualTo(
            description("stockroom.policies.product-image.transition-to-ia", "\"10d\"",
                "PRODUCT_IMAGE: transition days for STANDARD_IA must be at least 30, but was "
                    + "10")));
  }

  @Test
  void overridesOnlyValidTogether_areAccepted() {
    // one at a time, IA at 400 days would follow GLACIER at 365; with the archive step at 500
    // the policy is valid
    runner.withPropertyValues("stockroom.policies.product-image.transition-to-ia=400d",
            "stockroom.policies.product-image.transition-to-archive=500d",
            // two kinds swapping prefixes share one at every step but the last
            "stockroom.policies.product-image.prefix=media/pages/",
            "stockroom.policies.page.prefix=media/product-images/")
        .run(context -> {
          assertThat(context).hasNotFailed();
          var policies = context.getBean(Stockroom.class).policies();
          assertThat(policies.policy(DataKind.PRODUCT_IMAGE).transitions()).containsExactly(
              Transition.of(400, STANDARD_IA), Transition.of(500, GLACIER));
          assertThat(policies.policy(DataKind.PRODUCT_IMAGE).prefix()).isEqualTo("media/pages/");
          assertThat(policies.policy(DataKind.PAGE).prefix()).isEqualTo("media/product-images/");
        });
  }

  @Test
  void archiveOverrides_changeOnlyTheArchiveStep() {
    runner.withPropertyValues("stockroom.policies.product-video.archive-class=glacier_ir",
            "stockroom.policies.access-log.transition-to-archive=60",
            "stockroom.policies.page.transition-to-archive=400d",
            "stockroom.policies.page.archive-class=DEEP_ARCHIVE")
        .run(context -> {
          var policies = context.getBean(Stockroom.class).policies();
          assertThat(policies.policy(DataKind.PRODUCT_VIDEO).transitions()).containsExactly(
              Transition.of(90, STANDARD_IA), Transition.of(365, GLACIER_IR));
          // a bare number is days
          assertThat(policies.policy(DataKind.ACCESS_LOG).transitions())
              .containsExactly(Transition.of(60, GLACIER));
          assertThat(policies.policy(DataKind.PAGE).transitions()).containsExactly(
              Transition.of(400, DEEP_ARCHIVE));
        });
  }

  @Test
  void anUnknownKind_isReportedAgainstItsGroup() {
    runner.withPropertyValues("stockroom.policies.invoice.expiration=30d").run(context -> {
      FailureAnalysis analysis = StartupFailure.of(context);
      assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
          + "    Property: stockroom.policies.invoice\n"
          + "    Reason: unknown data kind 'invoice'");
      assertThat(analysis.getAction()).isEqualTo("Use one of [order, customer, payment, "
          + "product-image, product-video, page, user-upload, access-log, error-log, audit-log] "
          + "under stockroom.policies.");
    });
  }
}
