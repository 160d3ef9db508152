package dev.stockroom.internal.transfer;

import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An import's journal: an append-only text file, one line per file finished, each field
 * percent-encoded and tab-separated, written to the operating system as it happens (so a killed
 * process loses none) and forced to disk when the import ends. Read back, it is untrusted input:
 * lines are bounded, every field is checked, a journal written for another bucket, kind, prefix
 * or source is refused, and a last line cut short by a crash is dropped. Of its stored files it
 * keeps only a 128-bit digest of (name, size, modification time) in memory.
 *
 * <pre>
 * stockroom-import-1
 * T  bucket  kind  prefix  source
 * S  name  size  modified-ms  crc32c|-  etag     (stored)
 * F  name  reason                                (failed)
 * K  name  reason                                (skipped)
 * </pre>
 */
final class ImportJournal implements AutoCloseable {

  static final String FORMAT = "stockroom-import-1";
  /** The longest line read back: a key is at most 1,024 bytes, encoded at most three times. */
  static final int MAX_LINE = 16 * 1024;

  /** What a journal is for; a journal of another target is refused. */
  record Target(String bucket, String kind, String prefix, String source) {}

  private final Path file;
  private final FileChannel channel;
  private final Writer out;
  private final LongPairSet stored = new LongPairSet();

  private ImportJournal(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
    this.out = Channels.newWriter(channel, StandardCharsets.UTF_8);
  }

  /**
   * Opens the journal in {@code file}, reading what an earlier run recorded, or starts a new one.
   *
   * @throws IllegalArgumentException naming the file (and line) if it is not a journal, does not
   *     parse, or is for another target
   */
  static ImportJournal open(Path file, Target target) {
    Require.argument(!Files.isSymbolicLink(file), "journal must not be a symbolic link, but was "
        + "'%s'", file);
    Require.argument(!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS), "journal must be a "
        + "file, but '%s' is a directory", file);
    try {
      boolean existing = Files.exists(file, LinkOption.NOFOLLOW_LINKS) && Files.size(file) > 0;
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
          StandardOpenOption.READ, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
      ImportJournal journal = new ImportJournal(file, channel);
      try {
        if (existing) {
          long end = journal.read(target);
          channel.truncate(end);
          channel.position(end);
        } else {
          journal.line(FORMAT);
          journal.line("T", target.bucket(), target.kind(), target.prefix(), target.source());
          journal.out.flush();
        }
      } catch (RuntimeException | IOException e) {
        channel.close();
        throw e;
      }
      return journal;
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot open journal '%s'", file), e);
    }
  }

  /** Returns whether an earlier run stored {@code name} with this size and modification time. */
  boolean alreadyStored(String name, long size, long modifiedMillis) {
    long[] digest = digest(name, size, modifiedMillis);
    return stored.contains(digest[0], digest[1]);
  }

  /** Returns how many files the journal records as stored. */
  int storedCount() {
    return stored.size();
  }

  synchronized void stored(String name, long size, long modifiedMillis, String crc32c,
      String eTag) {
    line("S", name, Long.toString(size), Long.toString(modifiedMillis),
        crc32c == null ? "-" : crc32c, eTag);
    flush();
  }

  synchronized void failed(String name, String reason) {
    line("F", name, reason);
    flush();
  }

  synchronized void skipped(String name, String reason) {
    line("K", name, reason);
    flush();
  }

  /** Reads the journal; returns where its last whole line ends. */
  private long read(Target target) throws IOException {
    LineReader lines = new LineReader(new java.io.BufferedInputStream(
        Channels.newInputStream(channel), 1 << 16), file);
    String format = lines.next();
    Require.argument(FORMAT.equals(format), "journal '%s' is not a Stockroom import journal "
        + "(first line '%s' expected)", file, FORMAT);
    String[] header = fields(lines.next(), lines.number(), 5);
    Require.argument(header[0].equals("T"), "journal '%s' line %s must be the target line",
        file, lines.number());
    Target recorded = new Target(header[1], header[2], header[3], header[4]);
    Require.argument(recorded.equals(target), "journal '%s' was written for bucket '%s', kind %s, "
        + "prefix '%s', source %s; this import is for bucket '%s', kind %s, prefix '%s', source "
        + "%s: use another journal file", file, recorded.bucket(), recorded.kind(),
        recorded.prefix(), recorded.source(), target.bucket(), target.kind(), target.prefix(),
        target.source());
    for (String line = lines.next(); line != null; line = lines.next()) {
      record(line, lines.number());
    }
    return lines.wholeLinesEnd();
  }

  private void record(String line, long number) {
    String type = line.isEmpty() ? "" : line.substring(0, 1);
    switch (type) {
      case "S" -> {
        String[] f = fields(line, number, 6);
        long[] digest = digest(f[1], number(f[2], number), number(f[3], number));
        stored.add(digest[0], digest[1]);
      }
      case "F", "K" -> fields(line, number, 3);
      default -> throw new IllegalArgumentException(Require.format("journal '%s' line %s is not "
          + "a journal line: '%s'", file, number, line));
    }
  }

  private String[] fields(String line, long number, int count) {
    Require.argument(line != null, "journal '%s' ends before line %s", file, number);
    String[] raw = line.split("\t", -1);
    Require.argument(raw.length == count, "journal '%s' line %s must have %s fields, but has %s",
        file, number, count, raw.length);
    String[] decoded = new String[count];
    for (int i = 0; i < count; i++) {
      try {
        decoded[i] = URLDecoder.decode(raw[i], StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(Require.format("journal '%s' line %s has a field that "
            + "is not percent-encoded", file, number), e);
      }
    }
    return decoded;
  }

  private long number(String text, long line) {
    try {
      long value = Long.parseLong(text);
      Require.argument(value >= 0, "journal '%s' line %s has a negative number", file, line);
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(Require.format("journal '%s' line %s has '%s' where a "
          + "number belongs", file, line, text), e);
    }
  }

  private void line(String... fields) {
    try {
      for (int i = 0; i < fields.length; i++) {
        if (i > 0) {
          out.write('\t');
        }
        out.write(URLEncoder.encode(fields[i], StandardCharsets.UTF_8));
      }
      out.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot write journal '%s'", file), e);
    }
  }

  private void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot write journal '%s'", file), e);
    }
  }

  /** Writes what is pending and forces it to disk. */
  @Override
  public synchronized void close() {
    try (channel) {
      out.flush();
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot write journal '%s'", file), e);
    }
  }

  private static long[] digest(String name, long size, long modifiedMillis) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(name.getBytes(StandardCharsets.UTF_8));
      sha.update(ByteBuffer.allocate(17).put((byte) 0).putLong(size).putLong(modifiedMillis)
          .array());
      ByteBuffer digest = ByteBuffer.wrap(sha.digest());
      return new long[] {digest.getLong(), digest.getLong()};
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Reads lines of at most {@link #MAX_LINE} bytes; a last line without its newline (cut short by
   * a crash) is not returned, and {@link #wholeLinesEnd()} says where the whole lines end.
   */
  private static final class LineReader {
    private final InputStream in;
    private final Path file;
    private final byte[] line = new byte[MAX_LINE];
    private long position;
    private long wholeLinesEnd;
    private long number;

    LineReader(InputStream in, Path file) {
      this.in = in;
      this.file = file;
    }

    String next() throws IOException {
      int length = 0;
      for (int b = in.read(); b >= 0; b = in.read()) {
        position++;
        if (b == '\n') {
          number++;
          wholeLinesEnd = position;
          return new String(line, 0, length, StandardCharsets.UTF_8);
        }
        Require.argument(length < MAX_LINE, "journal '%s' line %s is longer than %s bytes", file,
            number + 1, MAX_LINE);
        line[length++] = (byte) b;
      }
      return null;
    }

    long number() {
      return number;
    }

    long wholeLinesEnd() {
      return wholeLinesEnd;
    }
  }
}
