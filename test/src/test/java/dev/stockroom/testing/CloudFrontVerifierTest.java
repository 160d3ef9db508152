package dev.stockroom.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Signs URLs and cookies here by hand, in CloudFront's documented format (policy JSON, SHA-1 with
 * RSA, URL-safe base64 with {@code +} to {@code -}, {@code =} to {@code _}, {@code /} to
 * {@code ~}), and checks what the verifier accepts.
 */
class CloudFrontVerifierTest {

  private static final CloudFrontKeyPair KEYS = CloudFrontKeyPair.generate();
  private static final CloudFrontKeyPair OTHER_KEYS = CloudFrontKeyPair.generate();
  private static final String URL = "https://d111111abcdef8.cloudfront.net/media/a.jpg";
  private static final long EXPIRES = 1_800_000_000L;
  private static final Instant BEFORE = Instant.ofEpochSecond(EXPIRES - 60);

  private final CloudFrontVerifier verifier = new CloudFrontVerifier().trust(KEYS);

  @Test
  void cannedUrl_signedWithTheTrustedKey_isAccepted() throws Exception {
    assertThat(verifier.acceptsUrl(cannedUrl(URL, EXPIRES, KEYS), BEFORE)).isTrue();
  }

  @Test
  void cannedUrl_withItsOwnQuery_isAccepted() throws Exception {
    String url = URL + "?size=large";
    String signed = url + "&Expires=" + EXPIRES + "&Signature="
        + sign(canned(url, EXPIRES), KEYS.privateKey()) + "&Key-Pair-Id=" + KEYS.keyPairId();

    assertThat(verifier.acceptsUrl(signed, BEFORE)).isTrue();
    assertThat(verifier.acceptsUrl(signed.replace("size=large", "size=small"), BEFORE)).isFalse();
  }

  @Test
  void cannedUrl_withATamperedSignature_isRefused() throws Exception {
    String signed = cannedUrl(URL, EXPIRES, KEYS);
    int at = signed.indexOf("&Signature=") + "&Signature=".length() + 10;
    String tampered = signed.substring(0, at) + (signed.charAt(at) == 'A' ? 'B' : 'A')
        + signed.substring(at + 1);

    assertThat(verifier.acceptsUrl(tampered, BEFORE)).isFalse();
  }

  @Test
  void cannedUrl_withALaterExpiry_isRefused() throws Exception {
    String signed = cannedUrl(URL, EXPIRES, KEYS);

    assertThat(verifier.acceptsUrl(signed.replace("Expires=" + EXPIRES,
        "Expires=" + (EXPIRES + 3600)), BEFORE)).isFalse();
  }

  @Test
  void cannedUrl_atOrAfterItsExpiry_isRefused() throws Exception {
    String signed = cannedUrl(URL, EXPIRES, KEYS);

    assertThat(verifier.acceptsUrl(signed, Instant.ofEpochSecond(EXPIRES - 1))).isTrue();
    assertThat(verifier.acceptsUrl(signed, Instant.ofEpochSecond(EXPIRES))).isFalse();
    assertThat(verifier.acceptsUrl(signed, Instant.ofEpochSecond(EXPIRES + 3600))).isFalse();
  }

  @Test
  void cannedUrl_forAnotherResource_isRefused() throws Exception {
    String signed = cannedUrl(URL, EXPIRES, KEYS);

    assertThat(verifier.acceptsUrl(signed.replace("/media/a.jpg", "/media/b.jpg"), BEFORE))
        .isFalse();
  }

  @Test
  void cannedUrl_signedWithAnUntrustedKey_isRefused() throws Exception {
    String ownIdOtherKey = URL + "?Expires=" + EXPIRES + "&Signature="
        + sign(canned(URL, EXPIRES), OTHER_KEYS.privateKey()) + "&Key-Pair-Id="
        + KEYS.keyPairId();

    assertThat(verifier.acceptsUrl(cannedUrl(URL, EXPIRES, OTHER_KEYS), BEFORE)).isFalse();
    assertThat(verifier.acceptsUrl(ownIdOtherKey, BEFORE)).isFalse();
    assertThat(new CloudFrontVerifier().trust(OTHER_KEYS)
        .acceptsUrl(cannedUrl(URL, EXPIRES, OTHER_KEYS), BEFORE)).isTrue();
  }

  @Test
  void cannedUrl_withoutItsSignature_orMalformed_isRefused() throws Exception {
    assertThat(verifier.acceptsUrl(URL + "?Expires=" + EXPIRES + "&Key-Pair-Id="
        + KEYS.keyPairId(), BEFORE)).isFalse();
    assertThat(verifier.acceptsUrl(URL, BEFORE)).isFalse();
    assertThat(verifier.acceptsUrl(URL + "?Expires=soon&Signature=%%&Key-Pair-Id="
        + KEYS.keyPairId(), BEFORE)).isFalse();
  }

  @Test
  void customPolicyUrl_limitedToAnAddressRange_isAcceptedOnlyFromThere() throws Exception {
    String policy = "{\"Statement\":[{\"Resource\":\"" + URL + "\",\"Condition\":{"
        + "\"DateLessThan\":{\"AWS:EpochTime\":" + EXPIRES + "},"
        + "\"IpAddress\":{\"AWS:SourceIp\":\"198.51.100.0/24\"}}}]}";
    String signed = URL + "?Policy=" + urlSafe(policy.getBytes(StandardCharsets.UTF_8))
        + "&Signature=" + sign(policy, KEYS.privateKey()) + "&Key-Pair-Id=" + KEYS.keyPairId();

    assertThat(verifier.acceptsUrl(signed, BEFORE, "198.51.100.7")).isTrue();
    assertThat(verifier.acceptsUrl(signed, BEFORE, "203.0.113.9")).isFalse();
    assertThat(verifier.acceptsUrl(signed, BEFORE)).isFalse();
  }

  @Test
  void cookies_withAWildcardPolicy_coverItsPathOnly_untilTheyExpire() throws Exception {
    Map<String, String> cookies = cookies(
        "https://d111111abcdef8.cloudfront.net/media/sku-1001/*", KEYS.privateKey());

    assertThat(verifier.acceptsCookies(cookies,
        "https://d111111abcdef8.cloudfront.net/media/sku-1001/zoom/1.jpg", BEFORE)).isTrue();
    assertThat(verifier.acceptsCookies(cookies,
        "https://d111111abcdef8.cloudfront.net/media/sku-2002/front.jpg", BEFORE)).isFalse();
    assertThat(verifier.acceptsCookies(cookies,
        "https://d111111abcdef8.cloudfront.net/media/sku-1001/front.jpg",
        Instant.ofEpochSecond(EXPIRES))).isFalse();
  }

  @Test
  void cookies_withATamperedPolicy_orAnUntrustedKey_areRefused() throws Exception {
    String resource = "https://d111111abcdef8.cloudfront.net/media/sku-1001/*";
    Map<String, String> signed = cookies(resource, KEYS.privateKey());
    String widened = policy("https://d111111abcdef8.cloudfront.net/media/*");
    Map<String, String> tampered = Map.of(
        "CloudFront-Policy", urlSafe(widened.getBytes(StandardCharsets.UTF_8)),
        "CloudFront-Signature", signed.get("CloudFront-Signature"),
        "CloudFront-Key-Pair-Id", KEYS.keyPairId());
    String other = "https://d111111abcdef8.cloudfront.net/media/sku-2002/front.jpg";

    assertThat(verifier.acceptsCookies(tampered, other, BEFORE)).isFalse();
    assertThat(verifier.acceptsCookies(cookies(resource, OTHER_KEYS.privateKey()),
        "https://d111111abcdef8.cloudfront.net/media/sku-1001/a.jpg", BEFORE)).isFalse();
  }

  @Test
  void trustPem_readsThePublicKeyPem() throws Exception {
    CloudFrontVerifier fromPem = new CloudFrontVerifier().trustPem(KEYS.keyPairId(),
        KEYS.publicKeyPem());

    assertThat(fromPem.acceptsUrl(cannedUrl(URL, EXPIRES, KEYS), BEFORE)).isTrue();
    assertThatThrownBy(() -> new CloudFrontVerifier().trustPem("K1", "-----BEGIN PUBLIC KEY-----\n"
        + "AAAA\n-----END PUBLIC KEY-----\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pem of key pair K1 is not an RSA or EC public key (SubjectPublicKeyInfo)");
  }

  private static String canned(String resource, long expires) {
    return "{\"Statement\":[{\"Resource\":\"" + resource
        + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expires + "}}}]}";
  }

  private static String policy(String resource) {
    return canned(resource, EXPIRES);
  }

  private static String cannedUrl(String url, long expires, CloudFrontKeyPair keys)
      throws GeneralSecurityException {
    return url + "?Expires=" + expires + "&Signature="
        + sign(canned(url, expires), keys.privateKey()) + "&Key-Pair-Id=" + keys.keyPairId();
  }

  private static Map<String, String> cookies(String resource, PrivateKey key)
      throws GeneralSecurityException {
    String policy = policy(resource);
    return Map.of("CloudFront-Policy", urlSafe(policy.getBytes(StandardCharsets.UTF_8)),
        "CloudFront-Signature", sign(policy, key),
        "CloudFront-Key-Pair-Id", KEYS.keyPairId());
  }

  private static String sign(String policy, PrivateKey key) throws GeneralSecurityException {
    Signature signature = Signature.getInstance("SHA1withRSA");
    signature.initSign(key);
    signature.update(policy.getBytes(StandardCharsets.UTF_8));
    return urlSafe(signature.sign());
  }

  private static String urlSafe(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes).replace('+', '-').replace('=', '_')
        .replace('/', '~');
  }
}
