package dev.stockroom.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes an S3 Inventory report as S3 does, for tests of code that reads one: gzipped CSV data
 * files (every field quoted, keys URL-encoded, no header row) and a {@code manifest.json} naming
 * them with their sizes and MD5 checksums, plus {@code manifest.checksum}. Add rows in the
 * schema's column order with {@link #row}, then {@link #finish}.
 *
 * <pre>{@code
 * try (InventoryFixture inventory = InventoryFixture.create(dir, "shop-assets",
 *     "Bucket, Key, Size, LastModifiedDate, ETag, StorageClass, EncryptionStatus", 250_000)) {
 *   inventory.row("shop-assets", "media/product-images/a.jpg", "1024", "2026-01-01T00:00:00.000Z",
 *       "0cc175b9c0f1b6a831c399e269772661", "STANDARD", "SSE-KMS");
 *   Path manifest = inventory.finish();
 * }
 * }</pre>
 */
public final class InventoryFixture implements AutoCloseable {

  private final Path directory;
  private final String bucket;
  private final String schema;
  private final int keyColumn;
  private final int width;
  private final int rowsPerFile;
  private final List<String> files = new ArrayList<>();
  private DataFile current;
  private int rowsInFile;

  private InventoryFixture(Path directory, String bucket, String schema, int rowsPerFile) {
    this.directory = directory;
    this.bucket = bucket;
    this.schema = schema;
    List<String> columns = List.of(schema.split(",\\s*"));
    this.keyColumn = columns.indexOf("Key");
    this.width = columns.size();
    this.rowsPerFile = rowsPerFile;
  }

  /** Starts a report of {@code bucket} in {@code directory}, {@code rowsPerFile} rows a file. */
  public static InventoryFixture create(Path directory, String bucket, String schema,
      int rowsPerFile) {
    return new InventoryFixture(directory, bucket, schema, rowsPerFile);
  }

  /** The schema {@link #generate} writes. */
  public static final String GENERATED_SCHEMA = "Bucket, Key, Size, LastModifiedDate, ETag, "
      + "StorageClass, EncryptionStatus, BucketKeyStatus";

  /**
   * Writes an inventory of {@code rows} objects of {@code bucket} in files of 250,000 rows, in a
   * fixed pattern by row number {@code i}: {@code i % 10 == 0} an order under SSE-S3, {@code i % 10
   * == 1} a product image in GLACIER 10 days after its upload ({@code now}), every other row a
   * product image in STANDARD under SSE-KMS with a bucket key, 100 days old; sizes 1 KiB to 1 MiB.
   * Returns the manifest's path.
   */
  public static Path generate(Path directory, String bucket, long rows, java.time.Instant now) {
    String young = now.minus(java.time.Duration.ofDays(10)).toString();
    String old = now.minus(java.time.Duration.ofDays(100)).toString();
    try (InventoryFixture inventory = create(directory, bucket, GENERATED_SCHEMA, 250_000)) {
      for (long i = 0; i < rows; i++) {
        String size = Long.toString(1024 + (i * 7919) % (1024 * 1024));
        String etag = String.format("%032x", i);
        switch ((int) (i % 10)) {
          case 0 -> inventory.row(bucket, "transactional/orders/2026/" + i + ".json", size, old,
              etag, "STANDARD", "SSE-S3", "");
          case 1 -> inventory.row(bucket, "media/product-images/sku-" + i + "/front.jpg", size,
              young, etag, "GLACIER", "SSE-KMS", "ENABLED");
          default -> inventory.row(bucket, "media/product-images/sku-" + i + "/front.jpg", size,
              old, etag, "STANDARD", "SSE-KMS", "ENABLED");
        }
      }
      return inventory.finish();
    }
  }

  /** Adds one row; the key (unencoded) is URL-encoded as S3 writes it. */
  public InventoryFixture row(String... values) {
    if (values.length != width) {
      throw new IllegalArgumentException("row has " + values.length + " values, the schema "
          + width);
    }
    try {
      if (current == null || rowsInFile == rowsPerFile) {
        next();
      }
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < values.length; i++) {
        String value = i == keyColumn ? URLEncoder.encode(values[i], StandardCharsets.UTF_8)
            : values[i];
        line.append(i == 0 ? "" : ",").append('"').append(value.replace("\"", "\"\"")).append('"');
      }
      current.writer.write(line.append('\n').toString());
      rowsInFile++;
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void next() throws IOException {
    if (current != null) {
      files.add(current.close());
    }
    current = new DataFile(directory.resolve("data-" + files.size() + ".csv.gz"));
    rowsInFile = 0;
  }

  /** Closes the last data file and writes the manifest; returns the manifest's path. */
  public Path finish() {
    try {
      if (current != null) {
        files.add(current.close());
        current = null;
      }
      String manifest = "{\n  \"sourceBucket\" : \"" + bucket + "\",\n"
          + "  \"destinationBucket\" : \"arn:aws:s3:::inventory-" + bucket + "\",\n"
          + "  \"version\" : \"2016-11-30\",\n  \"creationTimestamp\" : \"1763769600000\",\n"
          + "  \"fileFormat\" : \"CSV\",\n  \"fileSchema\" : \"" + schema + "\",\n"
          + "  \"files\" : [ " + String.join(", ", files) + " ]\n}\n";
      Path path = directory.resolve("manifest.json");
      Files.writeString(path, manifest);
      Files.writeString(directory.resolve("manifest.checksum"),
          md5(manifest.getBytes(StandardCharsets.UTF_8)) + "\n");
      return path;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (current != null) {
      try {
        current.close();
      } catch (IOException ignored) {
        // a fixture that was not finished is not read
      }
    }
  }

  private static String md5(byte[] bytes) {
    return HexFormat.of().formatHex(md5().digest(bytes));
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One gzipped data file being written, its MD5 taken as it goes. */
  private static final class DataFile {

    private final Path path;
    private final MessageDigest md5 = md5();
    private final Writer writer;

    DataFile(Path path) throws IOException {
      this.path = path;
      OutputStream out = new DigestOutputStream(Files.newOutputStream(path), md5);
      this.writer = new OutputStreamWriter(new GZIPOutputStream(out, 64 * 1024),
          StandardCharsets.UTF_8);
    }

    /** Closes the file; returns its manifest entry. */
    String close() throws IOException {
      writer.close();
      return "{ \"key\" : \"inventory/data/" + path.getFileName() + "\", \"size\" : "
          + Files.size(path) + ", \"MD5checksum\" : \"" + HexFormat.of().formatHex(md5.digest())
          + "\" }";
    }
  }
}
