package dev.stockroom.internal.audit;

import dev.stockroom.audit.Audit;
import dev.stockroom.audit.AuditReport;
import dev.stockroom.audit.AuditRequest;
import dev.stockroom.audit.RepairAction;
import dev.stockroom.audit.RepairMode;
import dev.stockroom.audit.RepairPlan;
import dev.stockroom.audit.RepairRequest;
import dev.stockroom.audit.RepairResult;
import dev.stockroom.batch.BatchJob;
import dev.stockroom.crypto.KmsKey;
import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.batch.JobDriver;
import dev.stockroom.internal.s3.BucketClient;
import dev.stockroom.internal.s3.S3Answers;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.transfer.UploadHeaders;
import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.time.Clock;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** Audits and repairs the objects already in one bucket. */
public final class DefaultAudit implements Audit {

  /**
   * What the audit is wired with.
   *
   * @param bucket the bucket
   * @param policies the policy in force
   * @param s3 the S3 client
   * @param bucketClient the client for bucket-level calls (Object Lock)
   * @param kmsKeyId the configured KMS key, or null
   * @param kmsKey the KMS key check, to resolve an alias to its key's ARN
   * @param uploadHeaders what uploads send (SSE, Object Lock, checksums)
   * @param jobs the Batch Operations job driver, or null when they are not configured
   * @param clock the clock
   * @param executor where async calls run
   * @param guard whether Stockroom is open
   */
  public record Wiring(String bucket, PolicyCatalog policies, S3AsyncClient s3,
      BucketClient bucketClient, String kmsKeyId, KmsKey kmsKey, UploadHeaders uploadHeaders,
      JobDriver jobs, Clock clock, Executor executor, OpenGuard guard) {

    /** Returns whether {@code key} is one of Stockroom's working files, which audits pass over. */
    boolean ownFile(String key) {
      return jobs != null && jobs.ownFile(key);
    }
  }

  /** The longest one call waits for jobs; a longer wait is a loop of calls, each safe to repeat. */
  private static final Duration MAX_WAIT = Duration.ofDays(7);
  /** S3 copies parts of at least 5 MiB; a larger part keeps big copies under 10,000 parts. */
  static final long COPY_PART_SIZE = 512L * 1024 * 1024;

  private final Wiring wiring;
  private final long copyLimit;
  private final long copyPartSize;

  public DefaultAudit(Wiring wiring) {
    this(wiring, InPlaceRepair.COPY_LIMIT, COPY_PART_SIZE);
  }

  /** For tests: copies above {@code copyLimit} go part by part, in parts of {@code partSize}. */
  DefaultAudit(Wiring wiring, long copyLimit, long copyPartSize) {
    this.wiring = wiring;
    this.copyLimit = copyLimit;
    this.copyPartSize = copyPartSize;
  }

  @Override
  public AuditReport run(AuditRequest request) {
    Require.nonNull(request, "request");
    wiring.guard().check();
    return new AuditRun(wiring, checkSettings(), request).run();
  }

  @Override
  public CompletableFuture<AuditReport> runAsync(AuditRequest request) {
    Require.nonNull(request, "request");
    return Futures.supplyAsync(() -> run(request), wiring.executor());
  }

  @Override
  public RepairPlan plan(AuditReport report, RepairRequest request) {
    Require.nonNull(report, "report");
    Path file = report.findingsFile().orElseThrow(() -> new IllegalArgumentException("the "
        + "audit wrote no findings file: run it with AuditRequest findingsFile(...) to repair"));
    return plan(file, request);
  }

  @Override
  public RepairPlan plan(Path findingsFile, RepairRequest request) {
    Require.nonNull(findingsFile, "findingsFile");
    Require.nonNull(request, "request");
    wiring.guard().check();
    Path file = findingsFile.toAbsolutePath().normalize();
    String digest = FindingsFile.digest(file);
    // the whole file is checked before anything else is asked of S3
    FindingsFile.read(file, wiring.bucket(), row -> { });
    RepairRules rules = rules(request);
    PlanSteps steps = new PlanSteps();
    RepairCosts costs = new RepairCosts(wiring.clock().instant(), copyLimit, copyPartSize);
    Set<JobGroup> groups = new HashSet<>();
    long[] inJobs = new long[1];
    FindingsFile.read(file, wiring.bucket(), row -> rules.decide(row).ifPresent(decision -> {
      steps.add(decision, row);
      costs.add(row, decision, decision.policy().map(p -> p.storageClass().toString())
          .orElse("STANDARD"));
      if (JobGroup.runsAsJob(decision.action())) {
        groups.add(JobGroup.of(decision, row));
        inJobs[0]++;
      }
    }));
    RepairMode mode = mode(request.mode(), steps.objectsToChange());
    if (mode == RepairMode.BATCH_OPERATIONS) {
      if (groups.stream().anyMatch(group -> group.action() == RepairAction.RESTORE)) {
        JobOperations.tier(request.restoreTier());
      }
      costs.asJobs(groups.size(), inJobs[0]);
    }
    return new DefaultRepairPlan(wiring.bucket(), file, digest, request, mode, steps, costs,
        this::apply, wiring.executor());
  }

  private RepairMode mode(RepairMode asked, long objects) {
    JobDriver jobs = wiring.jobs();
    Require.state(asked != RepairMode.BATCH_OPERATIONS || jobs != null, "Batch Operations are "
        + "not configured for bucket '%s': repair IN_PROCESS or configure them with the Stockroom "
        + "builder's batchOperations(...)", wiring.bucket());
    if (asked == RepairMode.AUTO) {
      return jobs != null && objects > jobs.settings().inProcessLimit()
          ? RepairMode.BATCH_OPERATIONS : RepairMode.IN_PROCESS;
    }
    return asked;
  }

  private RepairResult apply(DefaultRepairPlan plan) {
    wiring.guard().check();
    Require.argument(FindingsFile.digest(plan.findingsFile()).equals(plan.digest()), "findings file '%s' "
        + "changed since the plan was made: plan again", plan.findingsFile());
    RepairRequest request = plan.request();
    PolicyCheck.Settings settings = checkSettings();
    BucketLock lock = new BucketLock();
    RepairRules rules = new RepairRules(wiring.policies(), settings, lock, request);
    InPlaceRepair repair = new InPlaceRepair(wiring.s3(), wiring.bucket(), new RepairSettings(
        settings, wiring.uploadHeaders().checksums(), lock::answer, copyLimit, copyPartSize),
        request);
    Outcomes outcomes = new Outcomes(request.listener().orElse(null));
    if (plan.mode() == RepairMode.BATCH_OPERATIONS) {
      JobDriver jobs = wiring.jobs();
      return new BatchRepair(wiring.bucket(), wiring.policies(), rules, repair, jobs,
          audited -> new JobOperations(jobs.bucketArn(), settings,
              wiring.uploadHeaders().checksums(), lock, audited, request),
          wiring.clock(), wiring.guard()).run(plan.findingsFile(), outcomes);
    }
    return new RepairRun(wiring.bucket(), rules, repair, request.concurrency(), wiring.guard())
        .run(plan.findingsFile(), outcomes);
  }

  @Override
  public RepairResult awaitJobs(List<BatchJob> jobs, Duration timeout) {
    Require.nonNull(jobs, "jobs");
    jobs.forEach(job -> Require.nonNull(job, "job"));
    Require.nonNull(timeout, "timeout");
    Require.argument(!timeout.isNegative() && timeout.compareTo(MAX_WAIT) <= 0, "timeout must be "
        + "between 0 and %s, but was %s", MAX_WAIT, timeout);
    wiring.guard().check();
    Require.state(wiring.jobs() != null, "Batch Operations are not configured for bucket '%s'",
        wiring.bucket());
    return new JobReports(wiring.jobs()).await(jobs, timeout, null);
  }

  @Override
  public CompletableFuture<RepairResult> awaitJobsAsync(List<BatchJob> jobs, Duration timeout) {
    return Futures.supplyAsync(() -> awaitJobs(jobs, timeout), wiring.executor());
  }

  private RepairRules rules(RepairRequest request) {
    return new RepairRules(wiring.policies(), checkSettings(), new BucketLock(), request);
  }

  /**
   * Whether the bucket has Object Lock: asked once (again after a failure), and only when a repair
   * needs to know. Repairs running on the SDK's response threads take the answer as a future: a
   * response thread that waited for it could hold up the very answer it waits for.
   */
  private final class BucketLock implements BooleanSupplier {

    private CompletableFuture<Boolean> answer;

    /** Returns the answer, asking S3 the first time; never waits. */
    synchronized CompletableFuture<Boolean> answer() {
      if (answer == null || answer.isCompletedExceptionally()) {
        answer = Futures.capture(() -> wiring.bucketClient().objectLockEnabled(wiring.bucket()))
            .handle((enabled, failure) -> {
              if (failure == null) {
                return enabled;
              }
              if (S3Answers.notImplemented(failure)) {
                return false;
              }
              throw new StorageException("GetObjectLockConfiguration", wiring.bucket(), null,
                  Futures.unwrap(failure));
            });
      }
      return answer;
    }

    /** Waits for the answer: for the caller's thread (planning), never a response thread. */
    @Override
    public boolean getAsBoolean() {
      return Futures.join(answer());
    }
  }

  /** Returns what uploads are configured to do; an alias is resolved to its key's ARN if it can. */
  PolicyCheck.Settings checkSettings() {
    String keyId = wiring.kmsKeyId();
    String arn = null;
    if (keyId != null && keyId.contains("alias/") && wiring.kmsKey().checkEnabled()) {
      try {
        arn = wiring.kmsKey().verify().arn();
      } catch (RuntimeException unresolved) {
        // the report names the KMS key check as not made
      }
    }
    UploadHeaders headers = wiring.uploadHeaders();
    return new PolicyCheck.Settings(keyId, arn, headers.serverSideEncryption(),
        headers.objectLockRetention());
  }


}
