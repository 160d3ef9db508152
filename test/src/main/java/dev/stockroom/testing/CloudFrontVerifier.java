package dev.stockroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks CloudFront signed URLs and cookies the way CloudFront does, independently of any signing
 * code: decodes CloudFront's URL-safe base64, verifies the signature over the policy (SHA-1 with
 * RSA or ECDSA) with the public key trusted for the key pair id, parses the policy JSON, and checks
 * the resource, the expiry, the start time and the source IP.
 *
 * <p>Both canned policies ({@code Expires}) and custom policies ({@code Policy}) are understood,
 * in URLs and in cookies. Anything malformed is not accepted: the answer is {@code false}, never an
 * exception.
 */
public final class CloudFrontVerifier {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> SIGNING_PARAMETERS =
      Set.of("Expires", "Policy", "Signature", "Key-Pair-Id", "Hash-Algorithm");

  private final Map<String, PublicKey> keys = new ConcurrentHashMap<>();

  /** Creates a verifier that trusts no key yet. */
  public CloudFrontVerifier() {}

  /** Trusts the public half of {@code keyPair} under its key pair id. */
  public CloudFrontVerifier trust(CloudFrontKeyPair keyPair) {
    Objects.requireNonNull(keyPair, "keyPair must not be null");
    return trust(keyPair.keyPairId(), keyPair.publicKey());
  }

  /**
   * Trusts {@code publicKey} (RSA or EC) for {@code keyPairId}.
   *
   * @throws IllegalArgumentException if the key is neither RSA nor EC
   */
  public CloudFrontVerifier trust(String keyPairId, PublicKey publicKey) {
    Objects.requireNonNull(keyPairId, "keyPairId must not be null");
    Objects.requireNonNull(publicKey, "publicKey must not be null");
    if (!"RSA".equals(publicKey.getAlgorithm()) && !"EC".equals(publicKey.getAlgorithm())) {
      throw new IllegalArgumentException(
          "publicKey must be an RSA or EC key, but was " + publicKey.getAlgorithm());
    }
    keys.put(keyPairId, publicKey);
    return this;
  }

  /**
   * Trusts the public key in {@code pemFile} (SubjectPublicKeyInfo, {@code BEGIN PUBLIC KEY}) for
   * {@code keyPairId}.
   *
   * @throws UncheckedIOException if the file cannot be read
   * @throws IllegalArgumentException if it holds no RSA or EC public key
   */
  public CloudFrontVerifier trust(String keyPairId, Path pemFile) {
    Objects.requireNonNull(pemFile, "pemFile must not be null");
    try {
      return trustPem(keyPairId, Files.readString(pemFile, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read public key file '" + pemFile + "'", e);
    }
  }

  /**
   * Trusts the public key in {@code pem} (SubjectPublicKeyInfo, {@code BEGIN PUBLIC KEY}) for
   * {@code keyPairId}.
   *
   * @throws IllegalArgumentException if the text holds no RSA or EC public key
   */
  public CloudFrontVerifier trustPem(String keyPairId, String pem) {
    Objects.requireNonNull(pem, "pem must not be null");
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pem of key pair " + keyPairId
          + " is not base64 between PEM markers", e);
    }
    for (String algorithm : List.of("RSA", "EC")) {
      try {
        return trust(keyPairId, KeyFactory.getInstance(algorithm)
            .generatePublic(new X509EncodedKeySpec(der)));
      } catch (InvalidKeySpecException e) {
        // not this algorithm: try the next
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException("the JDK has no " + algorithm + " key factory", e);
      }
    }
    throw new IllegalArgumentException("pem of key pair " + keyPairId
        + " is not an RSA or EC public key (SubjectPublicKeyInfo)");
  }

  /**
   * Returns whether CloudFront would serve the object of {@code signedUrl} at {@code now} to a
   * viewer with no known address: a policy limited to source IPs is not accepted.
   */
  public boolean acceptsUrl(String signedUrl, Instant now) {
    return acceptsUrl(signedUrl, now, null);
  }

  /**
   * Returns whether CloudFront would serve the object of {@code signedUrl} at {@code now} to a
   * viewer at {@code sourceIp} (IPv4; {@code null} for none): the signature verifies with the key
   * trusted for its {@code Key-Pair-Id}, and the policy covers the URL, the time and the address.
   */
  public boolean acceptsUrl(String signedUrl, Instant now, String sourceIp) {
    Objects.requireNonNull(signedUrl, "signedUrl must not be null");
    Objects.requireNonNull(now, "now must not be null");
    try {
      URI uri = URI.create(signedUrl);
      Map<String, String> query = new LinkedHashMap<>();
      List<String> kept = new ArrayList<>();
      for (String pair : uri.getRawQuery() == null ? new String[0]
          : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String name = eq < 0 ? pair : pair.substring(0, eq);
        if (SIGNING_PARAMETERS.contains(name)) {
          query.put(name, eq < 0 ? "" : pair.substring(eq + 1));
        } else {
          kept.add(pair);
        }
      }
      // CloudFront signs the URL as requested, minus its own parameters.
      String resource = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath()
          + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
      String policy = query.containsKey("Policy")
          ? new String(decode(query.get("Policy")), StandardCharsets.UTF_8)
          : cannedPolicy(resource, query.get("Expires"));
      return policy != null && verified(policy, query.get("Signature"), query.get("Key-Pair-Id"),
          query.get("Hash-Algorithm")) && allows(policy, resource, now, sourceIp);
    } catch (IllegalArgumentException | JacksonException e) {
      return false;
    }
  }

  /**
   * Returns whether CloudFront would serve {@code requestedUrl} at {@code now}, to a viewer with
   * no known address, with these cookies ({@code CloudFront-Policy} or {@code CloudFront-Expires},
   * {@code CloudFront-Signature}, {@code CloudFront-Key-Pair-Id}).
   */
  public boolean acceptsCookies(Map<String, String> cookies, String requestedUrl, Instant now) {
    return acceptsCookies(cookies, requestedUrl, now, null);
  }

  /**
   * Returns whether CloudFront would serve {@code requestedUrl} at {@code now}, to a viewer at
   * {@code sourceIp} (IPv4; {@code null} for none), with these cookies.
   */
  public boolean acceptsCookies(Map<String, String> cookies, String requestedUrl, Instant now,
      String sourceIp) {
    Objects.requireNonNull(cookies, "cookies must not be null");
    Objects.requireNonNull(requestedUrl, "requestedUrl must not be null");
    Objects.requireNonNull(now, "now must not be null");
    try {
      String policy = cookies.containsKey("CloudFront-Policy")
          ? new String(decode(cookies.get("CloudFront-Policy")), StandardCharsets.UTF_8)
          : cannedPolicy(requestedUrl, cookies.get("CloudFront-Expires"));
      return policy != null && verified(policy, cookies.get("CloudFront-Signature"),
          cookies.get("CloudFront-Key-Pair-Id"), cookies.get("CloudFront-Hash-Algorithm"))
          && allows(policy, requestedUrl, now, sourceIp);
    } catch (IllegalArgumentException | JacksonException e) {
      return false;
    }
  }

  private static String cannedPolicy(String resource, String expires) {
    if (expires == null || !expires.matches("[0-9]{1,12}")) {
      return null;
    }
    return "{\"Statement\":[{\"Resource\":\"" + resource
        + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expires + "}}}]}";
  }

  /**
   * Verifies with SHA-1 unless the URL or cookies name {@code SHA256} (CloudFront's only other
   * hash); any other name is not accepted.
   */
  private boolean verified(String policy, String signature, String keyPairId, String hash) {
    PublicKey key = keyPairId == null ? null : keys.get(keyPairId);
    if (key == null || signature == null || hash != null && !hash.equals("SHA1")
        && !hash.equals("SHA256")) {
      return false;
    }
    String digest = "SHA256".equals(hash) ? "SHA256" : "SHA1";
    try {
      Signature verifier = Signature.getInstance(
          digest + (key.getAlgorithm().equals("EC") ? "withECDSA" : "withRSA"));
      verifier.initVerify(key);
      verifier.update(policy.getBytes(StandardCharsets.UTF_8));
      return verifier.verify(decode(signature));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static boolean allows(String policy, String resource, Instant now, String sourceIp) {
    JsonNode statement = JSON.readTree(policy).path("Statement").path(0);
    JsonNode condition = statement.path("Condition");
    JsonNode expires = condition.path("DateLessThan").path("AWS:EpochTime");
    if (!statement.path("Resource").isString() || !expires.isNumber()) {
      return false;
    }
    boolean started = !condition.has("DateGreaterThan") || now.getEpochSecond()
        >= condition.path("DateGreaterThan").path("AWS:EpochTime").asLong(Long.MAX_VALUE);
    boolean addressAllowed = !condition.has("IpAddress") || sourceIp != null && inRange(sourceIp,
        condition.path("IpAddress").path("AWS:SourceIp").asString(""));
    return matches(statement.path("Resource").asString(), resource)
        && now.getEpochSecond() < expires.asLong() && started && addressAllowed;
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
    int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : 32;
    long mask = bits == 0 ? 0 : 0xffffffffL << (32 - bits) & 0xffffffffL;
    return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
  }

  private static long toLong(String ip) {
    String[] octets = ip.split("\\.");
    if (octets.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + ip);
    }
    long value = 0;
    for (String octet : octets) {
      value = value << 8 | Integer.parseInt(octet);
    }
    return value;
  }

  // CloudFront's URL-safe base64: '-' for '+', '_' for '=', '~' for '/'.
  private static byte[] decode(String urlSafe) {
    if (urlSafe == null) {
      throw new IllegalArgumentException("missing value");
    }
    return Base64.getDecoder().decode(urlSafe.replace('-', '+').replace('_', '=')
        .replace('~', '/'));
  }
}
