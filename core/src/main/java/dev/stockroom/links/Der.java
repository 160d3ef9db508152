package dev.stockroom.links;

import java.security.spec.InvalidKeySpecException;

/** Just enough DER reading to find the named curve inside a SEC 1 EC private key. */
final class Der {

  private Der() {}

  /**
   * Returns the curve OID (tag and all) from the {@code [0] parameters} of a SEC 1
   * ECPrivateKey: SEQUENCE { INTEGER 1, OCTET STRING key, [0] OID curve, [1] BIT STRING pub }.
   *
   * @throws InvalidKeySpecException if the structure is not that, or names no curve
   */
  static byte[] curveOf(byte[] sec1) throws InvalidKeySpecException {
    int[] outer = header(sec1, 0, 0x30);
    int position = outer[0];
    int end = outer[0] + outer[1];
    while (position < end) {
      int tag = sec1[position] & 0xff;
      int[] field = header(sec1, position, tag);
      if (tag == 0xa0) {
        int[] oid = header(sec1, field[0], 0x06);
        byte[] curve = new byte[oid[0] + oid[1] - field[0]];
        System.arraycopy(sec1, field[0], curve, 0, curve.length);
        return curve;
      }
      position = field[0] + field[1];
    }
    throw new InvalidKeySpecException("EC key names no curve");
  }

  /** Returns {contentStart, contentLength} of the element at {@code at}, checking its tag. */
  private static int[] header(byte[] der, int at, int tag) throws InvalidKeySpecException {
    if (at + 2 > der.length || (der[at] & 0xff) != tag) {
      throw new InvalidKeySpecException("unexpected DER structure");
    }
    int first = der[at + 1] & 0xff;
    if (first < 0x80) {
      return new int[] {at + 2, first};
    }
    int bytes = first & 0x7f;
    if (bytes > 3 || at + 2 + bytes > der.length) {
      throw new InvalidKeySpecException("unexpected DER length");
    }
    int length = 0;
    for (int i = 0; i < bytes; i++) {
      length = (length << 8) | (der[at + 2 + i] & 0xff);
    }
    return new int[] {at + 2 + bytes, length};
  }
}
