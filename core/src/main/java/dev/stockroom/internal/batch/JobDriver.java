package dev.stockroom.internal.batch;

import dev.stockroom.batch.BatchJob;
import dev.stockroom.batch.BatchJobStatus;
import dev.stockroom.batch.BatchJobs;
import dev.stockroom.batch.BatchOperations;
import dev.stockroom.exception.StockroomException;
import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.validation.Require;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.JobDescriptor;
import software.amazon.awssdk.services.s3control.model.JobFailure;
import software.amazon.awssdk.services.s3control.model.JobManifestFieldName;
import software.amazon.awssdk.services.s3control.model.JobManifestFormat;
import software.amazon.awssdk.services.s3control.model.JobOperation;
import software.amazon.awssdk.services.s3control.model.JobReportFormat;
import software.amazon.awssdk.services.s3control.model.JobReportScope;

/**
 * Drives S3 Batch Operations jobs for one bucket: writes a job's manifest into the bucket's work
 * prefix, creates the job (idempotently, by a request token), asks where jobs stand, waits for
 * them, and reads their completion reports back. The work of audits' repairs (and of anything
 * else too large for one process) goes through here.
 */
public final class JobDriver implements BatchJobs {

  private static final Logger LOG = LoggerFactory.getLogger(JobDriver.class);
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

  private final String bucket;
  private final String partition;
  private final BatchOperations settings;
  private final Supplier<S3ControlClient> control;
  private final S3AsyncClient s3;
  private final OpenGuard guard;
  private final CompletionReport reports;

  /**
   * Drives jobs on {@code bucket} (in AWS partition {@code partition}, for ARNs), creating them
   * through {@code control} and writing manifests through {@code s3}.
   */
  public JobDriver(String bucket, String partition, BatchOperations settings,
      Supplier<S3ControlClient> control, S3AsyncClient s3, OpenGuard guard) {
    this.bucket = bucket;
    this.partition = partition;
    this.settings = settings;
    this.control = control;
    this.s3 = s3;
    this.guard = guard;
    this.reports = new CompletionReport(s3, bucket);
  }

  @Override
  public BatchOperations settings() {
    return settings;
  }

  /** Returns whether {@code key} is one of Stockroom's working files (manifests, reports). */
  public boolean ownFile(String key) {
    return key.startsWith(settings.workPrefix());
  }

  /** Returns the ARN of the bucket, as jobs name their target. */
  public String bucketArn() {
    return arn(bucket);
  }

  /** Returns the ARN of {@code other}, a bucket of the same partition (a job's target). */
  public String arn(String other) {
    return "arn:" + partition + ":s3:::" + other;
  }

  /** Returns a new manifest for objects of the bucket. */
  public ManifestWriter newManifest() {
    return new ManifestWriter(bucket);
  }

  /**
   * Puts {@code manifest} in the bucket as {@code <workPrefix><run>/<name>.csv} and creates a job
   * running {@code operation} over it, with a completion report of every task under {@code
   * <workPrefix><run>/reports/}. Creating the same run and name again returns the same job.
   *
   * @throws StorageException if the manifest cannot be written or the job cannot be created
   */
  public BatchJob submit(String run, String name, ManifestWriter manifest, JobOperation operation,
      String description, Map<String, String> labels) {
    guard.check();
    String manifestKey = settings.workPrefix() + run + "/" + name + ".csv";
    String reportPrefix = settings.workPrefix() + run + "/reports/";
    String eTag = put(manifestKey, manifest.finish());
    String operationName = operationName(operation);
    String token = UUID.nameUUIDFromBytes((bucket + "/" + manifestKey)
        .getBytes(StandardCharsets.UTF_8)).toString();
    String id;
    try {
      id = control.get().createJob(b -> b.accountId(settings.accountId())
          .confirmationRequired(false)
          .clientRequestToken(token)
          .description(truncate(description))
          .priority(settings.priority())
          .roleArn(settings.roleArn())
          .operation(operation)
          .manifest(m -> m
              .spec(s -> s.format(JobManifestFormat.S3_BATCH_OPERATIONS_CSV_20180820)
                  .fields(JobManifestFieldName.BUCKET, JobManifestFieldName.KEY))
              .location(l -> l.objectArn(bucketArn() + "/" + manifestKey).eTag(eTag)))
          .report(r -> r.bucket(bucketArn()).enabled(true)
              .format(JobReportFormat.REPORT_CSV_20180820)
              .prefix(reportPrefix.substring(0, reportPrefix.length() - 1))
              .reportScope(JobReportScope.ALL_TASKS)))
          .jobId();
    } catch (RuntimeException e) {
      throw new StorageException("CreateJob", bucket, manifestKey, e);
    }
    LOG.debug("created Batch Operations job {} ({}, {} objects) over s3://{}/{}", id,
        operationName, manifest.objects(), bucket, manifestKey);
    return new BatchJob(id, operationName, description, manifest.objects(), manifest.bytes(),
        manifestKey, reportPrefix, labels);
  }

  private String put(String key, Path file) {
    try {
      return Futures.join(s3.putObject(b -> b.bucket(bucket).key(key).contentType("text/csv"),
          AsyncRequestBody.fromFile(file))).eTag();
    } catch (RuntimeException e) {
      throw new StorageException("PutObject", bucket, key, Futures.unwrap(e));
    }
  }

  private static String operationName(JobOperation operation) {
    if (operation.s3PutObjectCopy() != null) {
      return "S3PutObjectCopy";
    }
    if (operation.s3PutObjectRetention() != null) {
      return "S3PutObjectRetention";
    }
    if (operation.s3InitiateRestoreObject() != null) {
      return "S3InitiateRestoreObject";
    }
    throw new IllegalArgumentException("not an operation Stockroom runs: " + operation);
  }

  /** S3 takes descriptions of at most 256 characters. */
  private static String truncate(String description) {
    return description.length() <= 256 ? description : description.substring(0, 255) + "…";
  }

  @Override
  public BatchJobStatus describe(String jobId) {
    checkId(jobId);
    guard.check();
    JobDescriptor job;
    try {
      job = control.get().describeJob(b -> b.accountId(settings.accountId()).jobId(jobId)).job();
    } catch (RuntimeException e) {
      throw new StorageException("DescribeJob", bucket, null, e);
    }
    var progress = job.progressSummary();
    List<String> reasons = new ArrayList<>();
    if (job.hasFailureReasons()) {
      for (JobFailure failure : job.failureReasons()) {
        reasons.add(failure.failureCode() + ": " + failure.failureReason());
      }
    }
    return new BatchJobStatus(jobId, job.statusAsString() == null ? "" : job.statusAsString(),
        count(progress == null ? null : progress.totalNumberOfTasks()),
        count(progress == null ? null : progress.numberOfTasksSucceeded()),
        count(progress == null ? null : progress.numberOfTasksFailed()), reasons);
  }

  private static long count(Long value) {
    return value == null ? 0 : value;
  }

  @Override
  public void cancel(String jobId) {
    checkId(jobId);
    guard.check();
    try {
      control.get().updateJobStatus(b -> b.accountId(settings.accountId()).jobId(jobId)
          .requestedJobStatus("Cancelled").statusUpdateReason("cancelled through Stockroom"));
    } catch (RuntimeException e) {
      throw new StorageException("UpdateJobStatus", bucket, null, e);
    }
  }

  private static void checkId(String jobId) {
    Require.nonNull(jobId, "jobId");
    Require.argument(JOB_ID.matcher(jobId).matches(), "jobId must be letters, digits and dashes "
        + "(at most 36), but was '%s'", jobId);
  }

  /**
   * Waits until every job has ended or {@code timeout} has passed, asking each job's status every
   * poll interval; returns the last status of each, by job id.
   *
   * @throws StockroomException if the thread is interrupted while waiting
   */
  public Map<String, BatchJobStatus> await(List<BatchJob> jobs, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    Map<String, BatchJobStatus> statuses = new LinkedHashMap<>();
    while (true) {
      for (BatchJob job : jobs) {
        BatchJobStatus last = statuses.get(job.id());
        if (last == null || !last.terminal()) {
          statuses.put(job.id(), describe(job.id()));
        }
      }
      boolean ended = statuses.values().stream().allMatch(BatchJobStatus::terminal);
      long left = deadline - System.nanoTime();
      if (ended || left <= 0) {
        return statuses;
      }
      sleep(Math.min(left, settings.pollInterval().toNanos()));
    }
  }

  private void sleep(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StockroomException("interrupted while waiting for Batch Operations jobs", bucket,
          null, e);
    }
  }

  /**
   * Reads {@code job}'s completion report into {@code rows}; returns how many tasks it lists.
   *
   * @throws IllegalArgumentException if the report is not one S3 wrote for this job
   * @throws StorageException if it cannot be read
   */
  public long readReport(BatchJob job, Consumer<ReportRow> rows) {
    guard.check();
    return reports.read(job, rows);
  }
}
