package dev.stockroom.links;

import static dev.stockroom.links.LinksTest.DOMAIN;
import static dev.stockroom.links.LinksTest.KEY_ID;
import static dev.stockroom.links.LinksTest.START;
import static dev.stockroom.links.LinksTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import dev.stockroom.Stockroom;
import dev.stockroom.exception.InvalidationException;
import dev.stockroom.testing.CloudFrontKeyPair;
import dev.stockroom.testing.CloudFrontStandIn;
import dev.stockroom.testing.CloudFrontVerifier;
import dev.stockroom.testing.LogCapture;
import dev.stockroom.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/** Keys in every supported form, bad keys, concurrency, invalidation, and what is never logged. */
class LinkKeysAndSafetyTest {

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"rsa-pkcs8.pem", "rsa-pkcs1.pem"})
  void rsaKeys_inPkcs8AndPkcs1_signTheSame(String file) throws Exception {
    MutableClock clock = new MutableClock(START);
    try (Stockroom stockroom = Stockroom.builder().bucket("shop-assets").clock(clock)
        .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
        .cloudFront(cf -> cf.domain(DOMAIN).keyPair(KEY_ID, key(file))).build()) {
      SignedLink link = stockroom.links().url("media/pages/a.html", Duration.ofHours(1));
      assertThat(new CloudFrontVerifier().trust(KEY_ID, key("rsa-public.pem"))
          .acceptsUrl(link.url(), START, "198.51.100.7")).isTrue();
    }
  }

  @Test
  void pemText_andPrivateKeyObjects_signUrlsTheVerifierAccepts() throws Exception {
    CloudFrontKeyPair generated = CloudFrontKeyPair.generate();
    String ecPem = Files.readString(key("ec-pkcs8.pem"));
    CloudFrontVerifier verifier = new CloudFrontVerifier().trust(generated)
        .trust("KECKEY", key("ec-public.pem"));

    SignedLink fromPemText = signed(cf -> cf.keyPairPem(generated.keyPairId(),
        generated.privateKeyPem()));
    SignedLink fromKeyObject = signed(cf -> cf.keyPair(generated.keyPairId(),
        generated.privateKey()));
    SignedLink fromEcPemText = signed(cf -> cf.keyPairPem("KECKEY", ecPem));

    for (SignedLink link : List.of(fromPemText, fromKeyObject, fromEcPemText)) {
      assertThat(verifier.acceptsUrl(link.url(), START)).as(link.keyPairId()).isTrue();
    }
    assertThat(fromPemText.url()).endsWith("&Key-Pair-Id=" + generated.keyPairId());
    // another key pair's public key does not accept them
    CloudFrontVerifier other = new CloudFrontVerifier().trust(generated.keyPairId(),
        CloudFrontKeyPair.generate().publicKey());
    assertThat(other.acceptsUrl(fromPemText.url(), START)).isFalse();
    assertThat(other.acceptsUrl(fromKeyObject.url(), START)).isFalse();

    CloudFrontSettings settings = CloudFrontSettings.builder().domain(DOMAIN)
        .keyPairPem("KECKEY", ecPem).build();
    assertThat(settings.toString()).doesNotContain(ecPem.lines().skip(1).findFirst()
        .orElseThrow());
  }

  /** Returns a one-hour link to a page, signed with the key pair {@code keys} adds. */
  private static SignedLink signed(Consumer<CloudFrontSettings.Builder> keys) {
    try (Stockroom stockroom = Stockroom.builder().bucket("shop-assets")
        .region(software.amazon.awssdk.regions.Region.EU_WEST_1)
        .clock(new MutableClock(START)).cloudFront(cf -> keys.accept(cf.domain(DOMAIN)))
        .build()) {
      return stockroom.links().url("media/pages/a.html", Duration.ofHours(1));
    }
  }

  @Test
  void malformedPem_failsNamingTheSource_withoutEchoingTheKey() throws Exception {
    String body = Files.readAllLines(key("rsa-pkcs8.pem")).get(1);
    Path broken = Files.writeString(dir.resolve("broken.pem"),
        "-----BEGIN PRIVATE KEY-----\n" + body + "\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair(KEY_ID, broken))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("privateKey from '" + broken + "' could not be read as a PEM "
            + "'PRIVATE KEY' block: the key inside is malformed or cut short")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(body.substring(0, 20)));

    Path notPem = Files.writeString(dir.resolve("key.txt"), "hello " + body);
    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair(KEY_ID, notPem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("privateKey from '" + notPem + "' is not a PEM private key: expected a "
            + "'-----BEGIN PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----' or "
            + "'-----BEGIN EC PRIVATE KEY-----' block");

    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair(KEY_ID,
        key("rsa-encrypted.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("is encrypted; decrypt it first (openssl pkcs8 -topk8 -nocrypt)");

    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair(KEY_ID, key("rsa-public.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("is a PEM 'PUBLIC KEY' block, not a private key");

    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPairPem(KEY_ID, "garbage"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("privateKey from the PEM text of key pair " + KEY_ID
            + " is not a PEM private key");

    Path missing = dir.resolve("missing.pem");
    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair(KEY_ID, missing))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("privateKey file does not exist: '" + missing + "'");
  }

  @Test
  void settings_areChecked() {
    assertThatThrownBy(() -> CloudFrontSettings.builder().domain("https://cdn.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("domain must be a lowercase host name such as d111111abcdef8.cloudfront.net, "
            + "but was 'https://cdn.example.com'");
    assertThatThrownBy(() -> CloudFrontSettings.builder().domain(DOMAIN).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("cloudFront needs at least one key pair");
    assertThatThrownBy(() -> CloudFrontSettings.builder().domain(DOMAIN)
        .keyPair(KEY_ID, key("rsa-pkcs8.pem")).activeKeyPairId("KOTHER").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("activeKeyPairId must be one of [" + KEY_ID + "], but was KOTHER");
    assertThatThrownBy(() -> CloudFrontSettings.builder().linkWindow(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("linkWindow must be between PT1S and PT24H, but was PT0S");
    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair("bad id", key("rsa-pkcs8.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyPairId must be uppercase letters and digits, but was 'bad id'");
  }

  @Test
  void sixteenThreads_tenThousandRequestsEach_withoutError() throws Exception {
    MutableClock clock = new MutableClock(START);
    CloudFrontVerifier verifier = new CloudFrontVerifier().trust(KEY_ID, key("rsa-public.pem"));
    try (Stockroom stockroom = LinksTest.stockroom(clock, cf -> { }).build()) {
      ExecutorService threads = Executors.newFixedThreadPool(16);
      List<Callable<String>> work = new ArrayList<>();
      for (int t = 0; t < 16; t++) {
        int thread = t;
        work.add(() -> {
          String last = null;
          for (int i = 0; i < 10_000; i++) {
            last = stockroom.links().url("media/product-images/sku-" + (i % 200) + "/front.jpg",
                Duration.ofHours(1)).url();
            if (i % 1000 == thread) {
              stockroom.links().cookies("media/product-images/sku-" + thread + "/*",
                  Duration.ofHours(1));
            }
          }
          return last;
        });
      }
      List<Future<String>> results = threads.invokeAll(work);
      threads.shutdown();
      assertThat(threads.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
      for (Future<String> result : results) {
        assertThat(verifier.acceptsUrl(result.get(), START, "198.51.100.7")).isTrue();
      }
      assertThat(results.stream().map(f -> {
        try {
          return f.get();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }).distinct()).hasSize(1);
    }
  }

  @Test
  void invalidations_areBatchedIntoOneRequest() throws Exception {
    try (CloudFrontStandIn cloudFront = new CloudFrontStandIn();
        CloudFrontClient client = cloudFront.client();
        // a delay no test outlasts: the batch goes when flushed
        Stockroom stockroom = LinksTest.stockroom(new MutableClock(START), cf -> cf
            .distributionId("EDFDVBD6EXAMPLE").invalidationDelay(Duration.ofMinutes(10))
            .cloudFrontClient(client)).build()) {
      var first = stockroom.invalidations().invalidate(List.of("media/product-images/sku 1/front.jpg"));
      var second = stockroom.invalidations().invalidate(List.of("media/product-images/sku-2/a.jpg",
          "media/pages/index.html"));
      assertThat(cloudFront.received()).isEmpty();

      stockroom.invalidations().flush();

      assertThat(first.join().id()).isEqualTo("I1");
      assertThat(second.join().id()).isEqualTo("I1");
      assertThat(second.join().keysInWildcards()).isZero();
      assertThat(cloudFront.received()).singleElement().satisfies(request -> {
        assertThat(request.distributionId()).isEqualTo("EDFDVBD6EXAMPLE");
        assertThat(request.paths()).containsExactly("/media/product-images/sku%201/front.jpg",
            "/media/product-images/sku-2/a.jpg", "/media/pages/index.html");
      });

      var third = stockroom.invalidations().invalidate(List.of("media/pages/about.html"));
      stockroom.invalidations().flush();
      assertThat(third.join().id()).isEqualTo("I2");
      assertThat(cloudFront.received()).hasSize(2);
    }
  }

  @Test
  void aRefusedInvalidation_failsEveryCallersFuture_namingTheDistributionBucketAndError()
      throws Exception {
    try (CloudFrontStandIn cloudFront = new CloudFrontStandIn()
            .refuseInvalidations(400, "TooManyInvalidationsInProgress");
        CloudFrontClient client = cloudFront.client();
        Stockroom stockroom = LinksTest.stockroom(new MutableClock(START), cf -> cf
            .distributionId("EDFDVBD6EXAMPLE").invalidationDelay(Duration.ofMinutes(10))
            .cloudFrontClient(client)).build()) {
      var first = stockroom.invalidations().invalidate(List.of("media/pages/a.html"));
      var second = stockroom.invalidations().invalidate(List.of("media/pages/b.html"));

      stockroom.invalidations().flush();

      for (var future : List.of(first, second)) {
        assertThatThrownBy(future::join).cause()
            .isInstanceOf(dev.stockroom.exception.InvalidationException.class)
            .hasMessageStartingWith("CreateInvalidation for 2 path(s) of distribution "
                + "'EDFDVBD6EXAMPLE' (serving bucket 'shop-assets') failed with "
                + "TooManyInvalidationsInProgress (HTTP 400): ");
      }
      assertThat(cloudFront.received()).hasSize(1);

      cloudFront.refuseInvalidations(0, null);
      var later = stockroom.invalidations().invalidate(List.of("media/pages/a.html"));
      stockroom.invalidations().flush();
      assertThat(later.join().id()).isEqualTo("I1");
    }
  }

  @Test
  void manyPathsUnderOneDirectory_goAsOneWildcard() throws Exception {
    List<String> first = pages(0, 2_000);
    List<String> second = pages(2_000, 3_001);
    try (CloudFrontStandIn cloudFront = new CloudFrontStandIn();
        CloudFrontClient client = cloudFront.client();
        Stockroom stockroom = LinksTest.stockroom(new MutableClock(START), cf -> cf
            .distributionId("EDFDVBD6EXAMPLE").invalidationDelay(Duration.ofMinutes(10))
            .cloudFrontClient(client)).build()) {
      var firstReceipt = stockroom.invalidations().invalidate(first);
      var secondReceipt = stockroom.invalidations().invalidate(
          java.util.stream.Stream.concat(second.stream(), Stream.of("media/product-images/a.jpg"))
              .toList());

      stockroom.invalidations().flush();

      // 3,001 pages in one directory: one wildcard; the lone image: itself
      assertThat(cloudFront.received()).singleElement().satisfies(request -> assertThat(
          request.paths()).containsExactly("/media/pages/*", "/media/product-images/a.jpg"));
      assertThat(firstReceipt.join().keysInWildcards()).isEqualTo(2_000);
      assertThat(secondReceipt.join().keysInWildcards()).isEqualTo(1_001);
      assertThat(secondReceipt.join().paths()).containsExactly("/media/pages/*",
          "/media/product-images/a.jpg");
    }
  }

  @Test
  void whatDoesNotFitBesideTheInvalidationsInProgress_isRefused_notSent() throws Exception {
    List<String> inProgress = new ArrayList<>();
    for (int i = 0; i < 2_995; i++) {
      inProgress.add("/media/pages/old-" + i + ".html");
    }
    for (int i = 0; i < 14; i++) {
      inProgress.add("/media/product-videos/v" + i + "/*");
    }
    List<String> wide = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      wide.add("media/product-images/sku-1/" + i + ".jpg");
    }
    List<String> narrow = List.of("media/product-images/sku-2/a.jpg",
        "media/product-images/sku-2/b.jpg", "media/product-images/sku-3/a.jpg");
    try (CloudFrontStandIn cloudFront = new CloudFrontStandIn()
            .inProgress("EDFDVBD6EXAMPLE", inProgress);
        CloudFrontClient client = cloudFront.client();
        Stockroom stockroom = LinksTest.stockroom(new MutableClock(START), cf -> cf
            .distributionId("EDFDVBD6EXAMPLE").invalidationDelay(Duration.ofMinutes(10))
            .cloudFrontClient(client)).build()) {
      var wideReceipt = stockroom.invalidations().invalidate(wide);
      var narrowReceipt = stockroom.invalidations().invalidate(narrow);
      var lone = stockroom.invalidations().invalidate(List.of("media/pages/new.html"));

      stockroom.invalidations().flush();

      // the last wildcard goes to sku-1; 5 exact paths are left: sku-2's two and the page fit,
      // sku-3's fits too; nothing is over
      assertThat(cloudFront.received()).singleElement().satisfies(request -> assertThat(
          request.paths()).containsExactlyInAnyOrder("/media/product-images/sku-1/*",
          "/media/product-images/sku-2/a.jpg", "/media/product-images/sku-2/b.jpg",
          "/media/product-images/sku-3/a.jpg", "/media/pages/new.html"));
      assertThat(wideReceipt.join().keysInWildcards()).isEqualTo(10);
      assertThat(narrowReceipt.join().keysInWildcards()).isZero();
      assertThat(lone.join().id()).isEqualTo(wideReceipt.join().id());

      List<String> tooMany = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        tooMany.add("media/pages/more-" + i + "/index.html");
      }
      var refused = stockroom.invalidations().invalidate(tooMany);
      stockroom.invalidations().flush();
      // one exact path is left, and no wildcard: one directory goes, five are refused, none sent
      // in part
      assertThatThrownBy(refused::join).hasCauseInstanceOf(InvalidationException.class)
          .cause().hasMessageStartingWith("5 path(s) did not fit in what CloudFront takes now "
              + "for distribution 'EDFDVBD6EXAMPLE' (serving bucket 'shop-assets'): 2999 paths "
              + "and 15 wildcard paths were in progress, of 3000 and 15");
      assertThat(cloudFront.received()).hasSize(2);
      assertThat(cloudFront.received().get(1).paths()).hasSize(1);
    }
  }

  @Test
  void passingTheFreePathsOfAMonth_isSaidOnce() throws Exception {
    try (LogCapture logs = new LogCapture();
        CloudFrontStandIn cloudFront = new CloudFrontStandIn();
        CloudFrontClient client = cloudFront.client();
        Stockroom stockroom = LinksTest.stockroom(new MutableClock(START), cf -> cf
            .distributionId("EDFDVBD6EXAMPLE").invalidationDelay(Duration.ofMinutes(10))
            .cloudFrontClient(client)).build()) {
      for (int round = 0; round < 3; round++) {
        List<String> pages = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
          pages.add("media/pages/r" + round + "/p" + i + "/index.html");
        }
        stockroom.invalidations().invalidate(pages);
        stockroom.invalidations().flush();
        cloudFront.completeInvalidations();
      }
      assertThat(logs.messages(Level.WARN)).filteredOn(m -> m.contains("free paths"))
          .singleElement().asString().startsWith("1200 invalidation paths sent for distribution "
              + "EDFDVBD6EXAMPLE in 2026-11: past CloudFront's 1000 free paths a month");
    }
  }

  private static List<String> pages(int from, int to) {
    return java.util.stream.IntStream.range(from, to).mapToObj(i -> "media/pages/" + i + ".html")
        .toList();
  }

  @Test
  void pendingInvalidations_areSentAtClose() throws Exception {
    try (CloudFrontStandIn cloudFront = new CloudFrontStandIn();
        CloudFrontClient client = cloudFront.client()) {
      Stockroom stockroom = LinksTest.stockroom(new MutableClock(START), cf -> cf
          .distributionId("EDFDVBD6EXAMPLE").invalidationDelay(Duration.ofMinutes(5))
          .cloudFrontClient(client)).build();
      var pending = stockroom.invalidations().invalidate(List.of("media/pages/a.html"));
      stockroom.close();
      assertThat(pending.get(10, TimeUnit.SECONDS).id()).isEqualTo("I1");
      assertThat(cloudFront.received()).hasSize(1);
    }
  }

  @Test
  void invalidate_withoutDistributionId_isAStateError() {
    try (Stockroom stockroom = LinksTest.stockroom(new MutableClock(START), cf -> { }).build()) {
      assertThatThrownBy(stockroom::invalidations)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("invalidations need the CloudFront distribution id: set distributionId in "
              + "the cloudFront(...) settings");
    }
  }

  @Test
  void nothingSecret_isEverLogged() throws Exception {
    List<String> secrets = new ArrayList<>();
    Files.readAllLines(key("rsa-pkcs8.pem")).stream().filter(l -> !l.startsWith("-----"))
        .forEach(secrets::add);
    try (LogCapture logs = new LogCapture("ROOT");
        CloudFrontStandIn cloudFront = new CloudFrontStandIn();
        CloudFrontClient client = cloudFront.client();
        Stockroom stockroom = LinksTest.stockroom(new MutableClock(START), cf -> cf
            .distributionId("EDFDVBD6EXAMPLE").invalidationDelay(Duration.ZERO)
            .cloudFrontClient(client)).build()) {
      SignedLink link = stockroom.links().url("media/pages/a.html", Duration.ofHours(1));
      SignedCookies cookies = stockroom.links().cookies("media/pages/*", Duration.ofHours(1));
      stockroom.invalidations().invalidate(List.of("media/pages/a.html")).get(10, TimeUnit.SECONDS);
      assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair(KEY_ID,
          key("rsa-encrypted.pem")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("privateKey from '" + key("rsa-encrypted.pem") + "' is encrypted; decrypt "
              + "it first (openssl pkcs8 -topk8 -nocrypt)");
      secrets.add(link.url().substring(link.url().indexOf("Signature=") + 10,
          link.url().indexOf("&Key-Pair-Id")));
      secrets.add(cookies.signature());
      secrets.add(cookies.policy());

      String logged = String.join("\n", logs.lines()) + stockroom + stockroom.links() + link
          + cookies;
      assertThat(logs.lines()).contains("DEBUG Invalidating 1 path(s) in distribution "
          + "EDFDVBD6EXAMPLE");
      for (String secret : secrets) {
        assertThat(logged).doesNotContain(secret);
      }
    }
  }
}
