package dev.stockroom.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * A loopback stand-in for the CloudFront API calls Stockroom makes (REST-XML), so the real
 * {@link CloudFrontClient} can be tested without an AWS account: CreateInvalidation (each request's
 * paths recorded), ListInvalidations and GetInvalidation (the invalidations this stand-in holds,
 * in progress until {@link #completeInvalidations()}), and GetDistributionConfig, GetKeyGroup and
 * GetPublicKey for the distributions, key groups and public keys a test registers.
 */
public final class CloudFrontStandIn implements AutoCloseable {

  /** One CreateInvalidation received. */
  public record Received(String distributionId, List<String> paths) {}

  private static final String NS = "http://cloudfront.amazonaws.com/doc/2020-05-31/";
  private static final Pattern PATH = Pattern.compile("<Path>([^<]*)</Path>");
  private static final Pattern INVALIDATIONS =
      Pattern.compile("/2020-05-31/distribution/([^/]+)/invalidation(?:/([^/]+))?");
  private static final Pattern CONFIG = Pattern.compile("/2020-05-31/distribution/([^/]+)/config");
  private static final Pattern KEY_GROUP = Pattern.compile("/2020-05-31/key-group/([^/]+)");
  private static final Pattern PUBLIC_KEY = Pattern.compile("/2020-05-31/public-key/([^/]+)");

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  /** Invalidations by id: distribution, paths, whether complete. */
  private final Map<String, Invalidation> invalidations = new ConcurrentHashMap<>();
  private final Map<String, List<String>> distributions = new ConcurrentHashMap<>();
  private final Map<String, List<String>> keyGroups = new ConcurrentHashMap<>();
  private final Map<String, String> publicKeys = new ConcurrentHashMap<>();
  private final AtomicInteger apiCalls = new AtomicInteger();

  private record Invalidation(String distributionId, List<String> paths, boolean complete) {}

  /**
   * Starts the stand-in on a free loopback port.
   *
   * @throws IOException if it cannot listen there
   */
  public CloudFrontStandIn() throws IOException {
    server = Loopback.serve(this::handle);
  }

  /**
   * Answers every CreateInvalidation from now on with {@code status} and CloudFront's error
   * {@code code} (for example 400 and {@code TooManyInvalidationsInProgress}), or answers normally
   * again when {@code code} is null. The refused requests are still recorded.
   */
  public CloudFrontStandIn refuseInvalidations(int status, String code) {
    refusal = code == null ? null : new Refusal(status, code);
    return this;
  }

  private record Refusal(int status, String code) {}

  private volatile Refusal refusal;

  /** Returns every CreateInvalidation received so far, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Registers distribution {@code id}, its default cache behavior trusting {@code keyGroups}. */
  public CloudFrontStandIn distribution(String id, String... keyGroupIds) {
    distributions.put(id, List.of(keyGroupIds));
    return this;
  }

  /** Registers key group {@code id} holding {@code publicKeyIds}. */
  public CloudFrontStandIn keyGroup(String id, String... publicKeyIds) {
    keyGroups.put(id, List.of(publicKeyIds));
    return this;
  }

  /** Registers public key {@code id} with its PEM text ({@code BEGIN PUBLIC KEY}). */
  public CloudFrontStandIn publicKey(String id, String pem) {
    publicKeys.put(id, pem);
    return this;
  }

  /** Adds an invalidation of {@code paths} in progress that Stockroom did not send. */
  public CloudFrontStandIn inProgress(String distributionId, List<String> paths) {
    invalidations.put("X" + ids.incrementAndGet(), new Invalidation(distributionId,
        List.copyOf(paths), false));
    return this;
  }

  /** Completes every invalidation in progress. */
  public void completeInvalidations() {
    invalidations.replaceAll((id, i) -> new Invalidation(i.distributionId(), i.paths(), true));
  }

  /** Returns how many key-check calls (config, key group, public key) were answered. */
  public int keyCheckCalls() {
    return apiCalls.get();
  }

  /** Returns a new real CloudFront client pointed at this stand-in; the caller closes it. */
  public CloudFrontClient client() {
    return CloudFrontClient.builder().region(Region.AWS_GLOBAL)
        .credentialsProvider(SharedS3Mock.CREDENTIALS)
        .endpointOverride(Loopback.uri(server)).build();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = exchange.getRequestURI().getPath();
    String method = exchange.getRequestMethod();
    Matcher invalidation = INVALIDATIONS.matcher(path);
    Matcher config = CONFIG.matcher(path);
    Matcher keyGroup = KEY_GROUP.matcher(path);
    Matcher publicKey = PUBLIC_KEY.matcher(path);
    if (method.equals("POST") && invalidation.matches() && invalidation.group(2) == null) {
      create(exchange, invalidation.group(1), body);
    } else if (method.equals("GET") && invalidation.matches()) {
      if (invalidation.group(2) == null) {
        list(exchange, invalidation.group(1));
      } else {
        get(exchange, invalidation.group(1), invalidation.group(2));
      }
    } else if (method.equals("GET") && config.matches()
        && distributions.containsKey(config.group(1))) {
      apiCalls.incrementAndGet();
      exchange.getResponseHeaders().set("ETag", "E1");
      reply(exchange, 200, distributionConfig(distributions.get(config.group(1))));
    } else if (method.equals("GET") && keyGroup.matches()
        && keyGroups.containsKey(keyGroup.group(1))) {
      apiCalls.incrementAndGet();
      StringBuilder items = new StringBuilder();
      keyGroups.get(keyGroup.group(1)).forEach(id -> items.append("<PublicKey>").append(id)
          .append("</PublicKey>"));
      reply(exchange, 200, "<KeyGroup xmlns=\"" + NS + "\"><Id>" + keyGroup.group(1) + "</Id>"
          + "<LastModifiedTime>2026-11-22T03:00:00Z</LastModifiedTime><KeyGroupConfig><Name>g"
          + "</Name><Items>" + items + "</Items></KeyGroupConfig></KeyGroup>");
    } else if (method.equals("GET") && publicKey.matches()
        && publicKeys.containsKey(publicKey.group(1))) {
      apiCalls.incrementAndGet();
      reply(exchange, 200, "<PublicKey xmlns=\"" + NS + "\"><Id>" + publicKey.group(1) + "</Id>"
          + "<CreatedTime>2026-11-22T03:00:00Z</CreatedTime><PublicKeyConfig><CallerReference>c"
          + "</CallerReference><Name>k</Name><EncodedKey>" + publicKeys.get(publicKey.group(1))
          + "</EncodedKey></PublicKeyConfig></PublicKey>");
    } else {
      reply(exchange, 404, "<ErrorResponse><Error><Code>NoSuchResource</Code></Error>"
          + "</ErrorResponse>");
    }
  }

  private void create(HttpExchange exchange, String distributionId, String body)
      throws IOException {
    List<String> paths = new ArrayList<>();
    Matcher path = PATH.matcher(body);
    while (path.find()) {
      paths.add(path.group(1));
    }
    received.add(new Received(distributionId, paths));
    Refusal refused = refusal;
    if (refused != null) {
      reply(exchange, refused.status(), "<ErrorResponse xmlns=\"" + NS + "\"><Error><Type>Sender"
          + "</Type><Code>" + refused.code() + "</Code><Message>refused by the stand-in</Message>"
          + "</Error><RequestId>r-1</RequestId></ErrorResponse>");
      return;
    }
    String id = "I" + ids.incrementAndGet();
    invalidations.put(id, new Invalidation(distributionId, List.copyOf(paths), false));
    exchange.getResponseHeaders().set("Location", "https://cloudfront.amazonaws.com/2020-05-31/"
        + "distribution/" + distributionId + "/invalidation/" + id);
    reply(exchange, 201, "<Invalidation xmlns=\"" + NS + "\"><Id>" + id + "</Id><Status>"
        + "InProgress</Status><CreateTime>2026-11-22T03:00:00Z</CreateTime><InvalidationBatch>"
        + body.replaceAll("(?s).*<InvalidationBatch[^>]*>(.*)</InvalidationBatch>.*", "$1")
        + "</InvalidationBatch></Invalidation>");
  }

  private void list(HttpExchange exchange, String distributionId) throws IOException {
    Map<String, Invalidation> mine = new LinkedHashMap<>();
    invalidations.forEach((id, i) -> {
      if (i.distributionId().equals(distributionId)) {
        mine.put(id, i);
      }
    });
    StringBuilder items = new StringBuilder();
    mine.forEach((id, i) -> items.append("<InvalidationSummary><Id>").append(id)
        .append("</Id><CreateTime>2026-11-22T03:00:00Z</CreateTime><Status>")
        .append(i.complete() ? "Completed" : "InProgress").append("</Status>")
        .append("</InvalidationSummary>"));
    reply(exchange, 200, "<InvalidationList xmlns=\"" + NS + "\"><Marker></Marker><MaxItems>100"
        + "</MaxItems><IsTruncated>false</IsTruncated><Quantity>" + mine.size() + "</Quantity>"
        + "<Items>" + items + "</Items></InvalidationList>");
  }

  private void get(HttpExchange exchange, String distributionId, String id) throws IOException {
    Invalidation invalidation = invalidations.get(id);
    if (invalidation == null || !invalidation.distributionId().equals(distributionId)) {
      reply(exchange, 404, "<ErrorResponse><Error><Code>NoSuchInvalidation</Code></Error>"
          + "</ErrorResponse>");
      return;
    }
    StringBuilder paths = new StringBuilder();
    invalidation.paths().forEach(p -> paths.append("<Path>").append(p).append("</Path>"));
    reply(exchange, 200, "<Invalidation xmlns=\"" + NS + "\"><Id>" + id + "</Id><Status>"
        + (invalidation.complete() ? "Completed" : "InProgress") + "</Status><CreateTime>"
        + "2026-11-22T03:00:00Z</CreateTime><InvalidationBatch><Paths><Quantity>"
        + invalidation.paths().size() + "</Quantity><Items>" + paths + "</Items></Paths>"
        + "<CallerReference>r</CallerReference></InvalidationBatch></Invalidation>");
  }

  private static String distributionConfig(List<String> keyGroupIds) {
    StringBuilder items = new StringBuilder();
    keyGroupIds.forEach(id -> items.append("<KeyGroup>").append(id).append("</KeyGroup>"));
    return "<DistributionConfig xmlns=\"" + NS + "\"><CallerReference>r</CallerReference>"
        + "<Comment></Comment><Enabled>true</Enabled><Origins><Quantity>0</Quantity></Origins>"
        + "<DefaultCacheBehavior><TargetOriginId>o</TargetOriginId><TrustedKeyGroups><Enabled>"
        + !keyGroupIds.isEmpty() + "</Enabled><Quantity>" + keyGroupIds.size() + "</Quantity>"
        + "<Items>" + items + "</Items></TrustedKeyGroups><ViewerProtocolPolicy>https-only"
        + "</ViewerProtocolPolicy></DefaultCacheBehavior><CacheBehaviors><Quantity>0</Quantity>"
        + "</CacheBehaviors></DistributionConfig>";
  }

  private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
    Loopback.reply(exchange, status, "text/xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);
  }

  /** Stops the stand-in. */
  @Override
  public void close() {
    server.stop(0);
  }
}
