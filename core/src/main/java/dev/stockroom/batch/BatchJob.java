package dev.stockroom.batch;

import dev.stockroom.validation.Require;
import java.util.Map;

/**
 * A job Stockroom created: its id, what it does to which objects, and where its manifest and
 * completion report lie. Keep it (or its fields) to wait for the job from another process.
 *
 * @param id the job id S3 gave
 * @param operation the operation, as S3 names it ({@code S3PutObjectCopy},
 *     {@code S3PutObjectRetention}, {@code S3InitiateRestoreObject})
 * @param description what the job is for, for people
 * @param objects how many objects its manifest lists
 * @param bytes their size in bytes
 * @param manifestKey the key of its manifest in the bucket
 * @param reportPrefix the prefix in the bucket under which S3 writes its completion report
 * @param labels what Stockroom needs to read its report back (for example the repair action)
 */
public record BatchJob(String id, String operation, String description, long objects, long bytes,
    String manifestKey, String reportPrefix, Map<String, String> labels) {

  /**
   * Checks the job.
   *
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if a count is negative or the id is blank
   */
  public BatchJob {
    Require.nonNull(id, "id");
    Require.argument(!id.isBlank(), "job id must not be blank");
    Require.nonNull(operation, "operation");
    Require.nonNull(description, "description");
    Require.argument(objects >= 0, "objects must not be negative, but was %s", objects);
    Require.argument(bytes >= 0, "bytes must not be negative, but was %s", bytes);
    Require.nonNull(manifestKey, "manifestKey");
    Require.nonNull(reportPrefix, "reportPrefix");
    labels = Map.copyOf(Require.nonNull(labels, "labels"));
  }
}
