package dev.stockroom.spring;

import static dev.stockroom.spring.StartupFailure.description;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.links.SignedLink;
import dev.stockroom.testing.CloudFrontVerifier;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Several CloudFront key pairs for rotation: each id signs with its own private key, checked by
 * an independent verifier holding only the matching public keys (core's test keys: rsa-pkcs8 /
 * rsa-public, rsa2-pkcs8 / rsa2-public, ec-pkcs8 / ec-public).
 */
class CloudFrontKeyPairsTest {

  private static final String P = "stockroom.cloud-front.";

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class))
      .withPropertyValues("stockroom.bucket=shop-assets", "stockroom.region=eu-west-1",
          P + "domain=cdn.shop.example");

  private final ApplicationContextRunner threePairs = runner.withPropertyValues(
      P + "key-pairs[0].id=KOLDRSA", P + "key-pairs[0].private-key=classpath:keys/rsa-pkcs8.pem",
      P + "key-pairs[1].id=KNEWRSA", P + "key-pairs[1].private-key=classpath:keys/rsa2-pkcs8.pem",
      P + "key-pairs[2].id=KNEWEC", P + "key-pairs[2].private-key=classpath:keys/ec-pkcs8.pem");

  @ParameterizedTest
  @ValueSource(strings = {"KOLDRSA", "KNEWRSA", "KNEWEC"})
  void theActiveKeyPair_signsWithItsOwnKey(String active) {
    threePairs.withPropertyValues(P + "active-key-pair-id=" + active).run(context -> {
      Stockroom stockroom = context.getBean(Stockroom.class);
      assertThat(stockroom.links().activeKeyPairId()).isEqualTo(active);
      SignedLink link = stockroom.links().url("media/pages/a.html", Duration.ofHours(1));
      assertThat(link.url()).contains("Key-Pair-Id=" + active);
      assertThat(trusted().acceptsUrl(link.url(), Instant.now(), "198.51.100.7")).isTrue();
      assertThat(swapped().acceptsUrl(link.url(), Instant.now(), "198.51.100.7")).isFalse();
    });
  }

  @Test
  void withoutAnActiveId_theFirstSigns_andEveryOtherCanBeRotatedTo() {
    threePairs.run(context -> {
      Stockroom stockroom = context.getBean(Stockroom.class);
      assertThat(stockroom.links().activeKeyPairId()).isEqualTo("KOLDRSA");
      stockroom.links().rotateTo("KNEWEC");
      SignedLink link = stockroom.links().url("media/pages/b.html", Duration.ofHours(1));
      assertThat(link.url()).contains("Key-Pair-Id=KNEWEC");
      assertThat(trusted().acceptsUrl(link.url(), Instant.now(), "198.51.100.7")).isTrue();
    });
  }

  @Test
  void theSingleForm_stillWorks() {
    runner.withPropertyValues(P + "key-pair-id=K2JCJMDEHXQW5F",
        P + "private-key=classpath:keys/rsa2-pkcs8.pem").run(context -> {
          SignedLink link = context.getBean(Stockroom.class).links()
              .url("media/pages/a.html", Duration.ofHours(1));
          assertThat(new CloudFrontVerifier().trustPem("K2JCJMDEHXQW5F", pem("rsa2-public.pem"))
              .acceptsUrl(link.url(), Instant.now(), "198.51.100.7")).isTrue();
        });
  }

  @Test
  void bothForms_areRefused_namingTheProperties() {
    threePairs.withPropertyValues(P + "key-pair-id=K2JCJMDEHXQW5F",
        P + "private-key=classpath:keys/rsa-pkcs8.pem").run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
              + "    Property: stockroom.cloud-front.key-pair-id\n"
              + "    Value: \"K2JCJMDEHXQW5F\"\n"
              + "    Property: stockroom.cloud-front.private-key\n"
              + "    Value: \"classpath:keys/rsa-pkcs8.pem\"\n"
              + "    Property: stockroom.cloud-front.key-pairs\n"
              + "    Value: \"[KOLDRSA, KNEWRSA, KNEWEC]\"\n"
              + "    Reason: key-pair-id/private-key (one key pair) and key-pairs (several) are "
              + "two forms of the same setting");
          assertThat(analysis.getAction()).isEqualTo("Use one form: move the single key pair "
              + "into stockroom.cloud-front.key-pairs, or remove "
              + "stockroom.cloud-front.key-pairs.");
        });
  }

  @Test
  void aBadKeyPair_isReportedAgainstItsOwnProperty() {
    threePairs.withPropertyValues(P + "active-key-pair-id=KMISSING").run(context ->
        assertThat(StartupFailure.of(context).getDescription()).isEqualTo(description(
            P + "active-key-pair-id", "\"KMISSING\"", "activeKeyPairId must be one of "
                + "[KOLDRSA, KNEWRSA, KNEWEC], but was KMISSING")));
    threePairs.withPropertyValues(P + "key-pairs[1].id=knew-rsa").run(context ->
        assertThat(StartupFailure.of(context).getDescription()).isEqualTo(description(
            P + "key-pairs[1].id", "\"knew-rsa\"",
            "keyPairId must be uppercase letters and digits, but was 'knew-rsa'")));
    threePairs.withPropertyValues(P + "key-pairs[2].id=KOLDRSA").run(context ->
        assertThat(StartupFailure.of(context).getDescription()).isEqualTo(description(
            P + "key-pairs[2].id", "\"KOLDRSA\"",
            "key pair id already used by stockroom.cloud-front.key-pairs[0].id")));
    threePairs.withPropertyValues(P + "key-pairs[1].private-key=classpath:keys/rsa-public.pem")
        .run(context -> assertThat(StartupFailure.of(context).getDescription())
            .isEqualTo(description(P + "key-pairs[1].private-key",
                "\"classpath:keys/rsa-public.pem\"", "privateKey from the PEM text of key pair "
                    + "KNEWRSA is a PEM 'PUBLIC KEY' block, not a private key")));
    runner.withPropertyValues(P + "key-pairs[0].id=KONLY").run(context -> {
      FailureAnalysis analysis = StartupFailure.of(context);
      assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
          + "    Property: stockroom.cloud-front.key-pairs[0].private-key\n"
          + "    Value: (not set)\n"
          + "    Reason: every key pair needs an id and a private-key");
      assertThat(analysis.getAction())
          .isEqualTo("Set stockroom.cloud-front.key-pairs[0].private-key.");
    });
  }

  @Test
  void keyPairsWithoutADomain_areRefused() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(StockroomAutoConfiguration.class))
        .withPropertyValues("stockroom.bucket=shop-assets", "stockroom.region=eu-west-1",
            P + "key-pair-id=K2JCJMDEHXQW5F", P + "private-key=classpath:keys/rsa-pkcs8.pem")
        .run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo("Stockroom could not be configured:\n\n"
              + "    Property: stockroom.cloud-front.domain\n"
              + "    Value: (not set)\n"
              + "    Reason: CloudFront properties are set (stockroom.cloud-front.key-pair-id, "
              + "stockroom.cloud-front.private-key) but no domain");
        });
  }

  @Test
  void anUnreadablePrivateKey_isReportedAgainstItsProperty() {
    runner.withPropertyValues(P + "key-pair-id=K2JCJMDEHXQW5F",
        P + "private-key=file:/nonexistent/cloudfront.pem").run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo(description(P + "private-key",
              "\"file:/nonexistent/cloudfront.pem\"",
              "URL [file:/nonexistent/cloudfront.pem] cannot be read"));
          assertThat(analysis.getAction()).isEqualTo("Point stockroom.cloud-front.private-key at "
              + "a readable PEM file, e.g. file:/run/secrets/cloudfront.pem.");
        });
  }

  @Test
  void aTruncatedOrGarbagePrivateKey_isReportedAgainstItsProperty_withoutTheKeyText(
      @TempDir Path dir) throws Exception {
    List<String> body = pem("rsa-pkcs8.pem").lines().filter(line -> !line.startsWith("-----"))
        .toList();
    // the first half of the key: valid base64 between valid markers, cut short
    Path truncated = Files.writeString(dir.resolve("truncated.pem"), "-----BEGIN PRIVATE KEY-----\n"
        + String.join("\n", body.subList(0, body.size() / 2)) + "\n-----END PRIVATE KEY-----\n");
    Path garbage = Files.writeString(dir.resolve("garbage.pem"), "not a key\n"
        + String.join("\n", body));
    String url = "file:" + dir.toAbsolutePath() + "/";

    runner.withPropertyValues(P + "key-pair-id=K2JCJMDEHXQW5F", P + "private-key=" + url
        + "truncated.pem").run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo(description(P + "private-key",
              "\"" + url + "truncated.pem\"", "privateKey from the PEM text of key pair "
                  + "K2JCJMDEHXQW5F could not be read as a PEM 'PRIVATE KEY' block: the key "
                  + "inside is malformed or cut short"));
          assertThat(analysis.getAction()).isEqualTo("Correct " + P + "private-key.");
          assertNoKeyText(context.getStartupFailure(), analysis, body);
        });
    runner.withPropertyValues(P + "key-pair-id=K2JCJMDEHXQW5F", P + "private-key=" + url
        + "garbage.pem").run(context -> {
          FailureAnalysis analysis = StartupFailure.of(context);
          assertThat(analysis.getDescription()).isEqualTo(description(P + "private-key",
              "\"" + url + "garbage.pem\"", "privateKey from the PEM text of key pair "
                  + "K2JCJMDEHXQW5F is not a PEM private key: expected a '-----BEGIN PRIVATE "
                  + "KEY-----', '-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN EC PRIVATE "
                  + "KEY-----' block"));
          assertNoKeyText(context.getStartupFailure(), analysis, body);
        });
  }

  /** Neither the report nor any exception of the failure quotes a line of the key. */
  private static void assertNoKeyText(Throwable failure, FailureAnalysis analysis,
      List<String> keyLines) {
    StringBuilder everything = new StringBuilder(analysis.getDescription())
        .append(analysis.getAction());
    for (Throwable t = failure; t != null; t = t.getCause()) {
      everything.append(t).append(t.getMessage());
      for (Throwable suppressed : t.getSuppressed()) {
        everything.append(suppressed);
      }
    }
    for (String line : keyLines) {
      assertThat(everything.toString()).doesNotContain(line.substring(0, 24));
    }
  }

  /** A verifier that knows each id by its own public key. */
  private static CloudFrontVerifier trusted() throws Exception {
    return new CloudFrontVerifier().trustPem("KOLDRSA", pem("rsa-public.pem"))
        .trustPem("KNEWRSA", pem("rsa2-public.pem")).trustPem("KNEWEC", pem("ec-public.pem"));
  }

  /** A verifier that knows each id by another pair's public key. */
  private static CloudFrontVerifier swapped() throws Exception {
    return new CloudFrontVerifier().trustPem("KOLDRSA", pem("rsa2-public.pem"))
        .trustPem("KNEWRSA", pem("rsa-public.pem")).trustPem("KNEWEC", pem("rsa-public.pem"));
  }

  private static String pem(String name) throws Exception {
    try (InputStream in = CloudFrontKeyPairsTest.class.getClassLoader()
        .getResourceAsStream("keys/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
    }
  }
}
