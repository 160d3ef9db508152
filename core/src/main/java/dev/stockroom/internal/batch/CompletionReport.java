package dev.stockroom.internal.batch;

import dev.stockroom.batch.BatchJob;
import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.BoundedLines;
import dev.stockroom.internal.CountingInput;
import dev.stockroom.internal.EncodedKeys;
import dev.stockroom.internal.Futures;
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
import java.util.HexFormat;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A job's completion report, as S3 Batch Operations writes it: {@code
 * <prefix>/job-<id>/manifest.json} (format {@code Report_CSV_20180820}) naming result CSV files
 * under {@code <prefix>/job-<id>/results/}, each with its MD5. Read as untrusted input: the
 * manifest and each file are bounded, every result file must lie under the job's own results
 * prefix in the bucket, each file must match its MD5, and every row is checked; a bad one fails
 * the read, naming the file, line and value.
 *
 * <p>S3 documents the columns as Bucket, Key, VersionId, TaskStatus, ErrorCode, HTTPStatusCode,
 * ResultMessage, while its published example reports put the HTTP status before the error code:
 * the reader takes whichever of the two columns is a number as the status.
 */
final class CompletionReport {

  static final String FORMAT = "Report_CSV_20180820";
  private static final int MAX_MANIFEST = 1 << 20;
  private static final int MAX_LINE = 64 * 1024;
  private static final Pattern STATUS = Pattern.compile("\\d{3}");
  private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");

  private final S3AsyncClient s3;
  private final String bucket;

  CompletionReport(S3AsyncClient s3, String bucket) {
    this.s3 = s3;
    this.bucket = bucket;
  }

  /** Returns the key of {@code job}'s report manifest. */
  static String manifestKey(BatchJob job) {
    return resultsRoot(job) + "manifest.json";
  }

  private static String resultsRoot(BatchJob job) {
    return job.reportPrefix() + "job-" + job.id() + "/";
  }

  /**
   * Reads every row of {@code job}'s report into {@code rows}; returns how many were read.
   *
   * @throws IllegalArgumentException if the report is not one S3 writes for this job
   * @throws StorageException if a file cannot be read
   */
  long read(BatchJob job, Consumer<ReportRow> rows) {
    String manifestKey = manifestKey(job);
    JsonNode manifest = manifest(manifestKey);
    JsonNode results = manifest.get("Results");
    Require.argument(results != null && results.isArray(), "completion report %s has no Results "
        + "list", where(manifestKey));
    long read = 0;
    for (JsonNode result : results) {
      read += readResult(job, manifestKey, result, rows);
    }
    return read;
  }

  private JsonNode manifest(String key) {
    byte[] json;
    try (InputStream in = get(key)) {
      json = in.readNBytes(MAX_MANIFEST + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + where(key), e);
    }
    Require.argument(json.length <= MAX_MANIFEST, "completion report %s is larger than %s bytes: "
        + "not one S3 wrote", where(key), MAX_MANIFEST);
    JsonNode manifest;
    try {
      manifest = JsonMapper.builder().build().readTree(json);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(Require.format("completion report %s is not JSON: %s",
          where(key), e.getMessage()), e);
    }
    String format = text(manifest, "Format");
    Require.argument(FORMAT.equals(format), "completion report %s has Format '%s', not '%s'",
        where(key), format, FORMAT);
    return manifest;
  }

  private long readResult(BatchJob job, String manifestKey, JsonNode result,
      Consumer<ReportRow> rows) {
    String resultBucket = text(result, "Bucket");
    String key = text(result, "Key");
    String md5 = text(result, "MD5Checksum");
    Require.argument(bucket.equals(resultBucket), "completion report %s names a result in bucket "
        + "'%s', not '%s'", where(manifestKey), resultBucket, bucket);
    String root = resultsRoot(job) + "results/";
    // S3's example manifests give keys relative to the report prefix
    String full = key.startsWith(job.reportPrefix()) ? key : job.reportPrefix() + key;
    Require.argument(full.startsWith(root) && !full.contains("/../") && full.endsWith(".csv"),
        "completion report %s names result file '%s', outside the job's results prefix '%s'",
        where(manifestKey), key, root);
    Require.argument(MD5.matcher(md5).matches(), "completion report %s gives result file '%s' "
        + "MD5Checksum '%s'", where(manifestKey), key, md5);
    return readRows(full, md5, rows);
  }

  private long readRows(String key, String md5, Consumer<ReportRow> rows) {
    MessageDigest digest = md5();
    long read = 0;
    try (InputStream raw = get(key);
        CountingInput counted = new CountingInput(new DigestInputStream(raw, digest));
        CSVParser parser = CSVFormat.DEFAULT.parse(new BoundedLines(new BufferedReader(
            new InputStreamReader(counted, StandardCharsets.UTF_8)), MAX_LINE,
            "completion report file " + where(key)))) {
      for (CSVRecord record : parser) {
        rows.accept(row(record, key));
        read++;
      }
      counted.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + where(key), e);
    } catch (IllegalStateException | UncheckedIOException e) {
      throw new IllegalArgumentException(Require.format("completion report file %s is not "
          + "valid CSV: %s", where(key), e.getMessage()), e);
    }
    String actual = HexFormat.of().formatHex(digest.digest());
    Require.argument(actual.equalsIgnoreCase(md5), "completion report file %s has MD5 %s where "
        + "its manifest says %s: it was altered or cut short", where(key), actual, md5);
    return read;
  }

  private ReportRow row(CSVRecord record, String file) {
    long line = record.getRecordNumber();
    Require.argument(record.size() >= 6 && record.size() <= 7, "completion report file %s line "
        + "%s has %s columns, not 6 or 7", where(file), line, record.size());
    Require.argument(bucket.equals(record.get(0)), "completion report file %s line %s names "
        + "bucket '%s', not '%s'", where(file), line, record.get(0), bucket);
    String key = decode(record.get(1), file, line);
    String task = record.get(3);
    Require.argument(task.equals("succeeded") || task.equals("failed"), "completion report file "
        + "%s line %s has TaskStatus '%s' where succeeded or failed belongs", where(file), line,
        task);
    String fourth = record.get(4);
    String fifth = record.get(5);
    boolean statusFirst = STATUS.matcher(fourth).matches();
    String status = statusFirst ? fourth : fifth;
    String errorCode = statusFirst ? fifth : fourth;
    Require.argument(status.isEmpty() || STATUS.matcher(status).matches(), "completion report "
        + "file %s line %s has no HTTP status where one belongs: '%s', '%s'", where(file), line,
        fourth, fifth);
    String message = record.size() == 7 ? record.get(6) : "";
    return new ReportRow(key, task.equals("succeeded"),
        status.isEmpty() ? -1 : Integer.parseInt(status), errorCode, message);
  }

  private String decode(String encoded, String file, long line) {
    return EncodedKeys.decode(encoded).orElseThrow(() -> new IllegalArgumentException(
        Require.format("completion report file %s line %s has Key '%s' where a URL-encoded key "
            + "belongs", where(file), line, encoded)));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isString() ? value.stringValue() : "";
  }

  private InputStream get(String key) {
    try {
      ResponseInputStream<GetObjectResponse> in = Futures.join(s3.getObject(b -> b.bucket(bucket)
          .key(key), AsyncResponseTransformer.toBlockingInputStream()));
      return in;
    } catch (RuntimeException e) {
      throw new StorageException("GetObject", bucket, key, Futures.unwrap(e));
    }
  }

  private String where(String key) {
    return "s3://" + bucket + "/" + key;
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
  }
}
