package dev.stockroom.internal.protection;

import dev.stockroom.internal.BoundedLines;
import dev.stockroom.internal.EncodedKeys;
import dev.stockroom.policy.DataClass;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.protection.BackupTier;
import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * A backup manifest: header lines naming the backup, its tier, the buckets and the copies'
 * prefix, then one CSV line per object (key URL-encoded, in S3's listing order), then a signature
 * line: HMAC-SHA256 of every byte before it, under a key derived from Stockroom's protection key.
 *
 * <p>A manifest decides what a restore writes into the shop's bucket and which copies a backup
 * reuses, so it is read back as untrusted input: the signature is checked before anything else
 * (an altered manifest, or one signed with another key, is refused whole), then the header must
 * name the backup, tier, buckets and prefix expected, and every line is checked (a key of a
 * transactional kind, sizes, checksums, versions, strictly increasing keys); the first bad one
 * fails the read, naming the manifest, line, column and value.
 */
final class ManifestFile {

  static final String TITLE = "# stockroom backup manifest 1";
  private static final String[] COLUMNS = {"key", "source_version", "size", "etag", "checksum",
      "backup_version"};
  private static final String SIGNATURE = "# signature: hmac-sha256:";
  private static final int SIGNATURE_LINE = SIGNATURE.length() + 64 + 1;
  private static final byte[] LABEL = "stockroom/backup-manifest/v1"
      .getBytes(StandardCharsets.UTF_8);
  private static final int HEADER_LINES = 9;
  private static final int MAX_LINE = 16 * 1024;
  private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,1024}");
  static final Pattern CHECKSUM = Pattern.compile(
      "(CRC32|CRC32C|CRC64NVME|SHA1|SHA256):[A-Za-z0-9+/]{4,86}={0,2}");

  private ManifestFile() {}

  /** Returns the manifest signing key derived from {@code protectionKey}. */
  static byte[] signingKey(byte[] protectionKey) {
    return KeyHasher.hmac(protectionKey, LABEL);
  }

  /**
   * Writes a manifest: rows to a temporary body as they come, then {@link #sign} puts the header
   * (known only at the end: it counts the failures) in front and the signature behind. Closing
   * deletes both files.
   */
  static final class Writer implements AutoCloseable {

    private final Path body;
    private final CSVPrinter printer;
    private Path file;
    private String last;
    private long objects;
    private long bytes;

    Writer() {
      try {
        this.body = Files.createTempFile("stockroom-backup-", ".rows");
        this.printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get()
            .print(Files.newBufferedWriter(body, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write a backup manifest", e);
      }
    }

    /** Adds a row; rows come in S3's listing order. */
    void add(ManifestRow row) {
      if (last != null && Utf8Order.INSTANCE.compare(last, row.key()) >= 0) {
        throw new IllegalStateException("backup manifest rows out of order");
      }
      last = row.key();
      try {
        printer.printRecord(EncodedKeys.encode(row.key()), orEmpty(row.sourceVersion()),
            row.size(), orEmpty(row.eTag()), orEmpty(row.checksum()),
            orEmpty(row.backupVersion()));
      } catch (IOException e) {
        throw new UncheckedIOException(
            Require.format("cannot write backup manifest '%s'", body), e);
      }
      objects++;
      bytes += row.size();
    }

    long objects() {
      return objects;
    }

    long bytes() {
      return bytes;
    }

    /** Writes the manifest with {@code header}, signed under {@code key}; returns its file. */
    Path sign(ManifestHeader header, byte[] key) {
      try {
        printer.close(true);
        file = Files.createTempFile("stockroom-backup-", ".manifest");
        try (var out = Files.newOutputStream(file)) {
          out.write((TITLE + "\n# backup: " + header.backupId() + "\n# tier: " + header.tier()
              + "\n# source: " + header.source() + "\n# target: " + header.target()
              + "\n# copies: " + EncodedKeys.encode(header.copyPrefix()) + "\n# taken: "
              + header.taken() + "\n# failed: " + header.failed() + "\n# job: "
              + (header.job() == null ? "-" : header.job()) + "\n" + String.join(",", COLUMNS)
              + "\n").getBytes(StandardCharsets.UTF_8));
          Files.copy(body, out);
        }
        String signature = HexFormat.of().formatHex(mac(key, file, Files.size(file)));
        Files.writeString(file, SIGNATURE + signature + "\n", StandardCharsets.US_ASCII,
            StandardOpenOption.APPEND);
        return file;
      } catch (IOException e) {
        throw new UncheckedIOException(
            Require.format("cannot write backup manifest '%s'", file), e);
      }
    }

    /** Deletes the temporary files. */
    @Override
    public void close() {
      try {
        printer.close();
      } catch (IOException ignored) {
        // the file is deleted next
      }
      delete(body);
      if (file != null) {
        delete(file);
      }
    }

    private static String orEmpty(String value) {
      return value == null ? "" : value;
    }
  }

  static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a temporary file left behind is named as one
    }
  }

  /**
   * What a manifest read back must say of itself.
   *
   * @param backupId its backup's id, or null to take any of the tier
   * @param tier its tier
   * @param source the bucket backed up
   * @param target the bucket of the copies
   * @param copyPrefix the copies' prefix
   */
  record Expected(String backupId, BackupTier tier, String source, String target,
      String copyPrefix) {}

  /**
   * Checks the signature of the manifest in {@code file} (downloaded from {@code where}) and cuts
   * it off, leaving the signed text.
   *
   * @throws IllegalArgumentException if the signature is missing or does not match
   */
  static void verify(Path file, byte[] key, String where) {
    try {
      long size = Files.size(file);
      Require.argument(size > SIGNATURE_LINE, "backup manifest %s has no signature line: not a "
          + "manifest Stockroom wrote, refused", where);
      byte[] tail = new byte[SIGNATURE_LINE];
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        channel.position(size - SIGNATURE_LINE);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(tail);
        while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
          // read the whole tail
        }
      }
      String line = new String(tail, StandardCharsets.US_ASCII);
      Require.argument(line.startsWith(SIGNATURE) && line.endsWith("\n"), "backup manifest %s "
          + "does not end with its signature line: it was cut short or altered, refused", where);
      byte[] expected = mac(key, file, size - SIGNATURE_LINE);
      byte[] given;
      try {
        given = HexFormat.of().parseHex(line, SIGNATURE.length(), SIGNATURE_LINE - 1);
      } catch (IllegalArgumentException e) {
        given = new byte[0];
      }
      Require.argument(MessageDigest.isEqual(expected, given), "backup manifest %s does not "
          + "match its signature: it was altered after Stockroom wrote it, or signed with another "
          + "protectionKey; refused", where);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
        channel.truncate(size - SIGNATURE_LINE);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read backup manifest " + where, e);
    }
  }

  private static byte[] mac(byte[] key, Path file, long length) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] buffer = new byte[64 * 1024];
      long left = length;
      while (left > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read < 0) {
          break;
        }
        mac.update(buffer, 0, read);
        left -= read;
      }
      return mac.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  /** The rows of a verified manifest, each checked as it is read. */
  static final class Reader implements Iterator<ManifestRow>, AutoCloseable {

    private final String where;
    private final PolicyCatalog policies;
    private final BufferedReader in;
    private final ManifestHeader header;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private String last;

    /**
     * Opens the verified manifest {@code file} and checks its header against {@code expected}.
     *
     * @throws IllegalArgumentException naming what in the header is wrong
     */
    Reader(Path file, Expected expected, PolicyCatalog policies, String where) {
      this.where = where;
      this.policies = policies;
      try {
        this.in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read backup manifest " + where, e);
      }
      try {
        this.header = header(in, expected);
        this.parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(new BoundedLines(in, MAX_LINE, "backup manifest " + where));
        Require.argument(parser.getHeaderNames().equals(List.of(COLUMNS)), "backup manifest %s "
            + "has columns %s, not %s", where, parser.getHeaderNames(), String.join(",", COLUMNS));
        this.records = parser.iterator();
      } catch (IOException e) {
        closeQuietly(in);
        throw new UncheckedIOException("cannot read backup manifest " + where, e);
      } catch (IllegalStateException | UncheckedIOException e) {
        closeQuietly(in);
        throw new IllegalArgumentException(Require.format("backup manifest %s is not valid CSV: "
            + "%s", where, e.getMessage()), e);
      } catch (RuntimeException e) {
        closeQuietly(in);
        throw e;
      }
    }

    ManifestHeader header() {
      return header;
    }

    private ManifestHeader header(BufferedReader in, Expected expected) throws IOException {
      String[] values = new String[HEADER_LINES];
      String[] names = {null, "backup", "tier", "source", "target", "copies", "taken", "failed",
          "job"};
      for (int i = 0; i < HEADER_LINES; i++) {
        String line = in.readLine();
        if (i == 0) {
          Require.argument(TITLE.equals(line), "backup manifest %s does not start with '%s'",
              where, TITLE);
          continue;
        }
        String prefix = "# " + names[i] + ": ";
        Require.argument(line != null && line.startsWith(prefix), "backup manifest %s line %s "
            + "is '%s' where '%s…' belongs", where, i + 1, line, prefix);
        values[i] = line.substring(prefix.length());
      }
      expect(expected.backupId() == null || expected.backupId().equals(values[1]), "backup",
          values[1], expected.backupId());
      expect(expected.tier().name().equals(values[2]), "tier", values[2], expected.tier());
      expect(expected.source().equals(values[3]), "source", values[3], expected.source());
      expect(expected.target().equals(values[4]), "target", values[4], expected.target());
      String copies = EncodedKeys.decode(values[5]).orElse(null);
      expect(expected.copyPrefix().equals(copies), "copies", values[5],
          EncodedKeys.encode(expected.copyPrefix()));
      try {
        long failed = Long.parseLong(values[7]);
        Require.argument(failed >= 0, "negative");
        String job = values[8].equals("-") ? null : values[8];
        Require.argument(job == null || PRINTABLE.matcher(job).matches(), "job");
        return new ManifestHeader(values[1], expected.tier(), values[3], values[4],
            expected.copyPrefix(), Instant.parse(values[6]), failed, job);
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException(Require.format("backup manifest %s has taken '%s', "
            + "failed '%s', job '%s': not the time, count and job id a manifest holds", where,
            values[6], values[7], values[8]), e);
      }
    }

    private void expect(boolean check, String field, String value, Object wanted) {
      Require.argument(check, "backup manifest %s names %s '%s', not '%s': it belongs to another "
          + "backup, refused", where, field, value, wanted);
    }

    @Override
    public boolean hasNext() {
      try {
        return records.hasNext();
      } catch (IllegalStateException | UncheckedIOException e) {
        throw new IllegalArgumentException(Require.format("backup manifest %s is not valid CSV: "
            + "%s", where, e.getMessage()), e);
      }
    }

    @Override
    public ManifestRow next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      CSVRecord record = records.next();
      long line = record.getRecordNumber() + HEADER_LINES + 1;
      Require.argument(record.size() == COLUMNS.length, "backup manifest %s line %s has %s "
          + "columns, not %s", where, line, record.size(), COLUMNS.length);
      String encoded = record.get(0);
      String key = EncodedKeys.decode(encoded).orElseThrow(() -> bad(line, "key", encoded,
          "a URL-encoded key"));
      boolean transactional = ObjectKeys.problem(key).isEmpty() && policies.find(key)
          .filter(policy -> policy.dataClass() == DataClass.TRANSACTIONAL).isPresent();
      if (!transactional) {
        throw bad(line, "key", encoded, "a key of a transactional kind");
      }
      if (last != null && Utf8Order.INSTANCE.compare(last, key) >= 0) {
        throw bad(line, "key", encoded, "a key after the line before's (keys are in S3's "
            + "listing order, each once)");
      }
      last = key;
      long size;
      try {
        size = Long.parseLong(record.get(2));
      } catch (NumberFormatException e) {
        size = -1;
      }
      if (size < 0) {
        throw bad(line, "size", record.get(2), "a byte count");
      }
      String checksum = record.get(4);
      if (!checksum.isEmpty() && !CHECKSUM.matcher(checksum).matches()) {
        throw bad(line, "checksum", checksum, "<CRC32|CRC32C|CRC64NVME|SHA1|SHA256>:<base64>");
      }
      String backupVersion = optional(line, record, 5, "backup_version");
      if (backupVersion == null && header.job() == null) {
        throw bad(line, "backup_version", "", "the version of the copy");
      }
      return new ManifestRow(key, optional(line, record, 1, "source_version"), size,
          optional(line, record, 3, "etag"), checksum.isEmpty() ? null : checksum,
          backupVersion);
    }

    private String optional(long line, CSVRecord record, int column, String name) {
      String value = record.get(column);
      if (value.isEmpty()) {
        return null;
      }
      if (!PRINTABLE.matcher(value).matches()) {
        throw bad(line, name, value, "printable ASCII without spaces");
      }
      return value;
    }

    private IllegalArgumentException bad(long line, String column, String value,
        String expected) {
      return new IllegalArgumentException(Require.format("backup manifest %s line %s has %s "
          + "'%s' where %s belongs", where, line, column, value, expected));
    }

    @Override
    public void close() {
      try {
        parser.close();
      } catch (IOException ignored) {
        // read only; nothing is lost
      }
      closeQuietly(in);
    }

    private static void closeQuietly(BufferedReader reader) {
      try {
        reader.close();
      } catch (IOException ignored) {
        // read only; nothing is lost
      }
    }
  }
}
