package dev.stockroom.cli;

import dev.stockroom.lifecycle.LifecyclePlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stockroom plan}: the bucket's lifecycle against the policy, without writing. Exits 0
 * when nothing would change and 2 when something would, so a CI job can fail on drift.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
    description = "Show how the bucket's lifecycle rules differ from the policy, without writing. "
        + "Exit status 0: nothing would change; 2: something would.")
final class PlanCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  PlanCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (var stockroom = common.open(context)) {
      LifecyclePlan plan = stockroom.lifecycle().plan();
      new Output(context, common.json).answer(plan.toString(), LifecycleAnswer.json(plan, false));
      return plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
    }
  }
}
