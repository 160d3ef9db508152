package dev.stockroom.internal.transfer;

/**
 * A set of 128-bit values held as two longs each, open addressing: what an import's journal
 * remembers of every file it stored, at 16 bytes a file instead of a string and an object each.
 */
final class LongPairSet {

  private static final long EMPTY_HIGH = 0;
  private static final long EMPTY_LOW = 0;

  private long[] highs = new long[64];
  private long[] lows = new long[64];
  private int size;

  /** Adds the value; returns false if it was there. The all-zero value is stored as (0, 1). */
  boolean add(long high, long low) {
    if (high == EMPTY_HIGH && low == EMPTY_LOW) {
      low = 1;
    }
    if (size * 2 >= highs.length) {
      grow();
    }
    int mask = highs.length - 1;
    for (int i = slot(high, low, mask); ; i = (i + 1) & mask) {
      if (highs[i] == EMPTY_HIGH && lows[i] == EMPTY_LOW) {
        highs[i] = high;
        lows[i] = low;
        size++;
        return true;
      }
      if (highs[i] == high && lows[i] == low) {
        return false;
      }
    }
  }

  /** Returns whether the value is in the set. */
  boolean contains(long high, long low) {
    if (high == EMPTY_HIGH && low == EMPTY_LOW) {
      low = 1;
    }
    int mask = highs.length - 1;
    for (int i = slot(high, low, mask); ; i = (i + 1) & mask) {
      if (highs[i] == EMPTY_HIGH && lows[i] == EMPTY_LOW) {
        return false;
      }
      if (highs[i] == high && lows[i] == low) {
        return true;
      }
    }
  }

  /** Returns how many values are in the set. */
  int size() {
    return size;
  }

  private static int slot(long high, long low, int mask) {
    long mixed = high ^ Long.rotateLeft(low, 32);
    return (int) (mixed ^ (mixed >>> 29)) & mask;
  }

  private void grow() {
    long[] oldHighs = highs;
    long[] oldLows = lows;
    highs = new long[oldHighs.length * 2];
    lows = new long[oldLows.length * 2];
    size = 0;
    for (int i = 0; i < oldHighs.length; i++) {
      if (oldHighs[i] != EMPTY_HIGH || oldLows[i] != EMPTY_LOW) {
        add(oldHighs[i], oldLows[i]);
      }
    }
  }

  @Override
  public String toString() {
    return "LongPairSet{size=" + size + ", capacity=" + highs.length + '}';
  }
}
