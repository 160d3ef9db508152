package dev.stockroom.examples.benchmarks;

import dev.stockroom.Stockroom;
import dev.stockroom.links.SignedCookies;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontUtilities;

/**
 * CloudFront signed links: Stockroom against the SDK's CloudFrontUtilities, same RSA-2048 key,
 * same resources. "cold" signs a resource never seen before; "page" is a listing page of 48
 * product images requested again and again.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LinkBenchmark {

  static final String DOMAIN = "d111111abcdef8.cloudfront.net";
  static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";
  static final int PAGE = 48;

  private Stockroom stockroom;
  private CloudFrontUtilities utilities;
  private PrivateKey key;
  private String[] pageKeys;
  private String[] pageUrls;
  private long counter;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    key = generator.generateKeyPair().getPrivate();
    stockroom = Stockroom.builder().bucket("bench-assets").region(Region.US_EAST_1)
        .cloudFront(cf -> cf.domain(DOMAIN).keyPair(KEY_PAIR_ID, key)).build();
    utilities = CloudFrontUtilities.create();
    pageKeys = new String[PAGE];
    pageUrls = new String[PAGE];
    for (int i = 0; i < PAGE; i++) {
      pageKeys[i] = "media/product-images/sku-" + (1000 + i) + "/front.jpg";
      pageUrls[i] = "https://" + DOMAIN + "/" + pageKeys[i];
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    stockroom.close();
  }

  @Benchmark
  public String coldUrl_stockroom() {
    return stockroom.links().url("media/product-images/cold/" + counter++ + ".jpg",
        Duration.ofHours(1)).url();
  }

  @Benchmark
  public String coldUrl_cloudFrontUtilities() {
    String resource = "https://" + DOMAIN + "/media/product-images/cold/" + counter++ + ".jpg";
    return utilities.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(resource).privateKey(key)
        .keyPairId(KEY_PAIR_ID).expirationDate(Instant.now().plus(Duration.ofHours(1)))).url();
  }

  @Benchmark
  public void warmPage_stockroom(Blackhole page) {
    for (String imageKey : pageKeys) {
      page.consume(stockroom.links().url(imageKey, Duration.ofHours(1)).url());
    }
  }

  @Benchmark
  public void page_cloudFrontUtilities(Blackhole page) {
    Instant expires = Instant.now().plus(Duration.ofHours(1));
    for (String url : pageUrls) {
      page.consume(utilities.getSignedUrlWithCannedPolicy(r -> r.resourceUrl(url).privateKey(key)
          .keyPairId(KEY_PAIR_ID).expirationDate(expires)).url());
    }
  }

  @Benchmark
  public SignedCookies pageCookies_stockroom() {
    return stockroom.links().cookies("media/product-images/sku-" + counter++ + "/*",
        Duration.ofHours(1));
  }
}
