package dev.stockroom.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * A loopback stand-in for AWS KMS that speaks its JSON 1.1 protocol for DescribeKey, so the real
 * {@link KmsClient} can be tested without an AWS account. Keys are registered with their state,
 * spec and usage; anything else answers NotFoundException, as KMS does.
 */
public final class KmsStandIn implements AutoCloseable {

  /** A key as KMS describes it. */
  public record Key(String id, String state, String spec, String usage) {}

  private static final Pattern KEY_ID = Pattern.compile("\"KeyId\"\\s*:\\s*\"([^\"]*)\"");

  private final HttpServer server;
  private final Map<String, Key> keys = new ConcurrentHashMap<>();
  private final AtomicInteger describeCalls = new AtomicInteger();

  public KmsStandIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Registers a key under its id and under {@code aliases}. */
  public KmsStandIn key(Key key, String... aliases) {
    keys.put(key.id(), key);
    for (String alias : aliases) {
      keys.put(alias, key);
    }
    return this;
  }

  /** Returns a usable key: enabled, symmetric, ENCRYPT_DECRYPT. */
  public static Key usable(String id) {
    return new Key(id, "Enabled", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT");
  }

  /** Returns how many DescribeKey calls arrived. */
  public int describeCalls() {
    return describeCalls.get();
  }

  /** Returns a real KMS client pointed at this stand-in. */
  public KmsClient client() {
    return KmsClient.builder().region(Region.US_EAST_1).credentialsProvider(SharedS3Mock.CREDENTIALS)
        .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).build();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!"TrentService.DescribeKey".equals(target)) {
      reply(exchange, 400, error("UnsupportedOperationException", "not supported: " + target));
      return;
    }
    describeCalls.incrementAndGet();
    Matcher id = KEY_ID.matcher(body);
    Key key = id.find() ? keys.get(id.group(1)) : null;
    if (key == null) {
      reply(exchange, 400, error("NotFoundException", "Key '" + (id.hitEnd() ? "" : id.group(1))
          + "' does not exist"));
      return;
    }
    String arn = "arn:aws:kms:us-east-1:123456789012:key/" + key.id();
    reply(exchange, 200, "{\"KeyMetadata\":{\"AWSAccountId\":\"123456789012\",\"KeyId\":\""
        + key.id() + "\",\"Arn\":\"" + arn + "\",\"Enabled\":" + "Enabled".equals(key.state())
        + ",\"KeyState\":\"" + key.state() + "\",\"KeySpec\":\"" + key.spec()
        + "\",\"CustomerMasterKeySpec\":\"" + key.spec() + "\",\"KeyUsage\":\"" + key.usage()
        + "\",\"KeyManager\":\"CUSTOMER\",\"Origin\":\"AWS_KMS\",\"CreationDate\":1.7E9}}");
  }

  private static String error(String type, String message) {
    return "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
  }

  private static void reply(HttpExchange exchange, int status, String json) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
