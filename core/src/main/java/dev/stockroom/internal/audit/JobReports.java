package dev.stockroom.internal.audit;

import dev.stockroom.audit.Finding;
import dev.stockroom.audit.RepairAction;
import dev.stockroom.audit.RepairMode;
import dev.stockroom.audit.RepairOutcome;
import dev.stockroom.audit.RepairResult;
import dev.stockroom.audit.RepairStatus;
import dev.stockroom.batch.BatchJob;
import dev.stockroom.batch.BatchJobStatus;
import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.batch.JobDriver;
import dev.stockroom.internal.batch.ReportRow;
import dev.stockroom.internal.s3.S3Answers;
import dev.stockroom.validation.Require;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a repair's Batch Operations jobs into outcomes once they end: each task of a job's
 * completion report becomes the outcome an in-process repair of that object would have had
 * (a changed object is CHANGED_SINCE_AUDIT, a missing one GONE, …); tasks a failed or cancelled
 * job never ran are counted as FAILED, with the job's reasons as a note; jobs still running stay
 * SUBMITTED.
 */
final class JobReports {

  static final String ACTION = "action";
  static final String KIND = "kind";
  static final String FINDINGS = "findings";
  private static final int MAX_DETAIL = 300;

  private final JobDriver driver;

  JobReports(JobDriver driver) {
    this.driver = driver;
  }

  RepairResult await(List<BatchJob> jobs, Duration timeout, Consumer<RepairOutcome> listener) {
    jobs.forEach(JobReports::checkLabels);
    Map<String, BatchJobStatus> statuses = driver.await(jobs, timeout);
    Outcomes outcomes = new Outcomes(listener);
    for (BatchJob job : jobs) {
      outcomes.job(job);
      BatchJobStatus status = statuses.get(job.id());
      if (!status.terminal()) {
        outcomes.count(RepairStatus.SUBMITTED, job.objects());
        continue;
      }
      long reported = read(job, outcomes);
      long unrun = job.objects() - reported;
      if (unrun > 0) {
        outcomes.count(RepairStatus.FAILED, unrun);
        outcomes.note(String.format("job %s ended %s with %,d of %,d objects not run%s", job.id(),
            status.status(), unrun, job.objects(), status.failureReasons().isEmpty() ? ""
                : ": " + String.join("; ", status.failureReasons())));
      }
    }
    return outcomes.result(RepairMode.BATCH_OPERATIONS);
  }

  private long read(BatchJob job, Outcomes outcomes) {
    RepairAction action = RepairAction.valueOf(job.labels().get(ACTION));
    Set<Finding> findings = findings(job.labels().get(FINDINGS));
    try {
      return driver.readReport(job, row -> outcomes.accept(outcome(job, action, findings, row)));
    } catch (StorageException e) {
      // a job that failed before its first task writes no report
      if (S3Answers.notFound(e.getCause())) {
        return 0;
      }
      throw e;
    }
  }

  static RepairOutcome outcome(BatchJob job, RepairAction action, Set<Finding> findings,
      ReportRow row) {
    RepairStatus status;
    String detail;
    if (row.succeeded()) {
      status = action == RepairAction.RESTORE ? RepairStatus.RESTORE_REQUESTED
          : RepairStatus.REPAIRED;
      detail = "by job " + job.id();
    } else {
      status = failed(row);
      detail = Require.format("%s (HTTP %s) in job %s: %s", row.errorCode().isEmpty() ? "failed"
          : row.errorCode(), row.httpStatus(), job.id(), shorten(row.message()));
    }
    return new RepairOutcome(row.key(), findings, action, status, detail);
  }

  private static RepairStatus failed(ReportRow row) {
    String code = row.errorCode();
    if (row.httpStatus() == 412 || code.equals("PreconditionFailed")) {
      return RepairStatus.CHANGED_SINCE_AUDIT;
    }
    if (row.httpStatus() == 404 || code.equals("NoSuchKey")) {
      return RepairStatus.GONE;
    }
    if (code.equals("InvalidObjectState")) {
      return RepairStatus.NEEDS_RESTORE;
    }
    if (code.equals("RestoreAlreadyInProgress")) {
      return RepairStatus.RESTORE_REQUESTED;
    }
    return RepairStatus.FAILED;
  }

  private static String shorten(String message) {
    return message.length() <= MAX_DETAIL ? message : message.substring(0, MAX_DETAIL) + "…";
  }

  /**
   * Checks that {@code job} is one a repair created: a job passed back in from elsewhere is
   * untrusted input.
   *
   * @throws IllegalArgumentException naming the job and the label
   */
  private static void checkLabels(BatchJob job) {
    String action = job.labels().get(ACTION);
    Require.argument(action != null && EnumSet.of(RepairAction.COPY, RepairAction.SET_RETENTION,
        RepairAction.RESTORE).stream().anyMatch(a -> a.name().equals(action)), "job %s is not "
        + "one of a repair: its label %s is '%s'", job.id(), ACTION, action);
    findings(job.labels().getOrDefault(FINDINGS, ""));
  }

  private static Set<Finding> findings(String label) {
    Set<Finding> findings = EnumSet.noneOf(Finding.class);
    if (label == null || label.isBlank()) {
      return findings;
    }
    for (String name : label.split(" ")) {
      try {
        findings.add(Finding.valueOf(name));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(Require.format("job label %s holds '%s', not a "
            + "finding", FINDINGS, name), e);
      }
    }
    return findings;
  }
}
