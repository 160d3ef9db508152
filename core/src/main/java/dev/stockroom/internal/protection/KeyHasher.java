package dev.stockroom.internal.protection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes the subject and keys an erasure receipt names, so that it holds no personal data. Keys
 * and subject ids are guessable (customer ids are often sequential and the key convention is
 * documented): a plain SHA-256 of one is reversed by hashing every candidate. An HMAC under a
 * secret of 256 bits that never leaves the shop cannot be: only the key's holder can check a
 * candidate. The receipt key is derived from Stockroom's protection key for this one use, so a
 * receipt's hashes say nothing about the other uses of that key (signing backup manifests).
 */
final class KeyHasher {

  private static final String ALGORITHM = "HmacSHA256";
  private static final byte[] RECEIPT_LABEL =
      "stockroom/erasure-receipt/v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] ID_LABEL = "stockroom/key-id/v1".getBytes(StandardCharsets.UTF_8);

  private final byte[] receiptKey;
  private final String keyId;

  private KeyHasher(byte[] receiptKey, boolean ephemeral) {
    this.receiptKey = receiptKey;
    String id = HexFormat.of().formatHex(hmac(receiptKey, ID_LABEL)).substring(0, 16);
    this.keyId = ephemeral ? "ephemeral-" + id : id;
  }

  /** Returns a hasher under the receipt key derived from {@code protectionKey}. */
  static KeyHasher of(byte[] protectionKey) {
    return new KeyHasher(hmac(protectionKey, RECEIPT_LABEL), false);
  }

  /** Returns a hasher under a random key that is never kept: its hashes cannot be checked later. */
  static KeyHasher ephemeral() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new KeyHasher(hmac(key, RECEIPT_LABEL), true);
  }

  /** Returns the id of the receipt key, which reveals nothing of it. */
  String keyId() {
    return keyId;
  }

  /** Returns the hash of a subject id, in hex. */
  String subject(String subject) {
    return hex("subject\n" + subject);
  }

  /** Returns the hash of an object key, in hex. */
  String key(String key) {
    return hex("key\n" + key);
  }

  private String hex(String value) {
    return HexFormat.of().formatHex(hmac(receiptKey, value.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] hmac(byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(key, ALGORITHM));
      return mac.doFinal(message);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has " + ALGORITHM, e);
    }
  }
}
