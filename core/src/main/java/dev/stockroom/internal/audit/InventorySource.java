package dev.stockroom.internal.audit;

import dev.stockroom.internal.BoundedLines;
import dev.stockroom.internal.CountingInput;
import dev.stockroom.internal.EncodedKeys;
import dev.stockroom.validation.Require;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An S3 Inventory report (CSV) as an object source: each data file is streamed through gzip and
 * the CSV parser one row at a time, and checked against the size and MD5 the manifest gives once
 * read to its end. Every field is checked; a row that is not one S3 writes fails the audit with the
 * file, line, column and value, never a silent skip.
 */
final class InventorySource implements ObjectSource {

  /** Longer than any row S3 writes: a 1,024-byte key URL-encoded is at most 9 KiB. */
  private static final int MAX_LINE = 64 * 1024;
  private static final Pattern STORAGE_CLASS = Pattern.compile("[A-Z][A-Z_]{0,63}");
  private static final Set<String> ENCRYPTIONS = Set.of(ObjectRecord.NOT_SSE, ObjectRecord.SSE_S3,
      ObjectRecord.SSE_KMS, ObjectRecord.DSSE_KMS, ObjectRecord.SSE_C);

  private final InventoryLocation location;
  private final String bucket;
  private final String prefix;
  private final Predicate<String> ownFiles;
  private InventoryManifest manifest;

  InventorySource(InventoryLocation location, String bucket, String prefix,
      Predicate<String> ownFiles) {
    this.location = location;
    this.bucket = bucket;
    this.prefix = prefix;
    this.ownFiles = ownFiles;
  }

  /** Reads and checks the manifest; the audit calls it first so a bad manifest writes nothing. */
  InventoryManifest manifest() {
    if (manifest == null) {
      byte[] json = location.manifest();
      location.manifestChecksum().ifPresent(expected -> Require.argument(
          expected.equalsIgnoreCase(md5(json)), "inventory manifest %s does not match its "
              + "manifest.checksum (%s): it was altered or cut short", location.describe(),
          expected));
      InventoryManifest parsed = InventoryManifest.parse(json, location.describe());
      location.check(json);
      Require.argument(parsed.sourceBucket().equals(bucket), "inventory manifest %s lists bucket "
          + "'%s', not '%s'", location.describe(), parsed.sourceBucket(), bucket);
      manifest = parsed;
    }
    return manifest;
  }

  @Override
  public long read(Consumer<ObjectRecord> sink) {
    Columns columns = new Columns(manifest());
    long skipped = 0;
    for (InventoryManifest.DataFile file : manifest.files()) {
      skipped += read(file, columns, sink);
    }
    return skipped;
  }

  private long read(InventoryManifest.DataFile file, Columns columns,
      Consumer<ObjectRecord> sink) {
    MessageDigest md5 = md5();
    long skipped = 0;
    InventoryLocation.Opened opened = location.open(file);
    // a short or long file is refused before a byte of it is parsed; the MD5 comes at the end
    if (opened.size() >= 0 && opened.size() != file.size()) {
      closeQuietly(opened.bytes());
      verify(file, opened.size(), file.md5());
    }
    try (InputStream raw = opened.bytes();
        CountingInput counted = new CountingInput(new DigestInputStream(raw, md5));
        CSVParser rows = CSVFormat.DEFAULT.parse(new BoundedLines(new BufferedReader(
            new InputStreamReader(new GZIPInputStream(counted), StandardCharsets.UTF_8)),
            MAX_LINE, "inventory data file '" + file.key() + "'"))) {
      for (CSVRecord row : rows) {
        ObjectRecord object = columns.record(row, file.key());
        if (object == null || ownFiles.test(object.key())) {
          skipped++;
        } else if (object.key().startsWith(prefix)) {
          sink.accept(object);
        }
      }
      counted.transferTo(OutputStream.nullOutputStream());
      verify(file, counted.count(), HexFormat.of().formatHex(md5.digest()));
    } catch (java.util.zip.ZipException | java.io.EOFException e) {
      throw notGzip(file, e);
    } catch (UncheckedIOException e) {
      // the CSV parser's iterator wraps what the gzip stream throws
      if (e.getCause() instanceof java.util.zip.ZipException
          || e.getCause() instanceof java.io.EOFException) {
        throw notGzip(file, e.getCause());
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException(
          Require.format("cannot read inventory data file '%s'", file.key()), e);
    } catch (IllegalStateException e) {
      // commons-csv reports a malformed record (an open quote at the end) this way
      throw new IllegalArgumentException(Require.format("inventory data file '%s' is not valid "
          + "CSV: %s", file.key(), e.getMessage()), e);
    }
    return skipped;
  }

  private static IllegalArgumentException notGzip(InventoryManifest.DataFile file, Throwable e) {
    return new IllegalArgumentException(Require.format("inventory data file '%s' is not a "
        + "complete gzip file (%s): it was altered or cut short", file.key(), e.getMessage()), e);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the file is refused next; closing it is best effort
    }
  }

  private static void verify(InventoryManifest.DataFile file, long size, String md5) {
    Require.argument(size == file.size(), "inventory data file '%s' is %s bytes where the manifest "
        + "says %s: it was altered or cut short", file.key(), size, file.size());
    Require.argument(md5.equalsIgnoreCase(file.md5()), "inventory data file '%s' has MD5 %s where "
        + "the manifest says %s: it was altered", file.key(), md5, file.md5());
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }

  private static String md5(byte[] bytes) {
    return HexFormat.of().formatHex(md5().digest(bytes));
  }

  /** The manifest's columns, and the checks of each field in a row. */
  private final class Columns {

    private final int width;
    private final int bucketColumn;
    private final int key;
    private final int versionId;
    private final int isLatest;
    private final int deleteMarker;
    private final int size;
    private final int lastModified;
    private final int eTag;
    private final int storageClass;
    private final int encryption;
    private final int bucketKey;
    private final int lockMode;
    private final int retainUntil;

    Columns(InventoryManifest manifest) {
      this.width = manifest.schema().size();
      this.bucketColumn = manifest.column("Bucket");
      this.key = manifest.column("Key");
      this.versionId = manifest.column("VersionId");
      this.isLatest = manifest.column("IsLatest");
      this.deleteMarker = manifest.column("IsDeleteMarker");
      this.size = manifest.column("Size");
      this.lastModified = manifest.column("LastModifiedDate");
      this.eTag = manifest.column("ETag");
      this.storageClass = manifest.column("StorageClass");
      this.encryption = manifest.column("EncryptionStatus");
      this.bucketKey = manifest.column("BucketKeyStatus");
      this.lockMode = manifest.column("ObjectLockMode");
      this.retainUntil = manifest.column("ObjectLockRetainUntilDate");
    }

    /** Returns the row's object, or null for a noncurrent version or a delete marker. */
    ObjectRecord record(CSVRecord row, String file) {
      Row fields = new Row(row, file);
      Require.argument(row.size() == width, "inventory data file '%s' line %s has %s columns where "
          + "the manifest's fileSchema has %s", file, row.getRecordNumber(), row.size(), width);
      Require.argument(fields.get(bucketColumn, "Bucket").equals(bucket), "inventory data file "
          + "'%s' line %s lists bucket '%s', not '%s'", file, row.getRecordNumber(),
          fields.get(bucketColumn, "Bucket"), bucket);
      String decodedKey = fields.key(key);
      if (!fields.bool(isLatest, "IsLatest", true) || fields.bool(deleteMarker, "IsDeleteMarker",
          false)) {
        return null;
      }
      String sse = fields.optional(encryption);
      Require.argument(sse == null || ENCRYPTIONS.contains(sse), "inventory data file '%s' line %s "
          + "has EncryptionStatus '%s'", file, row.getRecordNumber(), sse);
      return new ObjectRecord(decodedKey, fields.optional(versionId), fields.size(size),
          fields.instant(lastModified, "LastModifiedDate"), fields.optional(eTag),
          fields.storageClass(storageClass), sse, null, fields.bucketKey(bucketKey),
          fields.lockMode(lockMode), fields.instant(retainUntil, "ObjectLockRetainUntilDate"),
          null, null);
    }
  }

  /** One row's fields, each parsed with its column named in errors. */
  private record Row(CSVRecord row, String file) {

    String get(int column, String name) {
      return column < 0 ? "" : row.get(column);
    }

    String optional(int column) {
      String value = get(column, "");
      return column < 0 || value.isEmpty() ? null : value;
    }

    String key(int column) {
      String encoded = get(column, "Key");
      return EncodedKeys.decode(encoded).orElseThrow(() -> bad("Key", encoded,
          "a URL-encoded key of 1 to 1,024 UTF-8 bytes"));
    }

    boolean bool(int column, String name, boolean absent) {
      String value = get(column, name);
      if (column < 0 || value.isEmpty()) {
        return absent;
      }
      return switch (value.toLowerCase(Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw bad(name, value, "true or false");
      };
    }

    long size(int column) {
      String value = get(column, "Size");
      if (column < 0 || value.isEmpty()) {
        return 0;
      }
      try {
        long size = Long.parseLong(value);
        if (size >= 0) {
          return size;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw bad("Size", value, "a byte count");
    }

    Instant instant(int column, String name) {
      String value = get(column, name);
      if (column < 0 || value.isEmpty()) {
        return null;
      }
      try {
        return Instant.parse(value);
      } catch (DateTimeParseException e) {
        throw bad(name, value, "an ISO-8601 time");
      }
    }

    String storageClass(int column) {
      String value = get(column, "StorageClass");
      if (column < 0) {
        return null;
      }
      if (value.isEmpty()) {
        return "STANDARD";
      }
      if (!STORAGE_CLASS.matcher(value).matches()) {
        throw bad("StorageClass", value, "a storage class");
      }
      return value;
    }

    Boolean bucketKey(int column) {
      String value = get(column, "BucketKeyStatus");
      if (column < 0 || value.isEmpty()) {
        return null;
      }
      return switch (value.toUpperCase(Locale.ROOT)) {
        case "ENABLED" -> true;
        case "DISABLED" -> false;
        default -> throw bad("BucketKeyStatus", value, "ENABLED or DISABLED");
      };
    }

    String lockMode(int column) {
      String value = get(column, "ObjectLockMode");
      if (column < 0) {
        return null;
      }
      String mode = value.toUpperCase(Locale.ROOT);
      if (!mode.isEmpty() && !mode.equals("COMPLIANCE") && !mode.equals("GOVERNANCE")) {
        throw bad("ObjectLockMode", value, "COMPLIANCE, GOVERNANCE or empty");
      }
      return mode;
    }

    private IllegalArgumentException bad(String name, String value, String expected) {
      return new IllegalArgumentException(Require.format("inventory data file '%s' line %s has %s "
          + "'%s' where %s belongs", file, row.getRecordNumber(), name, value, expected));
    }
  }
}
