package dev.stockroom.internal.audit;

import dev.stockroom.audit.RepairAction;
import dev.stockroom.audit.RepairMode;
import dev.stockroom.audit.RepairOutcome;
import dev.stockroom.audit.RepairResult;
import dev.stockroom.audit.RepairStatus;
import dev.stockroom.batch.BatchJob;
import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.batch.JobDriver;
import dev.stockroom.internal.batch.ManifestWriter;
import dev.stockroom.policy.PolicyCatalog;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs a repair as S3 Batch Operations jobs: reads the findings file, decides each line as the
 * plan did, writes each object that needs a copy, a retention or a restore into the manifest of
 * its {@link JobGroup}, and creates one job per group. Stale multipart uploads (which no job can
 * abort) and the lines that need no request are done here as they are read. The objects in jobs
 * come back as {@link RepairStatus#SUBMITTED}; {@code Audit.awaitJobs} turns them into outcomes.
 */
final class BatchRepair {

  private static final DateTimeFormatter RUN_TIME = DateTimeFormatter
      .ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  /** What one group's job is made of while the findings are read. */
  private record Pending(ManifestWriter manifest, JobGroup.Members members) {}

  private final String bucket;
  private final PolicyCatalog policies;
  private final RepairRules rules;
  private final InPlaceRepair inPlace;
  private final JobDriver driver;
  private final Function<Instant, JobOperations> operations;
  private final Clock clock;
  private final OpenGuard guard;

  /** {@code operations} makes the jobs' operations once the audit's start time is read. */
  BatchRepair(String bucket, PolicyCatalog policies, RepairRules rules, InPlaceRepair inPlace,
      JobDriver driver, Function<Instant, JobOperations> operations, Clock clock,
      OpenGuard guard) {
    this.bucket = bucket;
    this.policies = policies;
    this.rules = rules;
    this.inPlace = inPlace;
    this.driver = driver;
    this.operations = operations;
    this.clock = clock;
    this.guard = guard;
  }

  RepairResult run(Path findingsFile, Outcomes outcomes) {
    Map<JobGroup, Pending> groups = new LinkedHashMap<>();
    Instant now = clock.instant();
    try {
      FindingsFile.Header header = FindingsFile.read(findingsFile, bucket,
          row -> route(row, groups, outcomes, now));
      submit(groups, operations.apply(header.audited()), outcomes, run(now));
    } finally {
      groups.values().forEach(pending -> pending.manifest().close());
    }
    return outcomes.result(RepairMode.BATCH_OPERATIONS);
  }

  private void route(FindingRow row, Map<JobGroup, Pending> groups, Outcomes outcomes,
      Instant now) {
    guard.check();
    Optional<RepairRules.Decision> found = rules.decide(row);
    if (found.isEmpty()) {
      outcomes.accept(new RepairOutcome(row.key(), row.findings(), RepairAction.LEAVE,
          RepairStatus.LEFT_ALONE, "findings not selected"));
      return;
    }
    RepairRules.Decision decision = found.get();
    if (!JobGroup.runsAsJob(decision.action())) {
      // aborts, and lines that need no request, are few: done here, one at a time
      outcomes.accept(Futures.join(inPlace.repair(row, decision)));
      return;
    }
    Pending pending = groups.computeIfAbsent(JobGroup.of(decision, row),
        group -> new Pending(driver.newManifest(), new JobGroup.Members()));
    pending.manifest().add(row.key(), row.size());
    pending.members().add(decision, row, now);
  }

  private void submit(Map<JobGroup, Pending> groups, JobOperations operations,
      Outcomes outcomes, String run) {
    List<String> created = new ArrayList<>();
    int index = 0;
    for (var entry : groups.entrySet()) {
      JobGroup group = entry.getKey();
      Pending pending = entry.getValue();
      var policy = policies.policy(group.kind());
      try {
        BatchJob job = driver.submit(run, group.name(++index), pending.manifest(),
            operations.operation(group, policy, pending.members(), bucket),
            description(group, pending), labels(group, pending));
        created.add(job.id());
        outcomes.job(job);
        outcomes.count(RepairStatus.SUBMITTED, job.objects());
      } catch (StorageException e) {
        if (created.isEmpty()) {
          throw e;
        }
        throw e.withNote("jobs already created, which will run: " + created);
      }
    }
  }

  private static String description(JobGroup group, Pending pending) {
    return "Stockroom repair: " + group.action() + " " + group.kind() + " ("
        + pending.members().findingsLabel() + ")";
  }

  private static Map<String, String> labels(JobGroup group, Pending pending) {
    return Map.of(JobReports.ACTION, group.action().name(), JobReports.KIND, group.kind().name(),
        JobReports.FINDINGS, pending.members().findingsLabel());
  }

  /** A run id: the time and a random part, so two repairs never share a manifest key. */
  private static String run(Instant now) {
    byte[] random = new byte[4];
    new SecureRandom().nextBytes(random);
    return "repair-" + RUN_TIME.format(now) + "-" + HexFormat.of().formatHex(random);
  }
}
