package dev.stockroom.internal.audit;

import dev.stockroom.internal.BoundedLines;
import dev.stockroom.internal.EncodedKeys;
import dev.stockroom.audit.Finding;
import dev.stockroom.validation.Require;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The findings file: one CSV line per object with findings, keys URL-encoded (a key may hold
 * commas, quotes and newlines), after two comment lines naming the bucket and the time of the
 * audit. Written to a temporary file beside the target and moved into place when the audit
 * completes, so a failed audit leaves no partial file. Read back as untrusted input: every field is
 * checked and a bad line fails the whole read, naming its number, column and value.
 */
final class FindingsFile {

  static final String TITLE = "# Stockroom audit findings";
  private static final String BUCKET = "# bucket: ";
  private static final String AUDITED = "# audited: ";
  private static final String[] HEADER = {"findings", "key", "version_id", "upload_id", "size",
      "last_modified", "etag", "storage_class"};
  private static final int MAX_LINE = 16 * 1024;
  private static final Pattern STORAGE_CLASS = Pattern.compile("[A-Z][A-Z_]{0,63}");
  private static final Pattern PRINTABLE = Pattern.compile("[\\x21-\\x7e]{1,1024}");

  private FindingsFile() {}

  /** Writes findings to a temporary file, moved over the target by {@link #commit()}. */
  static final class Writer implements Consumer<FindingRow>, AutoCloseable {

    private final Path target;
    private final Path temporary;
    private final CSVPrinter printer;
    private boolean committed;

    Writer(Path target, String bucket, Instant audited) {
      this.target = target.toAbsolutePath().normalize();
      refuseNonRegular(this.target);
      try {
        Path directory = this.target.getParent();
        this.temporary = Files.createTempFile(directory, ".stockroom-findings-", ".tmp");
        BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
        out.write(TITLE + "\n" + BUCKET + bucket + "\n" + AUDITED + audited + "\n");
        this.printer = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').setHeader(HEADER)
            .get().print(out);
      } catch (IOException e) {
        throw new UncheckedIOException(
            Require.format("cannot write findings file '%s'", target), e);
      }
    }

    private static void refuseNonRegular(Path target) {
      if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
        Require.argument(Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS), "findingsFile "
            + "'%s' exists and is not a regular file (links and directories are not replaced)",
            target);
      }
    }

    @Override
    public void accept(FindingRow row) {
      try {
        printer.printRecord(row.findings().stream().map(Enum::name)
            .collect(Collectors.joining(" ")), encode(row.key()), orEmpty(row.versionId()),
            orEmpty(row.uploadId()), row.size(), orEmpty(row.lastModified()), orEmpty(row.eTag()),
            orEmpty(row.storageClass()));
      } catch (IOException e) {
        throw new UncheckedIOException(
            Require.format("cannot write findings file '%s'", target), e);
      }
    }

    /** Moves the complete file into place. */
    void commit() {
      try {
        printer.close(true);
        Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING,
            StandardCopyOption.ATOMIC_MOVE);
        committed = true;
      } catch (IOException e) {
        throw new UncheckedIOException(
            Require.format("cannot write findings file '%s'", target), e);
      }
    }

    /** Removes the temporary file unless it was committed. */
    @Override
    public void close() {
      if (!committed) {
        try {
          printer.close();
        } catch (IOException ignored) {
          // the file is deleted next; its content no longer matters
        }
        try {
          Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless and named as one
        }
      }
    }

    private static String orEmpty(Object value) {
      return value == null ? "" : value.toString();
    }
  }

  static String encode(String key) {
    return EncodedKeys.encode(key);
  }

  /** The findings file's header: the bucket audited and when the audit started. */
  record Header(String bucket, Instant audited) {}

  /**
   * Reads the findings file, passing each checked line to {@code sink}; returns its header.
   * Nothing is passed on before the header is checked; a bad line stops the read.
   *
   * @throws IllegalArgumentException naming the line, column and value of what is not a finding
   */
  static Header read(Path file, String expectedBucket, Consumer<FindingRow> sink) {
    Path path = file.toAbsolutePath().normalize();
    try (BufferedReader in = open(path)) {
      Header header = header(in, path);
      Require.argument(header.bucket().equals(expectedBucket), "findings file '%s' is of bucket "
          + "'%s', not '%s'", path, header.bucket(), expectedBucket);
      try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
          .get().parse(new BoundedLines(in, MAX_LINE, "findings file '" + path + "'"))) {
        Require.argument(parser.getHeaderNames().equals(java.util.List.of(HEADER)), "findings "
            + "file '%s' has columns %s, not %s", path, parser.getHeaderNames(),
            String.join(",", HEADER));
        Iterator<CSVRecord> records = parser.iterator();
        while (records.hasNext()) {
          sink.accept(row(records.next(), path));
        }
      }
      return header;
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot read findings file '%s'", path), e);
    } catch (IllegalStateException e) {
      throw new IllegalArgumentException(Require.format("findings file '%s' is not valid CSV: %s",
          path, e.getMessage()), e);
    }
  }

  /** Returns the SHA-256 of the file's bytes, in hex: a plan holds it to spot a changed file. */
  static String digest(Path file) {
    Path path = file.toAbsolutePath().normalize();
    try (InputStream in = openBytes(path)) {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        sha256.update(buffer, 0, read);
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot read findings file '%s'", path), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  private static BufferedReader open(Path path) throws IOException {
    return new BufferedReader(new InputStreamReader(openBytes(path), StandardCharsets.UTF_8));
  }

  private static InputStream openBytes(Path path) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    Require.argument(attributes.isRegularFile(), "findings file '%s' is not a regular file (links "
        + "and special files are not read)", path);
    return Files.newInputStream(path, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }

  private static Header header(BufferedReader in, Path path) throws IOException {
    String title = in.readLine();
    Require.argument(TITLE.equals(title), "findings file '%s' does not start with '%s': not a "
        + "file a Stockroom audit wrote", path, TITLE);
    String bucket = in.readLine();
    Require.argument(bucket != null && bucket.startsWith(BUCKET), "findings file '%s' has no "
        + "'%s' line", path, BUCKET.strip());
    String audited = in.readLine();
    Require.argument(audited != null && audited.startsWith(AUDITED), "findings file '%s' has no "
        + "'%s' line", path, AUDITED.strip());
    String time = audited.substring(AUDITED.length());
    try {
      return new Header(bucket.substring(BUCKET.length()), Instant.parse(time));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(Require.format("findings file '%s' has audited '%s' "
          + "where an ISO-8601 time belongs", path, time), e);
    }
  }

  private static FindingRow row(CSVRecord record, Path path) {
    Fields fields = new Fields(record, path);
    Require.argument(record.size() == HEADER.length, "findings file '%s' line %s has %s columns, "
        + "not %s", path, fields.line(), record.size(), HEADER.length);
    Set<Finding> findings = fields.findings();
    String uploadId = fields.printable("upload_id");
    boolean upload = findings.contains(Finding.STALE_MULTIPART_UPLOAD);
    Require.argument(upload == (uploadId != null) && (!upload || findings.size() == 1),
        "findings file '%s' line %s has findings '%s' with upload_id '%s': an upload_id goes with "
            + "STALE_MULTIPART_UPLOAD alone", path, fields.line(), record.get("findings"),
        record.get("upload_id"));
    return new FindingRow(findings, fields.key(), fields.printable("version_id"), uploadId,
        fields.size(), fields.instant(), fields.printable("etag"), fields.storageClass());
  }

  /** One line's fields, each checked with its column named in errors. */
  private record Fields(CSVRecord record, Path path) {

    long line() {
      // three comment lines and the header come before the first record
      return record.getRecordNumber() + 4;
    }

    Set<Finding> findings() {
      String value = record.get("findings");
      Set<Finding> findings = EnumSet.noneOf(Finding.class);
      for (String name : value.split(" ")) {
        try {
          findings.add(Finding.valueOf(name));
        } catch (IllegalArgumentException e) {
          throw bad("findings", value, "finding names separated by spaces");
        }
      }
      return findings;
    }

    String key() {
      String encoded = record.get("key");
      return EncodedKeys.decode(encoded).orElseThrow(() -> bad("key", encoded,
          "a URL-encoded key of 1 to 1,024 UTF-8 bytes"));
    }

    String printable(String column) {
      String value = record.get(column);
      if (value.isEmpty()) {
        return null;
      }
      if (!PRINTABLE.matcher(value).matches()) {
        throw bad(column, value, "printable ASCII without spaces, at most 1,024 characters");
      }
      return value;
    }

    long size() {
      String value = record.get("size");
      try {
        long size = Long.parseLong(value);
        if (size >= 0) {
          return size;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad("size", value, "a byte count");
    }

    Instant instant() {
      String value = record.get("last_modified");
      if (value.isEmpty()) {
        return null;
      }
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw bad("last_modified", value, "an ISO-8601 time");
      }
    }

    String storageClass() {
      String value = record.get("storage_class");
      if (value.isEmpty()) {
        return null;
      }
      if (!STORAGE_CLASS.matcher(value).matches()) {
        throw bad("storage_class", value, "a storage class");
      }
      return value;
    }

    private IllegalArgumentException bad(String column, String value, String expected) {
      return new IllegalArgumentException(Require.format("findings file '%s' line %s has %s '%s' "
          + "where %s belongs", path, line(), column, value, expected));
    }
  }
}
