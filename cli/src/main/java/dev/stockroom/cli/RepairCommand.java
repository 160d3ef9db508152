package dev.stockroom.cli;

import dev.stockroom.audit.Finding;
import dev.stockroom.audit.RepairMode;
import dev.stockroom.audit.RepairPlan;
import dev.stockroom.audit.RepairRequest;
import dev.stockroom.audit.RepairResult;
import dev.stockroom.audit.RepairStatus;
import dev.stockroom.audit.RepairStep;
import dev.stockroom.batch.BatchJob;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import software.amazon.awssdk.services.s3.model.Tier;

/**
 * {@code stockroom repair}: plans the repair of what an audit found (the default, changing
 * nothing) and, with {@code --apply}, carries it out — in-process or as S3 Batch Operations jobs.
 */
@Command(name = "repair", mixinStandardHelpOptions = true,
    description = "Plan the repair of an audit's findings (changes nothing); with --apply, carry "
        + "it out, in-process or as S3 Batch Operations jobs.")
final class RepairCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  @Option(names = "--findings", paramLabel = "FILE", required = true,
      description = "the findings file an audit wrote")
  Path findings;

  @Option(names = "--only", paramLabel = "FINDING", split = ",",
      description = "repair only these findings (${COMPLETION-CANDIDATES})")
  List<Finding> only = new ArrayList<>();

  @Option(names = "--mode", paramLabel = "MODE", defaultValue = "AUTO",
      description = "where the repair runs: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  RepairMode mode;

  @Option(names = "--restore-days", paramLabel = "DAYS",
      description = "restore archived objects that need a copy, for this many days")
  Integer restoreDays;

  @Option(names = "--restore-tier", paramLabel = "TIER", defaultValue = "BULK",
      description = "restore tier: BULK, STANDARD or EXPEDITED (default ${DEFAULT-VALUE})")
  String restoreTier;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "16",
      description = "requests in flight in-process (default ${DEFAULT-VALUE})")
  int concurrency;

  @Option(names = "--apply", description = "carry the plan out (without it nothing changes)")
  boolean apply;

  @Option(names = "--await", paramLabel = "DURATION",
      description = "with --apply as jobs: wait this long (e.g. 6h, PT30M) for them to end")
  String await;

  RepairCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    RepairRequest request = request();
    Duration wait = await == null ? null : Durations.parse("--await", await);
    if (wait != null && !apply) {
      throw new UsageException("--await needs --apply");
    }
    try (var stockroom = common.open(context)) {
      RepairPlan plan = stockroom.audit().plan(findings, request);
      Output output = new Output(context, common.json);
      if (!apply) {
        output.answer(plan + "Nothing changed: add --apply to carry the plan out.\n",
            json(plan, null));
        return ExitCodes.OK;
      }
      RepairResult result = plan.apply();
      if (wait != null && !result.jobs().isEmpty()) {
        result = stockroom.audit().awaitJobs(result.jobs(), wait);
      }
      output.answer(plan + "\n" + text(result), json(plan, result));
      // objects left alone, changed since the audit or handed to jobs are no failure of this run
      return result.count(RepairStatus.FAILED) == 0 ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  private RepairRequest request() {
    RepairRequest.Builder request = RepairRequest.builder().mode(mode).concurrency(concurrency);
    if (!only.isEmpty()) {
      request.only(only.toArray(Finding[]::new));
    }
    if (restoreDays != null) {
      Tier tier;
      try {
        tier = Tier.valueOf(restoreTier.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--restore-tier '" + dev.stockroom.validation.Printable.of(
            restoreTier) + "': expected BULK, STANDARD or EXPEDITED", e);
      }
      request.restoreArchived(restoreDays, tier);
    }
    return request.build();
  }

  private static String text(RepairResult result) {
    StringBuilder text = new StringBuilder("Result (" + result.mode() + "): " + result.counts()
        + "\n");
    for (BatchJob job : result.jobs()) {
      text.append(String.format("  job %s  %s  %,d objects  %s%n", job.id(), job.operation(),
          job.objects(), job.description()));
    }
    result.notes().forEach(note -> text.append("  ").append(note).append('\n'));
    result.problems().stream().limit(20).forEach(problem -> text.append(String.format(
        "  %-20s %s  %s%n", problem.status(), problem.key(), problem.detail())));
    if (result.problems().size() > 20) {
      text.append(String.format("  … %,d more%n", result.problems().size() - 20));
    }
    return text.toString();
  }

  private static Map<String, Object> json(RepairPlan plan, RepairResult result) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("bucket", plan.bucket());
    data.put("mode", plan.mode().name());
    data.put("objectsToChange", plan.objectsToChange());
    data.put("bytesToCopy", plan.bytesToCopy());
    data.put("requestCostUsd", plan.requestCost());
    data.put("steps", plan.steps().stream().map(RepairCommand::step).toList());
    if (result != null) {
      Map<String, Object> counts = new LinkedHashMap<>();
      result.counts().forEach((status, count) -> counts.put(status.name(), count));
      data.put("counts", counts);
      data.put("jobs", result.jobs().stream().map(job -> Map.of("id", job.id(), "operation",
          job.operation(), "objects", job.objects(), "manifestKey", job.manifestKey())).toList());
      data.put("notes", result.notes());
      data.put("problems", result.problems().stream().map(problem -> Map.of("key",
          problem.key(), "status", problem.status().name(), "detail", problem.detail()))
          .toList());
    }
    return data;
  }

  private static Map<String, Object> step(RepairStep step) {
    return Map.of("action", step.action().name(), "detail", step.detail(), "objects",
        step.objects(), "bytes", step.bytes());
  }
}
