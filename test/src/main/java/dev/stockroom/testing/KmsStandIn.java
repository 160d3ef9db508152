package dev.stockroom.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
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
 * spec and usage; anything else answers NotFoundException, as KMS does. An outage can be switched
 * on and off.
 */
public final class KmsStandIn implements AutoCloseable {

  /** A key as KMS describes it. */
  public record Key(String id, String state, String spec, String usage) {}

  private static final String JSON_1_1 = "application/x-amz-json-1.1";
  private static final Pattern KEY_ID = Pattern.compile("\"KeyId\"\\s*:\\s*\"([^\"]*)\"");

  private final HttpServer server;
  private final Map<String, Key> keys = new ConcurrentHashMap<>();
  private final AtomicInteger describeCalls = new AtomicInteger();
  private volatile boolean outage;

  /**
   * Starts the stand-in on a free loopback port, with no key.
   *
   * @throws IOException if it cannot listen there
   */
  public KmsStandIn() throws IOException {
    server = Loopback.serve(this::handle);
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

  /**
   * While {@code down}, answers every DescribeKey (still counted) with HTTP 500
   * KMSInternalException, as KMS does when it cannot serve the request; the SDK retries it.
   */
  public KmsStandIn outage(boolean down) {
    this.outage = down;
    return this;
  }

  /** Returns how many DescribeKey calls arrived. */
  public int describeCalls() {
    return describeCalls.get();
  }

  /** Returns a new real KMS client pointed at this stand-in; the caller closes it. */
  public KmsClient client() {
    return KmsClient.builder().region(Region.US_EAST_1).credentialsProvider(SharedS3Mock.CREDENTIALS)
        .endpointOverride(Loopback.uri(server)).build();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    if (!"TrentService.DescribeKey".equals(target)) {
      Loopback.reply(exchange, 400, JSON_1_1, error("UnsupportedOperationException", 
          "not supported: " + target));
      return;
    }
    describeCalls.incrementAndGet();
    if (outage) {
      Loopback.reply(exchange, 500, JSON_1_1, error("KMSInternalException",
          "The request was rejected because an internal exception occurred."));
      return;
    }
    Matcher id = KEY_ID.matcher(body);
    Key key = id.find() ? keys.get(id.group(1)) : null;
    if (key == null) {
      Loopback.reply(exchange, 400, JSON_1_1, error("NotFoundException",
          "Key '" + (id.hitEnd() ? "" : id.group(1))
          + "' does not exist"));
      return;
    }
    String arn = "arn:aws:kms:us-east-1:123456789012:key/" + key.id();
    Loopback.reply(exchange, 200, JSON_1_1,
        "{\"KeyMetadata\":{\"AWSAccountId\":\"123456789012\",\"KeyId\":\""
        + key.id() + "\",\"Arn\":\"" + arn + "\",\"Enabled\":" + "Enabled".equals(key.state())
        + ",\"KeyState\":\"" + key.state() + "\",\"KeySpec\":\"" + key.spec()
        + "\",\"CustomerMasterKeySpec\":\"" + key.spec() + "\",\"KeyUsage\":\"" + key.usage()
        + "\",\"KeyManager\":\"CUSTOMER\",\"Origin\":\"AWS_KMS\",\"CreationDate\":1.7E9}}");
  }

  private static String error(String type, String message) {
    return "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}";
  }

  /** Stops the stand-in. */
  @Override
  public void close() {
    server.stop(0);
  }
}
