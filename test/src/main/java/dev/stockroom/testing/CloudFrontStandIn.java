package dev.stockroom.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;

/**
 * A loopback stand-in for CloudFront's CreateInvalidation (REST-XML), so the real
 * {@link CloudFrontClient} can be tested without an AWS account. Records each request's paths.
 */
public final class CloudFrontStandIn implements AutoCloseable {

  /** One CreateInvalidation received. */
  public record Received(String distributionId, List<String> paths) {}

  private static final Pattern PATH = Pattern.compile("<Path>([^<]*)</Path>");
  private static final Pattern DISTRIBUTION = Pattern.compile("/distribution/([^/]+)/invalidation");

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();

  /**
   * Starts the stand-in on a free loopback port.
   *
   * @throws IOException if it cannot listen there
   */
  public CloudFrontStandIn() throws IOException {
    server = Loopback.serve(this::handle);
  }

  /** Returns every CreateInvalidation received so far, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Returns a new real CloudFront client pointed at this stand-in; the caller closes it. */
  public CloudFrontClient client() {
    return CloudFrontClient.builder().region(Region.AWS_GLOBAL)
        .credentialsProvider(SharedS3Mock.CREDENTIALS)
        .endpointOverride(Loopback.uri(server)).build();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Matcher distribution = DISTRIBUTION.matcher(exchange.getRequestURI().getPath());
    if (!"POST".equals(exchange.getRequestMethod()) || !distribution.find()) {
      Loopback.reply(exchange, 404, "text/xml",
          "<ErrorResponse><Error><Code>NoSuchResource</Code></Error>"
          + "</ErrorResponse>");
      return;
    }
    List<String> paths = new ArrayList<>();
    Matcher path = PATH.matcher(body);
    while (path.find()) {
      paths.add(path.group(1));
    }
    received.add(new Received(distribution.group(1), paths));
    String id = "I" + ids.incrementAndGet();
    exchange.getResponseHeaders().set("Location", "https://cloudfront.amazonaws.com/2020-05-31/"
        + "distribution/" + distribution.group(1) + "/invalidation/" + id);
    Loopback.reply(exchange, 201, "text/xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Invalidation xmlns=\""
        + "http://cloudfront.amazonaws.com/doc/2020-05-31/\"><Id>" + id + "</Id><Status>InProgress"
        + "</Status><CreateTime>2026-11-22T03:00:00Z</CreateTime><InvalidationBatch>"
        + body.replaceAll("(?s).*<InvalidationBatch[^>]*>(.*)</InvalidationBatch>.*", "$1")
        + "</InvalidationBatch></Invalidation>");
  }

  /** Stops the stand-in. */
  @Override
  public void close() {
    server.stop(0);
  }
}
