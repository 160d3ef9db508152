package dev.stockroom.spring;

import static dev.stockroom.spring.StartupFailure.description;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.LogCapture;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.Testing;
import dev.stockroom.transfer.StoredObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * {@code stockroom.resume-token-key} reaches the builder (a token paused by a Stockroom holding
 * the same key resumes; one holding another key is refused) and never appears in any output.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ResumeTokenKeyTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef"
      .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OTHER_KEY = "fedcba9876543210fedcba9876543210"
      .getBytes(StandardCharsets.US_ASCII);
  /** A key as an operator would set it: base64, here with URL-safe characters and a newline. */
  private static final String SECRET = "q-_7ZGJlYWRiZWVmY2FmZWJhYmVkZWFkYmVlZmNhZmU=\n";

  @TempDir
  Path dir;

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class,
          StockroomHealthAutoConfiguration.class))
      .withPropertyValues("stockroom.region=us-east-1",
          "stockroom.endpoint=" + SharedS3Mock.endpoint(), "stockroom.path-style=true")
      .withBean(AwsCredentialsProvider.class, () -> SharedS3Mock.CREDENTIALS);

  @Test
  void aTokenPausedWithTheSameKey_resumes_andOneWithAnotherKey_isRefused() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    Path file = Testing.randomFile(dir.resolve("film.mp4"), 24 << 20, 7);
    String token = pausedToken(bucket, file);

    // A changed policy makes the resumed upload start again from the first byte: continuing
    // the paused multipart upload is core's business (and its tests'), accepting the token is
    // this test's.
    runner.withPropertyValues("stockroom.bucket=" + bucket,
        "stockroom.resume-token-key=" + Base64.getEncoder().encodeToString(KEY),
        "stockroom.policies.product-video.cache-control=public, max-age=60").run(context -> {
          StoredObject stored = context.getBean(Stockroom.class).resume(token).completion()
              .get(1, TimeUnit.MINUTES);
          assertThat(stored.key()).isEqualTo("media/product-videos/film.mp4");
          assertThat(stored.cacheControl()).isEqualTo("public, max-age=60");
          assertThat(SharedS3Mock.admin().headObject(h -> h.bucket(bucket).key(stored.key()))
              .contentLength()).isEqualTo(24 << 20);
        });
    runner.withPropertyValues("stockroom.bucket=" + bucket,
        "stockroom.resume-token-key=" + Base64.getEncoder().encodeToString(OTHER_KEY))
        .run(context -> assertThatThrownBy(() -> context.getBean(Stockroom.class).resume(token))
            .hasMessageStartingWith("token's signature does not match"));
  }

  /** Pauses an upload by a Stockroom built in code with {@link #KEY}, once a part is in flight. */
  private static String pausedToken(String bucket, Path file) throws Exception {
    try (FaultyS3 proxy = new FaultyS3()) {
      proxy.hold(FaultyS3.uploadPart());
      try (Stockroom stockroom = OnS3Mock.builder(bucket).resumeTokenKey(KEY)
          .endpointOverride(proxy.endpoint()).build()) {
        var transfer = stockroom.objects(DataKind.PRODUCT_VIDEO).object("film.mp4")
            .startUpload(file);
        proxy.awaitHeld(1);
        String token = transfer.pause().asString();
        proxy.release();
        return token;
      }
    }
  }

  @Test
  void theKey_appearsInNoToStringHealthDetailLogOrActuatorEndpoint() {
    try (LogCapture logs = new LogCapture("ROOT")) {
      runner.withPropertyValues("stockroom.bucket=" + SharedS3Mock.newBucket(),
          "stockroom.resume-token-key=" + SECRET).run(context -> {
            assertThat(context).hasNotFailed();
            List<String> output = new ArrayList<>();
            output.add(context.getBean(Stockroom.class).toString());
            output.add(context.getBean(StockroomProperties.class).toString());
            Health health = context.getBean(StockroomHealthIndicator.class).health(true);
            output.add(health.toString());
            output.add(String.valueOf(health.getDetails()));
            output.addAll(logs.lines());
            assertThat(output).noneMatch(line -> line.contains(secretCore()));

            SanitizingFunction sanitizer = context.getBean(SanitizingFunction.class);
            for (String key : List.of("stockroom.resume-token-key", "stockroom.resumeTokenKey",
                "STOCKROOM_RESUMETOKENKEY", "resume-token-key")) {
              assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null, key, SECRET))
                  .getValue()).as(key).isEqualTo(SanitizableData.SANITIZED_VALUE);
            }
            assertThat(sanitizer.applyUnlessFiltered(new SanitizableData(null,
                "stockroom.bucket", "shop-assets")).getValue()).isEqualTo("shop-assets");
          });
    }
  }

  @Test
  void aKeyTooShort_isRefused_withoutShowingIt() {
    String shortKey = Base64.getEncoder().encodeToString("sixteen-byte-key".getBytes(
        StandardCharsets.US_ASCII));
    refusedWithoutShowing(shortKey, "resumeTokenKey must be at least 32 bytes, but was 16");
  }

  @Test
  void aKeyThatIsNotBase64_isRefused_withoutShowingIt() {
    refusedWithoutShowing("not base64 but a passphrase!", "the value is not base64");
  }

  private void refusedWithoutShowing(String value, String reason) {
    try (LogCapture logs = new LogCapture("ROOT")) {
      runner.withPropertyValues("stockroom.bucket=shop-assets",
          "stockroom.resume-token-key=" + value).run(context -> {
            FailureAnalysis analysis = StartupFailure.of(context);
            assertThat(analysis.getDescription()).isEqualTo(description(
                "stockroom.resume-token-key", "(secret, not shown)", reason));
            assertThat(analysis.getAction()).isEqualTo("Set stockroom.resume-token-key to base64 "
                + "of at least 32 random bytes, e.g. the output of: openssl rand -base64 32");
            // nothing is chained that could repeat a part of the value (the JDK's base64
            // decoder names the offending character)
            assertThat(context.getStartupFailure()).rootCause()
                .isInstanceOf(InvalidStockroomPropertyException.class);
            List<String> output = new ArrayList<>(logs.lines());
            for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
              output.add(t.toString());
            }
            String secretPart = value.substring(0, 12);
            assertThat(output).isNotEmpty().noneMatch(line -> line.contains(secretPart));
          });
    }
  }

  /** A part of {@link #SECRET} no other output would hold by chance. */
  private static String secretCore() {
    return SECRET.substring(0, 20);
  }
}
