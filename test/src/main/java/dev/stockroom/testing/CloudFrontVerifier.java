package dev.stockroom.testing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks CloudFront signed URLs and cookies the way CloudFront does, independently of Stockroom's
 * code: decodes CloudFront's URL-safe base64, verifies the signature over the policy with the
 * public key, parses the policy JSON, and checks resource, expiry, start time and source IP.
 */
public final class CloudFrontVerifier {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Map<String, PublicKey> keys = new HashMap<>();

  /** Trusts the public key in {@code pemFile} (SubjectPublicKeyInfo) for {@code keyPairId}. */
  public CloudFrontVerifier trust(String keyPairId, Path pemFile) throws Exception {
    return trustPem(keyPairId, Files.readString(pemFile));
  }

  /** Trusts the public key in {@code pem} (SubjectPublicKeyInfo) for {@code keyPairId}. */
  public CloudFrontVerifier trustPem(String keyPairId, String pem) throws Exception {
    byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    String algorithm = pem.length() < 300 ? "EC" : "RSA";
    keys.put(keyPairId, KeyFactory.getInstance(algorithm).generatePublic(
        new X509EncodedKeySpec(der)));
    return this;
  }

  /**
   * Returns whether CloudFront would serve {@code requestedUrl} (without the signing query)
   * at {@code now} from {@code sourceIp}, given the signed URL.
   */
  public boolean acceptsUrl(String signedUrl, Instant now, String sourceIp) {
    URI uri = URI.create(signedUrl);
    Map<String, String> query = query(uri.getRawQuery());
    String resource = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    String policy = query.containsKey("Policy")
        ? new String(decode(query.get("Policy")), StandardCharsets.UTF_8)
        : "{\"Statement\":[{\"Resource\":\"" + resource
            + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + query.get("Expires")
            + "}}}]}";
    return verified(policy, query.get("Signature"), query.get("Key-Pair-Id"))
        && allows(policy, resource, now, sourceIp);
  }

  /** Returns whether CloudFront would serve {@code requestedUrl} with these cookie values. */
  public boolean acceptsCookies(Map<String, String> cookies, String requestedUrl, Instant now) {
    String policy = new String(decode(cookies.get("CloudFront-Policy")), StandardCharsets.UTF_8);
    return verified(policy, cookies.get("CloudFront-Signature"),
        cookies.get("CloudFront-Key-Pair-Id")) && allows(policy, requestedUrl, now, "198.51.100.7");
  }

  private boolean verified(String policy, String signature, String keyPairId) {
    PublicKey key = keys.get(keyPairId);
    if (key == null || signature == null) {
      return false;
    }
    try {
      Signature verifier = Signature.getInstance(
          key.getAlgorithm().equals("EC") ? "SHA1withECDSA" : "SHA1withRSA");
      verifier.initVerify(key);
      verifier.update(policy.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(decode(signature));
    } catch (Exception e) {
      return false;
    }
  }

  private static boolean allows(String policy, String resource, Instant now, String sourceIp) {
    JsonNode statement = JSON.readTree(policy).get("Statement").get(0);
    String allowed = statement.get("Resource").asString();
    JsonNode condition = statement.get("Condition");
    long expires = condition.get("DateLessThan").get("AWS:EpochTime").asLong();
    boolean started = !condition.has("DateGreaterThan")
        || now.getEpochSecond() >= condition.get("DateGreaterThan").get("AWS:EpochTime").asLong();
    boolean ipAllowed = !condition.has("IpAddress") || inRange(sourceIp,
        condition.get("IpAddress").get("AWS:SourceIp").asString());
    return matches(allowed, resource) && now.getEpochSecond() < expires && started && ipAllowed;
  }

  private static boolean matches(String pattern, String resource) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
    }
    return resource.matches(regex.toString());
  }

  private static boolean inRange(String ip, String cidr) {
    String[] parts = cidr.split("/");
    int bits = Integer.parseInt(parts[1]);
    long mask = bits == 0 ? 0 : 0xffffffffL << (32 - bits) & 0xffffffffL;
    return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
  }

  private static long toLong(String ip) {
    long value = 0;
    for (String octet : ip.split("\\.")) {
      value = value << 8 | Integer.parseInt(octet);
    }
    return value;
  }

  private static byte[] decode(String urlSafe) {
    return Base64.getDecoder().decode(urlSafe.replace('-', '+').replace('_', '=')
        .replace('~', '/'));
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> params = new HashMap<>();
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      params.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    return params;
  }
}
