package dev.stockroom.links;

import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads a private key from PEM text: PKCS#8 ({@code BEGIN PRIVATE KEY}, RSA or EC), PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}) or SEC 1 ({@code BEGIN EC PRIVATE KEY}). Errors name the source
 * and never echo the key's text.
 *
 * <p>The text is scanned with {@code indexOf} and single passes, never a backtracking regular
 * expression, and is refused above {@link #MAX_LENGTH}, so reading costs time linear in a bounded
 * length however malformed the input.
 */
final class PemKeys {

  /**
   * The most characters of PEM text (or bytes of a PEM file) read: 64 KiB. The largest RSA key
   * anyone uses, 16384 bits, is about 13 KB of PEM (RSA 2048, the size CloudFront takes, about
   * 1.7 KB), so this leaves ample room for explanatory text around the key while refusing a
   * wrong file (an archive, a log) before any of it is read.
   */
  static final int MAX_LENGTH = 64 * 1024;

  private static final String BEGIN = "-----BEGIN ";
  private static final String END = "-----END ";
  private static final String DASHES = "-----";
  /** The longest label read; real ones ("ENCRYPTED PRIVATE KEY") are about half of this. */
  private static final int MAX_LABEL = 40;
  private static final String EXPECTED = "'-----BEGIN PRIVATE KEY-----', "
      + "'-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN EC PRIVATE KEY-----'";

  /** rsaEncryption, 1.2.840.113549.1.1.1. */
  private static final byte[] RSA_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
      0x01, 0x01, 0x01};
  /** id-ecPublicKey, 1.2.840.10045.2.1. */
  private static final byte[] EC_OID = {0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

  private PemKeys() {}

  /**
   * Refuses a PEM file of {@code bytes} bytes before it is read, if it is larger than
   * {@link #MAX_LENGTH}.
   *
   * @param source the file, for the message ("'/etc/keys/cf.pem'")
   */
  static void checkFileSize(long bytes, String source) {
    if (bytes > MAX_LENGTH) {
      throw new IllegalArgumentException("privateKey from " + source + " is too large for a PEM "
          + "private key: " + bytes + " bytes, more than " + MAX_LENGTH + " (64 KiB); check that "
          + "it is the key file");
    }
  }

  /**
   * Returns the private key in the first PEM block of {@code pem}.
   *
   * @param source where the text came from, for messages ("'/etc/keys/cf.pem'", "the PEM text of
   *     key pair K2JCJMDEHXQW5F")
   * @throws IllegalArgumentException naming the source when the text is not a supported,
   *     unencrypted PEM private key; the message never repeats the text
   */
  static PrivateKey read(String pem, String source) {
    if (pem.length() > MAX_LENGTH) {
      throw failure(source, "is too long for a PEM private key: " + pem.length() + " characters, "
          + "more than " + MAX_LENGTH + " (64 KiB); pass only the key's PEM text");
    }
    int begin = pem.indexOf(BEGIN);
    if (begin < 0) {
      throw looksLikeDer(pem)
          ? failure(source, "is binary DER, not PEM text; convert it first "
              + "(openssl pkey -inform DER -in key.der -out key.pem)")
          : failure(source, "is not a PEM private key: expected a " + EXPECTED + " block");
    }
    int labelStart = begin + BEGIN.length();
    int labelEnd = pem.indexOf(DASHES, labelStart);
    if (labelEnd < 0 || !isLabel(pem, labelStart, labelEnd)) {
      throw failure(source, "has a malformed '-----BEGIN' line; expected " + EXPECTED);
    }
    String label = pem.substring(labelStart, labelEnd);
    int bodyStart = labelEnd + DASHES.length();
    int bodyEnd = pem.indexOf(DASHES, bodyStart);
    if (bodyEnd < 0 || !pem.startsWith(END + label + DASHES, bodyEnd)) {
      throw failure(source, "has a '-----BEGIN " + label + "-----' line with no matching '-----END "
          + label + "-----' line after it; the key text may be cut short");
    }
    switch (label) {
      case "PRIVATE KEY":
      case "RSA PRIVATE KEY":
      case "EC PRIVATE KEY":
        break;
      case "ENCRYPTED PRIVATE KEY":
        throw failure(source, "is encrypted; decrypt it first (openssl pkcs8 -topk8 -nocrypt)");
      default:
        throw failure(source, "is a PEM '" + label + "' block, not a private key");
    }
    String body = pem.substring(bodyStart, bodyEnd);
    if (body.contains("Proc-Type:") || body.contains("DEK-Info:")) {
      throw failure(source, "is encrypted (Proc-Type: 4,ENCRYPTED); decrypt it first "
          + "(openssl pkey -in key.pem -out key-plain.pem)");
    }
    byte[] der = base64(body);
    if (der == null) {
      throw failure(source, "is not valid base64 inside its '" + label + "' block");
    }
    try {
      return decode(label, der);
    } catch (GeneralSecurityException | RuntimeException e) {
      // A provider's parser may fail on garbage with an unchecked exception as well as a
      // checked one. Neither's message nor the cause is kept: they may quote the key's bytes.
      throw failure(source, "could not be read as a PEM '" + label + "' block: the key inside is "
          + "malformed or cut short");
    } finally {
      Arrays.fill(der, (byte) 0);
    }
  }

  private static IllegalArgumentException failure(String source, String problem) {
    return new IllegalArgumentException("privateKey from " + source + " " + problem);
  }

  /** Returns whether {@code [start, end)} is a short label of capitals, digits and spaces. */
  private static boolean isLabel(String pem, int start, int end) {
    if (end == start || end - start > MAX_LABEL) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = pem.charAt(i);
      if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns whether text with no PEM boundary is binary DER read as text: it starts with a
   * SEQUENCE tag ('0') and holds characters no text file does.
   */
  private static boolean looksLikeDer(String text) {
    if (text.isEmpty() || text.charAt(0) != 0x30) {
      return false;
    }
    for (int i = 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7f) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the bytes the base64 body encodes, ignoring line breaks and other whitespace, or
   * null if it holds anything else or is not well-formed base64.
   */
  private static byte[] base64(String body) {
    byte[] ascii = new byte[body.length()];
    int length = 0;
    try {
      for (int i = 0; i < body.length(); i++) {
        char c = body.charAt(i);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
          continue;
        }
        if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '+'
            || c == '/' || c == '=')) {
          return null;
        }
        ascii[length++] = (byte) c;
      }
      return Base64.getDecoder().decode(Arrays.copyOf(ascii, length));
    } catch (IllegalArgumentException e) {
      return null;
    } finally {
      Arrays.fill(ascii, (byte) 0);
    }
  }

  private static PrivateKey decode(String label, byte[] der) throws GeneralSecurityException {
    PrivateKey key;
    switch (label) {
      case "RSA PRIVATE KEY":
        key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
            wrap(sequence(rsaAlgorithm()), der)));
        break;
      case "EC PRIVATE KEY":
        key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(
            wrap(sequence(concat(tlv(0x06, EC_OID), Der.curveOf(der))), der)));
        break;
      default:
        key = pkcs8(der);
    }
    // The JDK accepts an EC private value of 0 (an empty OCTET STRING) or one not below the
    // curve's order, and signs with it; no public key would ever verify those signatures.
    if (key instanceof ECPrivateKey ec && (ec.getS().signum() <= 0
        || ec.getS().compareTo(ec.getParams().getOrder()) >= 0)) {
      throw new InvalidKeySpecException("EC private value out of range");
    }
    return key;
  }

  private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    try {
      return KeyFactory.getInstance("RSA").generatePrivate(spec);
    } catch (GeneralSecurityException | RuntimeException notRsa) {
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
