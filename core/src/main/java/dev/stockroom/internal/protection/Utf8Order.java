package dev.stockroom.internal.protection;

import java.util.Comparator;

/**
 * The order S3 lists keys in: UTF-8 binary order, which is code point order. Java's {@code
 * String.compareTo} compares UTF-16 units and differs for characters beyond U+FFFF.
 */
final class Utf8Order implements Comparator<String> {

  static final Utf8Order INSTANCE = new Utf8Order();

  private Utf8Order() {}

  @Override
  public int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
