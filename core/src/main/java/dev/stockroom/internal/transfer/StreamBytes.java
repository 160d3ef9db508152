package dev.stockroom.internal.transfer;

import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a caller's stream of known length into memory, checking it holds exactly that many bytes. */
final class StreamBytes {

  private StreamBytes() {}

  /**
   * As {@link #readExactly}, on a Stockroom thread that a stop of {@code upload} interrupts while
   * it reads, so that a stopped upload no longer reads the caller's stream.
   */
  static byte[] readStoppably(InputStream stream, long length, RunningUpload upload) {
    Thread reader = Thread.currentThread();
    Object lock = new Object();
    boolean[] reading = {true};
    upload.onStop(() -> {
      synchronized (lock) {
        if (reading[0]) {
          reader.interrupt();
        }
      }
    });
    try {
      return readExactly(stream, length);
    } finally {
      synchronized (lock) {
        reading[0] = false;
        // the pool thread goes back clean: an interrupt meant for this read ends here
        Thread.interrupted();
      }
    }
  }

  /**
   * Returns the {@code length} bytes of {@code stream}, read to its end (not closed).
   *
   * @throws IllegalArgumentException if the stream ends early or holds more bytes
   * @throws UncheckedIOException if it cannot be read
   */
  static byte[] readExactly(InputStream stream, long length) {
    byte[] bytes = new byte[Math.toIntExact(length)];
    try {
      int read = stream.readNBytes(bytes, 0, bytes.length);
      Require.argument(read == length, "stream must hold length (%s) bytes, but ended after %s",
          length, read);
      Require.argument(stream.read() < 0, "stream must hold length (%s) bytes, but holds more",
          length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stream to upload", e);
    }
    return bytes;
  }
}
