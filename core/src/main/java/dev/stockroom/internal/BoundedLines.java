package dev.stockroom.internal;

import java.io.FilterReader;
import java.io.IOException;
import java.io.Reader;

/**
 * A reader that refuses a line longer than a bound. A CSV parser holds a whole record in memory;
 * in an untrusted file (an inventory, a findings file) one endless line would fill the heap, so
 * the line is cut off at a length no legitimate record reaches.
 */
public final class BoundedLines extends FilterReader {

  private final int maxLine;
  private final String origin;
  private int lineLength;

  public BoundedLines(Reader in, int maxLine, String origin) {
    super(in);
    this.maxLine = maxLine;
    this.origin = origin;
  }

  @Override
  public int read() throws IOException {
    int c = super.read();
    if (c >= 0) {
      count((char) c);
    }
    return c;
  }

  @Override
  public int read(char[] buffer, int offset, int length) throws IOException {
    int read = super.read(buffer, offset, length);
    for (int i = 0; i < read; i++) {
      count(buffer[offset + i]);
    }
    return read;
  }

  private void count(char c) {
    if (c == '\n') {
      lineLength = 0;
    } else if (++lineLength > maxLine) {
      throw new IllegalArgumentException(origin + " has a line longer than " + maxLine
          + " characters: not a file Stockroom wrote or S3 delivered");
    }
  }
}
