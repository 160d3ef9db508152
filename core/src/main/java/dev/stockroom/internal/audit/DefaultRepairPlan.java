package dev.stockroom.internal.audit;

import dev.stockroom.audit.RepairMode;
import dev.stockroom.audit.RepairPlan;
import dev.stockroom.audit.RepairRequest;
import dev.stockroom.audit.RepairResult;
import dev.stockroom.audit.RepairStep;
import dev.stockroom.cost.PriceList;
import dev.stockroom.cost.Sizes;
import dev.stockroom.internal.Futures;
import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;

/** A repair plan: its steps and costs, and how to carry it out. */
final class DefaultRepairPlan implements RepairPlan {

  private final String bucket;
  private final Path findingsFile;
  private final String digest;
  private final RepairRequest request;
  private final RepairMode mode;
  private final List<RepairStep> steps;
  private final long objectsToChange;
  private final long bytesToCopy;
  private final RepairCosts costs;
  private final Function<DefaultRepairPlan, RepairResult> applier;
  private final Executor executor;

  DefaultRepairPlan(String bucket, Path findingsFile, String digest, RepairRequest request,
      RepairMode mode, PlanSteps steps, RepairCosts costs,
      Function<DefaultRepairPlan, RepairResult> applier, Executor executor) {
    this.bucket = bucket;
    this.findingsFile = findingsFile;
    this.digest = digest;
    this.request = request;
    this.mode = mode;
    this.steps = steps.steps();
    this.objectsToChange = steps.objectsToChange();
    this.bytesToCopy = steps.bytesToCopy();
    this.costs = costs;
    this.applier = applier;
    this.executor = executor;
  }

  @Override
  public String bucket() {
    return bucket;
  }

  @Override
  public Path findingsFile() {
    return findingsFile;
  }

  /** Returns the SHA-256 of the findings file when the plan was made. */
  String digest() {
    return digest;
  }

  @Override
  public RepairRequest request() {
    return request;
  }

  @Override
  public RepairMode mode() {
    return mode;
  }

  @Override
  public List<RepairStep> steps() {
    return steps;
  }

  @Override
  public long objectsToChange() {
    return objectsToChange;
  }

  @Override
  public long bytesToCopy() {
    return bytesToCopy;
  }

  @Override
  public double requestCost(PriceList prices) {
    return costs.price(Require.nonNull(prices, "prices"));
  }

  @Override
  public RepairResult apply() {
    return applier.apply(this);
  }

  @Override
  public CompletableFuture<RepairResult> applyAsync() {
    return Futures.supplyAsync(this::apply, executor);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "Repair of bucket '%s' "
        + "from %s, %s: %,d objects to change, %s to copy, requests about %.2f USD%n", bucket,
        findingsFile, mode, objectsToChange, Sizes.format(bytesToCopy), requestCost()));
    for (RepairStep step : steps) {
      text.append(String.format(Locale.ROOT, "%-14s %-60s %,10d %10s%n", step.action(),
          step.detail(), step.objects(), Sizes.format(step.bytes())));
    }
    return text.toString();
  }
}
