package dev.stockroom.links;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.CloudFrontKeyPair;
import dev.stockroom.testing.CloudFrontVerifier;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;

/**
 * SHA-256 signatures: the URL names the hash, cookies carry it, and the signature verifies with
 * SHA-256 over the policy (checked by hand here, and by the independent verifier) for RSA and for
 * ECDSA P-256 keys; SHA-1 stays the default and adds nothing.
 */
class HashAlgorithmTest {

  private static final String DOMAIN = "d111111abcdef8.cloudfront.net";
  private static final String KEY = "media/product-images/sku-1/front.jpg";

  private static Stockroom stockroom(String id, java.security.PrivateKey key, HashAlgorithm hash) {
    return Stockroom.builder().bucket("shop-assets").region(Region.US_EAST_1)
        .cloudFront(cf -> cf.domain(DOMAIN).keyPair(id, key).hashAlgorithm(hash)).build();
  }

  @Test
  void sha256Url_withRsa_namesTheHash_andVerifiesWithSha256() throws Exception {
    CloudFrontKeyPair keys = CloudFrontKeyPair.generate();
    try (Stockroom stockroom = stockroom(keys.keyPairId(), keys.privateKey(),
        HashAlgorithm.SHA256)) {
      String url = stockroom.links().url(KEY, Duration.ofMinutes(30)).url();

      assertThat(url).endsWith("&Key-Pair-Id=" + keys.keyPairId() + "&Hash-Algorithm=SHA256");
      String expires = url.replaceAll(".*[?&]Expires=(\\d+).*", "$1");
      String policy = "{\"Statement\":[{\"Resource\":\"https://" + DOMAIN + "/" + KEY
          + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expires + "}}}]}";
      Signature sha256 = Signature.getInstance("SHA256withRSA");
      sha256.initVerify(keys.publicKey());
      sha256.update(policy.getBytes(StandardCharsets.UTF_8));
      assertThat(sha256.verify(decode(url.replaceAll(".*[?&]Signature=([^&]+).*", "$1"))))
          .isTrue();
      CloudFrontVerifier verifier = new CloudFrontVerifier().trust(keys);
      assertThat(verifier.acceptsUrl(url, Instant.now())).isTrue();
      // without the parameter CloudFront checks SHA-1, which this signature is not
      assertThat(verifier.acceptsUrl(url.replace("&Hash-Algorithm=SHA256", ""), Instant.now()))
          .isFalse();
    }
  }

  @Test
  void sha256Cookies_withEcdsaP256_carryTheHashCookie() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair ec = generator.generateKeyPair();
    try (Stockroom stockroom = stockroom("KECKEY", ec.getPrivate(), HashAlgorithm.SHA256)) {
      SignedCookies cookies = stockroom.links().cookies("media/product-images/sku-1/*",
          Duration.ofMinutes(30));

      assertThat(cookies.cookies()).containsEntry("CloudFront-Hash-Algorithm", "SHA256")
          .hasSize(4);
      assertThat(cookies.setCookieHeaders()).hasSize(4).last().asString()
          .startsWith("CloudFront-Hash-Algorithm=SHA256; Domain=");
      CloudFrontVerifier verifier = new CloudFrontVerifier().trust("KECKEY", ec.getPublic());
      assertThat(verifier.acceptsCookies(cookies.cookies(), "https://" + DOMAIN + "/" + KEY,
          Instant.now())).isTrue();
      Map<String, String> withoutHash = new java.util.HashMap<>(cookies.cookies());
      withoutHash.remove("CloudFront-Hash-Algorithm");
      assertThat(verifier.acceptsCookies(withoutHash, "https://" + DOMAIN + "/" + KEY,
          Instant.now())).isFalse();
    }
  }

  @Test
  void sha1_isTheDefault_andAddsNothing() {
    CloudFrontKeyPair keys = CloudFrontKeyPair.generate();
    try (Stockroom stockroom = Stockroom.builder().bucket("shop-assets").region(Region.US_EAST_1)
        .cloudFront(cf -> cf.domain(DOMAIN).keyPair(keys.keyPairId(), keys.privateKey()))
        .build()) {
      String url = stockroom.links().url(KEY, Duration.ofMinutes(30)).url();
      assertThat(url).doesNotContain("Hash-Algorithm");
      assertThat(stockroom.links().cookies("media/product-images/*", Duration.ofMinutes(30))
          .cookies()).hasSize(3);
      assertThat(new CloudFrontVerifier().trust(keys).acceptsUrl(url, Instant.now())).isTrue();
    }
  }

  private static byte[] decode(String urlSafe) {
    return Base64.getDecoder().decode(urlSafe.replace('-', '+').replace('_', '=')
        .replace('~', '/'));
  }
}
