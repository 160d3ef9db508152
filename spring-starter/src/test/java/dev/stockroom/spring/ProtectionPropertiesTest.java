package dev.stockroom.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** stockroom.protection-key and stockroom.backups.* reach Stockroom; a bad key is never shown. */
class ProtectionPropertiesTest {

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class))
      .withPropertyValues("stockroom.bucket=shop-assets", "stockroom.region=eu-west-1");

  @Test
  void backupsAndProtectionKey_areMapped() {
    String key = Base64.getEncoder().encodeToString(
        "a protection key of at least 32 bytes!".getBytes(StandardCharsets.UTF_8));
    runner.withPropertyValues("stockroom.protection-key=" + key,
            "stockroom.backups.bucket=shop-backups", "stockroom.backups.prefix=nightly/",
            "stockroom.backups.kms-key-id=alias/backups")
        .run(context -> {
          assertThat(context).hasNotFailed();
          assertThat(context.getBean(Stockroom.class).protection().backupLifecycles())
              .hasSize(1);
        });
    runner.run(context -> assertThatThrownBy(() -> context.getBean(Stockroom.class).protection()
        .backupLifecycles()).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("backups are not configured"));
  }

  @Test
  void aProtectionKeyThatIsNotBase64_isReported_withoutItsValue() {
    runner.withPropertyValues("stockroom.protection-key=secret*value*not*base64",
            "stockroom.backups.bucket=shop-backups")
        .run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause()
              .hasMessageContaining("stockroom.protection-key")
              .hasMessageContaining("not base64");
          Throwable failure = context.getStartupFailure();
          while (failure != null) {
            assertThat(String.valueOf(failure.getMessage())).doesNotContain("secret*value");
            failure = failure.getCause();
          }
        });
  }
}
