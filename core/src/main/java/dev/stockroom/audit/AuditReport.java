package dev.stockroom.audit;

import dev.stockroom.cost.Workload;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an audit found: counts and bytes per finding and kind with a sample of keys, what it could
 * not check, and where every finding was written. Its {@code toString()} is a table for people.
 */
public interface AuditReport {

  /** Returns the audited bucket. */
  String bucket();

  /** Returns the request the audit ran. */
  AuditRequest request();

  /** Returns when the audit started. */
  Instant startedAt();

  /** Returns when the audit finished. */
  Instant finishedAt();

  /** Returns how many current objects were audited. */
  long objects();

  /** Returns the bytes of the current objects audited. */
  long bytes();

  /**
   * Returns how many listed entries were passed over: noncurrent versions and delete markers (the
   * policy governs current objects; lifecycle expires the rest) and Stockroom's own working files
   * (Batch Operations manifests and reports).
   */
  long skipped();

  /** Returns the objects and bytes per kind. */
  List<KindCount> kinds();

  /** Returns every finding that occurred, by finding then kind; empty when the bucket is clean. */
  List<FindingCount> findings();

  /** Returns how many objects (or uploads) carry {@code finding}, over all kinds. */
  long count(Finding finding);

  /** Returns how many objects and incomplete uploads carry at least one finding. */
  long objectsWithFindings();

  /** Returns whether nothing contradicts the policy (among what could be checked). */
  default boolean clean() {
    return objectsWithFindings() == 0;
  }

  /**
   * Returns the checks the source could not make, each as a sentence (for example "Cache-Control
   * and Content-Type: headers were not read"); empty when every check ran.
   */
  List<String> notChecked();

  /**
   * Returns the audited objects under a known prefix as a cost workload of existing objects: per
   * kind, cohorts of storage class, age (months) and size (powers of two) with their counts, mean
   * size and mean age — what {@code CostModel} projects forward. Objects whose class or date the
   * source did not give, and those in classes the cost model does not price, are left out (see
   * {@link #notChecked()}). Add each kind's monthly uploads and reads with {@code toBuilder()}.
   */
  Workload workload();

  /** Returns the file every finding was written to, if the request named one. */
  Optional<Path> findingsFile();
}
