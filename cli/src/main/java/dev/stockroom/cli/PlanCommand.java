package dev.stockroom.cli;

import dev.stockroom.Stockroom;
import dev.stockroom.cost.CostModel;
import dev.stockroom.cost.KindCostChange;
import dev.stockroom.cost.PolicyChangeCost;
import dev.stockroom.lifecycle.LifecyclePlan;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code stockroom plan}: the bucket's lifecycle against the policy, without writing. Exits 0
 * when nothing would change and 2 when something would, so a CI job can fail on drift. Given a
 * workload ({@code --add}, {@code --inventory} or {@code --measure-live}), it also prices the
 * change: each changed kind's monthly cost at {@code --cost-month}, under the bucket's rules
 * today and under the policy.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Show how the bucket's lifecycle rules differ from the policy, without writing; "
        + "with a workload, what the change does to the monthly cost. "
        + "Exit status 0: nothing would change; 2: something would.")
final class PlanCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  @Mixin
  WorkloadOptions workload;

  @Option(names = "--cost-month", paramLabel = "N", defaultValue = "12",
      description = "with a workload: the month whose cost is compared (default ${DEFAULT-VALUE})")
  int costMonth;

  PlanCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (costMonth < 1 || costMonth > CostModel.MAX_MONTHS) {
      throw new UsageException("--cost-month=" + costMonth + ": must be between 1 and "
          + CostModel.MAX_MONTHS);
    }
    try (var stockroom = common.open(context)) {
      LifecyclePlan plan = stockroom.lifecycle().plan();
      StringBuilder text = new StringBuilder(plan.toString());
      Map<String, Object> data = new LinkedHashMap<>(LifecycleAnswer.json(plan, false));
      if (workload.given()) {
        PolicyChangeCost cost = costOf(stockroom, plan);
        text.append(text.toString().endsWith("\n") ? "" : "\n").append("Cost effect:\n")
            .append(cost).append('\n');
        data.put("costEffect", json(cost));
      }
      new Output(context, common.json).answer(text.toString(), data);
      return plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    } catch (UncheckedIOException e) {
      throw new UsageException(e.getMessage(), e);
    }
  }

  private PolicyChangeCost costOf(Stockroom stockroom, LifecyclePlan plan) {
    return workload.model(stockroom, costMonth).change(plan, stockroom.policies(), costMonth);
  }

  private static Map<String, Object> json(PolicyChangeCost cost) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("month", cost.month());
    data.put("differenceUsd", cost.difference());
    data.put("kinds", cost.kinds().stream().map(PlanCommand::json).toList());
    return data;
  }

  private static Map<String, Object> json(KindCostChange change) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("kind", change.kind().id());
    data.put("change", change.description());
    data.put("beforeUsd", change.before());
    data.put("afterUsd", change.after());
    return data;
  }
}
