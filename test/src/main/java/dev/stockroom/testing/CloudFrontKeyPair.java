package dev.stockroom.testing;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A CloudFront key pair for tests, generated in memory (RSA-2048, as CloudFront takes): the key
 * pair id, the private key for signing (as a {@link PrivateKey} and as PKCS#8 PEM text) and the
 * public key for verifying (as a {@link PublicKey} and as the SubjectPublicKeyInfo PEM text
 * CloudFront's console takes). No key file is shipped; nothing outside the test trusts the key.
 * {@link #toString()} shows only the key pair id.
 */
public final class CloudFrontKeyPair {

  private static final String ID_CHARACTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String keyPairId;
  private final KeyPair keys;

  private CloudFrontKeyPair(String keyPairId, KeyPair keys) {
    this.keyPairId = keyPairId;
    this.keys = keys;
  }

  /**
   * Generates a fresh RSA-2048 key pair with a random key pair id shaped like CloudFront's
   * ({@code K} and 13 uppercase letters and digits).
   */
  public static CloudFrontKeyPair generate() {
    StringBuilder id = new StringBuilder("K");
    for (int i = 0; i < 13; i++) {
      id.append(ID_CHARACTERS.charAt(RANDOM.nextInt(ID_CHARACTERS.length())));
    }
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048, RANDOM);
      return new CloudFrontKeyPair(id.toString(), generator.generateKeyPair());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no RSA key pair generator", e);
    }
  }

  /** Returns the key pair id, which CloudFront sends as {@code Key-Pair-Id}. */
  public String keyPairId() {
    return keyPairId;
  }

  /** Returns the private key that signs. */
  public PrivateKey privateKey() {
    return keys.getPrivate();
  }

  /** Returns the private key as PKCS#8 PEM text ({@code BEGIN PRIVATE KEY}). */
  public String privateKeyPem() {
    return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
  }

  /** Returns the public key that verifies. */
  public PublicKey publicKey() {
    return keys.getPublic();
  }

  /** Returns the public key as SubjectPublicKeyInfo PEM text ({@code BEGIN PUBLIC KEY}). */
  public String publicKeyPem() {
    return pem("PUBLIC KEY", keys.getPublic().getEncoded());
  }

  private static String pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
  }

  @Override
  public String toString() {
    return "CloudFrontKeyPair{keyPairId=" + keyPairId + ", RSA-2048}";
  }
}
