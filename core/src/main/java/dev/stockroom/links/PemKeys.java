package dev.stockroom.links;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a private key from PEM text: PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or EC), PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) or SEC 1 ({@code BEGIN EC PRIVATE KEY}). Errors name the source
 * and never echo the key's text.
 */
final class PemKeys {

  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)\\s*-----END \\1-----");
  /** rsaEncryption, 1.2.840.113549.1.1.1. */
  private static final byte[] RSA_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
      0x01, 0x01, 0x01};
  /** id-ecPublicKey, 1.2.840.10045.2.1. */
  private static final byte[] EC_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

  private PemKeys() {}

  /**
   * Returns the private key in {@code pem}.
   *
   * @param source where the text came from, for messages ("/etc/keys/cf.pem", "a string")
   * @throws IllegalArgumentException naming the source when the text is not a supported,
   *     unencrypted PEM private key
   */
  static PrivateKey read(String pem, String source) {
    Matcher block = BLOCK.matcher(pem);
    if (!block.find()) {
      throw new IllegalArgumentException("privateKey from " + source + " is not a PEM private "
          + "key: expected a '-----BEGIN PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----' or "
          + "'-----BEGIN EC PRIVATE KEY-----' block");
    }
    String type = block.group(1);
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(block.group(2));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("privateKey from " + source + " is not valid base64 "
          + "inside its " + type + " block");
    }
    try {
      return decode(type, der, source);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("privateKey from " + source + " could not be read as a "
          + "PEM '" + type + "' block (" + e.getClass().getSimpleName() + ")");
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static PrivateKey decode(String type, byte[] der, String source)
      throws GeneralSecurityException {
    switch (type) {
      case "PRIVATE KEY":
        return pkcs8(der);
      case "RSA PRIVATE KEY":
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
            wrap(sequence(rsaAlgorithm()), der)));
      case "EC PRIVATE KEY":
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
            wrap(sequence(concat(tlv(0x06, EC_OID), Der.curveOf(der))), der)));
      case "ENCRYPTED PRIVATE KEY":
        throw new IllegalArgumentException("privateKey from " + source + " is encrypted; "
            + "decrypt it first (openssl pkcs8 -topk8 -nocrypt)");
      default:
        throw new IllegalArgumentException("privateKey from " + source + " is a PEM '" + type
            + "' block, not a private key");
    }
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(spec);
    } catch (GeneralSecurityException notRsa) {
      return KeyFactory.getInstance("EC").generatePrivate(spec);
    }
  }

  private static byte[] rsaAlgorithm() {
    return concat(tlv(0x06, RSA_OID), new byte[] {0x05, 0x00});
  }

  /** PKCS#8 PrivateKeyInfo: SEQUENCE { INTEGER 0, algorithm, OCTET STRING key }. */
  private static byte[] wrap(byte[] algorithm, byte[] key) {
    return sequence(concat(new byte[] {0x02, 0x01, 0x00}, algorithm, tlv(0x04, key)));
  }

  private static byte[] sequence(byte[] content) {
    return tlv(0x30, content);
  }

  static byte[] tlv(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >> 16);
      out.write(length >> 8);
      out.write(length);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
