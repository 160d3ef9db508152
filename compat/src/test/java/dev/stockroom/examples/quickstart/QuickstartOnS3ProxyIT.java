package dev.stockroom.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.stockroom.compat.InProcessS3Proxy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * The README's quickstart pointed at another store, as a user would with {@code
 * STOCKROOM_ENDPOINT}: on S3Proxy it runs through, skipping what S3Proxy lacks with one line each;
 * on a store that refuses every upload, or none at all, it stops with one line.
 */
class QuickstartOnS3ProxyIT {

  @RegisterExtension
  static final InProcessS3Proxy s3proxy = new InProcessS3Proxy();

  private final Map<String, String> saved = new HashMap<>();

  @AfterEach
  void restoreSystemProperties() {
    saved.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
  }

  @Test
  void onS3Proxy_itRunsThrough_skippingWhatTheStoreLacks_withOneLineEach() {
    Run run = quickstart(s3proxy.endpoint().toString(), "quickstart-run");

    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("Lifecycle skipped: the store does not implement bucket "
        + "lifecycle rules (GetBucketLifecycleConfiguration answered NotImplemented (HTTP 501)); "
        + "on S3 they move and expire each kind as the table shows\n");
    assertThat(run.out()).contains("(the store does not take server-side encryption headers: "
        + "it answered NotImplemented (HTTP 501); uploads go on without them, as with "
        + "uploadHeaders(h -> h.serverSideEncryption(false)))\n");
    assertThat(run.out())
        .containsPattern("media/product-images/sku-1001/front.jpg +STANDARD +- +"
            + "public, max-age=31536000, immutable +image/jpeg")
        .contains("(order skipped: transactional data is stored only with SSE-KMS; set "
            + "STOCKROOM_KMS_KEY_ID)")
        .containsPattern("logs/audit/2026/11/22/admin.log +GLACIER +- +private, no-store "
            + "+text/plain")
        .contains("(no Object Lock on this bucket: the audit log has no retention)");
    assertThat(run.out().split("signature valid: true", -1)).hasSize(3);
    assertThat(run.out()).contains("PolicyViolationException: links are refused for ORDER objects");
    assertThat(run.out()).doesNotContain("Stopped:").doesNotContain("Exception:\n")
        .doesNotContain("\tat ");
    assertThat(s3proxy.client().headObject(h -> h.bucket("quickstart-run")
        .key("media/product-images/sku-1001/front.jpg")).cacheControl())
        .isEqualTo("public, max-age=31536000, immutable");
  }

  @Test
  void onAStoreRefusingEveryUpload_itStops_withOneLineNamingTheRefusal() throws IOException {
    HttpServer store = refusingUploads();
    try {
      Run run = quickstart("http://127.0.0.1:" + store.getAddress().getPort(), "refusing");

      assertThat(run.status()).isEqualTo(1);
      assertThat(run.lastLine()).startsWith("Stopped: Upload on "
          + "'media/product-images/sku-1001/front.jpg' in bucket 'refusing' failed with "
          + "NotImplemented (HTTP 501): Uploads are not implemented here").endsWith(
          "turn it off: uploadHeaders(h -> h.serverSideEncryption(false)), .checksums(false), "
              + ".objectLockRetention(false) or .kindTag(false)");
      assertThat(run.out()).contains("Lifecycle skipped: ").doesNotContain("\tat ")
          .doesNotContain("== Signed link");
    } finally {
      store.stop(0);
    }
  }

  @Test
  void onAnEndpointNobodyAnswers_itStops_withOneLine() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    Run run = quickstart("http://127.0.0.1:" + closedPort, "nobody");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out().lines()).hasSize(2).first().asString()
        .isEqualTo("S3 endpoint: http://127.0.0.1:" + closedPort);
    assertThat(run.lastLine()).startsWith("Stopped: the store at http://127.0.0.1:" + closedPort
        + " could not be reached: Unable to execute HTTP request: ");
  }

  private record Run(int status, String out) {
    String lastLine() {
      return out.lines().reduce((first, second) -> second).orElse("");
    }
  }

  /** Runs the quickstart as {@code STOCKROOM_ENDPOINT=... STOCKROOM_BUCKET=...} would. */
  private Run quickstart(String endpoint, String bucket) {
    AwsCredentials credentials = InProcessS3Proxy.credentials().resolveCredentials();
    set("stockroom.endpoint", endpoint);
    set("stockroom.bucket", bucket);
    set("aws.region", "us-east-1");
    set("aws.accessKeyId", credentials.accessKeyId());
    set("aws.secretAccessKey", credentials.secretAccessKey());
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int status = new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    return new Run(status, bytes.toString(StandardCharsets.UTF_8));
  }

  private void set(String name, String value) {
    saved.putIfAbsent(name, System.getProperty(name));
    System.setProperty(name, value);
  }

  /**
   * A loopback store that has buckets but refuses every upload and every bucket sub-resource
   * with 501 NotImplemented, after reading the request.
   */
  private static HttpServer refusingUploads() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", exchange -> {
      try (exchange; InputStream body = exchange.getRequestBody()) {
        body.transferTo(OutputStreamSink.INSTANCE);
        String path = exchange.getRequestURI().getPath();
        boolean bucketOnly = path.chars().filter(c -> c == '/').count() == 1
            && exchange.getRequestURI().getRawQuery() == null;
        if (bucketOnly && ("HEAD".equals(exchange.getRequestMethod())
            || "PUT".equals(exchange.getRequestMethod()))) {
          exchange.sendResponseHeaders(200, -1);
        } else {
          notImplemented(exchange);
        }
      }
    });
    server.start();
    return server;
  }

  private static void notImplemented(HttpExchange exchange) throws IOException {
    byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NotImplemented</Code>"
        + "<Message>Uploads are not implemented here</Message></Error>")
        .getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/xml");
    if ("HEAD".equals(exchange.getRequestMethod())) {
      exchange.sendResponseHeaders(501, -1);
      return;
    }
    exchange.sendResponseHeaders(501, xml.length);
    exchange.getResponseBody().write(xml);
  }

  /** Discards what it is given. */
  private static final class OutputStreamSink extends java.io.OutputStream {
    static final OutputStreamSink INSTANCE = new OutputStreamSink();

    @Override
    public void write(int b) {}

    @Override
    public void write(byte[] b, int off, int len) {}
  }
}
