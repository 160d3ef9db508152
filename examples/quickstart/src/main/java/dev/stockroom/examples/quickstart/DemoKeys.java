package dev.stockroom.examples.quickstart;

import dev.stockroom.links.SignedCookies;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * The quickstart's throwaway material: a CloudFront key pair made for this run, a few bytes that
 * stand in for an image, and the check CloudFront itself makes of a signature (SHA-1 with RSA
 * over the policy, in CloudFront's URL-safe base64), done here with the public key.
 */
final class DemoKeys {

  private DemoKeys() {}

  static KeyPair rsa2048() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has RSA", e);
    }
  }

  /** Returns the start of a JPEG file: enough for a demo object. */
  static byte[] jpegBytes() {
    byte[] bytes = new byte[2048];
    bytes[0] = (byte) 0xFF;
    bytes[1] = (byte) 0xD8;
    bytes[2] = (byte) 0xFF;
    return bytes;
  }

  /** Returns whether a canned-policy URL's signature matches its resource and expiry. */
  static boolean verifiesCannedUrl(String url, PublicKey key) {
    URI uri = URI.create(url);
    String resource = url.substring(0, url.indexOf('?'));
    String expires = parameter(uri.getRawQuery(), "Expires");
    String policy = "{\"Statement\":[{\"Resource\":\"" + resource
        + "\",\"Condition\":{\"DateLessThan\":{\"AWS:EpochTime\":" + expires + "}}}]}";
    return verifies(policy, parameter(uri.getRawQuery(), "Signature"), key);
  }

  /** Returns whether signed cookies' signature matches their policy. */
  static boolean verifiesCookies(SignedCookies cookies, PublicKey key) {
    String policy = new String(decode(cookies.policy()), StandardCharsets.UTF_8);
    return policy.contains("\"Resource\":\"" + cookies.resource() + "\"")
        && verifies(policy, cookies.signature(), key);
  }

  private static boolean verifies(String policy, String signature, PublicKey key) {
    try {
      Signature check = Signature.getInstance("SHA1withRSA");
      check.initVerify(key);
      check.update(policy.getBytes(StandardCharsets.UTF_8));
      return check.verify(decode(signature));
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Decodes CloudFront's URL-safe base64 ('-' for '+', '_' for '=', '~' for '/'). */
  private static byte[] decode(String text) {
    return Base64.getDecoder().decode(text.replace('-', '+').replace('_', '=').replace('~', '/'));
  }

  private static String parameter(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return pair.substring(name.length() + 1);
      }
    }
    throw new IllegalArgumentException("no " + name + " in the signed URL");
  }
}
