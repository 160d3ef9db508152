package dev.stockroom.links;

import java.security.spec.InvalidKeySpecException;

/**
 * Just enough DER reading to find the named curve inside a SEC 1 EC private key. Every length is
 * checked against the element that contains it, so malformed input fails with an
 * {@link InvalidKeySpecException}, never an index error.
 */
final class Der {

  private Der() {}

  /**
   * Returns the curve OID (tag and all) from the {@code [0] parameters} of a SEC 1
   * ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING key, [0] OID curve, [1] BIT STRING pub }.
   *
   * @throws InvalidKeySpecException if the structure is not that, or names no curve
   */
  static byte[] curveOf(byte[] sec1) throws InvalidKeySpecException {
    Element outer = element(sec1, 0, sec1.length, 0x30);
    int position = outer.start;
    while (position < outer.end) {
      int tag = sec1[position] & 0xff;
      Element field = element(sec1, position, outer.end, tag);
      if (tag == 0xa0) {
        Element oid = element(sec1, field.start, field.end, 0x06);
        byte[] curve = new byte[oid.end - field.start];
        System.arraycopy(sec1, field.start, curve, 0, curve.length);
        return curve;
      }
      position = field.end;
    }
    throw new InvalidKeySpecException("EC key names no curve");
  }

  /**
   * Returns the content of the element at {@code at}, checking its tag and that it ends by
   * {@code limit} (the end of the element containing it).
   */
  private static Element element(byte[] der, int at, int limit, int tag)
      throws InvalidKeySpecException {
    if (at < 0 || limit - at < 2 || (der[at] & 0xff) != tag) {
      throw new InvalidKeySpecException("unexpected DER structure");
    }
    int first = der[at + 1] & 0xff;
    int start = at + 2;
    int length;
    if (first < 0x80) {
      length = first;
    } else {
      int bytes = first & 0x7f;
      // 0x80 is BER's indefinite length, which DER forbids; more than 3 bytes (16 MiB) is never a
      // key.
      if (bytes == 0 || bytes > 3 || limit - start < bytes) {
        throw new InvalidKeySpecException("unexpected DER length");
      }
      length = 0;
      for (int i = 0; i < bytes; i++) {
        length = (length << 8) | (der[start + i] & 0xff);
      }
      start += bytes;
    }
    if (length > limit - start) {
      throw new InvalidKeySpecException("DER length runs past its end");
    }
    return new Element(start, start + length);
  }

  /** The content of one DER element: {@code [start, end)}. */
  private record Element(int start, int end) {}
}
