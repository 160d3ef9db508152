package dev.stockroom.cli;

import dev.stockroom.lifecycle.LifecyclePlan;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code stockroom apply}: writes the policy's lifecycle rules when they differ, keeping every
 * rule Stockroom does not own.
 */
@Command(name = "apply", mixinStandardHelpOptions = true,
    description = "Write the policy's lifecycle rules to the bucket when they differ; rules "
        + "Stockroom does not own are kept as they are.")
final class ApplyCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  ApplyCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (var stockroom = common.open(context)) {
      LifecyclePlan plan = stockroom.lifecycle().apply();
      String text = plan.hasChanges() ? "Applied:\n" + plan : "Nothing to change.\n" + plan;
      new Output(context, common.json).answer(text, LifecycleAnswer.json(plan,
          plan.hasChanges()));
      return ExitCodes.OK;
    }
  }
}
