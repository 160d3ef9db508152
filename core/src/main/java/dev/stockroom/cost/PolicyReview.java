package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Reviews a catalog's lifecycle rules against a price list and a workload: each transition's
 * break-even size, and the rules that lose money ({@link CostWarning}).
 */
final class PolicyReview {

  private final PriceList prices;
  private final BreakEven breakEven;
  private final long horizonHours;
  private final TransitionMinimumSize minimumSize;

  PolicyReview(PriceList prices, int months, TransitionMinimumSize minimumSize) {
    this.prices = prices;
    this.breakEven = new BreakEven(prices);
    this.horizonHours = months * Projector.HOURS_PER_MONTH;
    this.minimumSize = minimumSize;
  }

  /** Returns the break-even size of every transition in the catalog, in kind order. */
  List<RuleBreakEven> breakEvens(PolicyCatalog catalog) {
    List<RuleBreakEven> all = new ArrayList<>();
    for (StoragePolicy policy : catalog.policies()) {
      KindLifecycle lifecycle = KindLifecycle.of(policy);
      StorageClass from = lifecycle.uploadClass();
      List<KindLifecycle.Step> steps = lifecycle.steps();
      for (int i = 0; i < steps.size(); i++) {
        KindLifecycle.Step step = steps.get(i);
        long leaves = i + 1 < steps.size() ? steps.get(i + 1).hours() : lifecycle.expirationHours();
        long hours = hoursInTarget(step.hours(), leaves);
        all.add(new RuleBreakEven(policy.kind(), from, step.target(), step.days(),
            hours / KindLifecycle.HOURS_PER_DAY, breakEven.size(from, step.target(), hours)));
        from = step.target();
      }
    }
    return List.copyOf(all);
  }

  /** Returns the warnings for every kind the workload stores. */
  List<CostWarning> warnings(PolicyCatalog catalog, Workload workload) {
    List<CostWarning> warnings = new ArrayList<>();
    for (KindWorkload kind : workload.kinds()) {
      KindLifecycle lifecycle = KindLifecycle.of(catalog.policy(kind.kind()));
      Map<Long, Double> mix = sizeMix(kind);
      if (!mix.isEmpty()) {
        for (KindLifecycle.Step step : lifecycle.steps()) {
          transitionWarnings(kind.kind(), lifecycle, step, mix, warnings);
        }
        durationWarnings(kind.kind(), lifecycle, warnings);
      }
    }
    return List.copyOf(warnings);
  }

  /**
   * Returns a warning for each kind whose policy costs more than keeping it in STANDARD over the
   * projection, with the categories that make the difference.
   */
  List<CostWarning> kindWarnings(PolicyCatalog catalog, CostProjection policy,
      CostProjection standard) {
    List<CostWarning> warnings = new ArrayList<>();
    for (DataKind kind : DataKind.values()) {
      double extra = policy.total(kind) - standard.total(kind);
      if (extra > 0.005) {
        warnings.add(costsMore(kind, KindLifecycle.of(catalog.policy(kind)), policy, standard,
            extra));
      }
    }
    return warnings;
  }

  private static CostWarning costsMore(DataKind kind, KindLifecycle lifecycle,
      CostProjection policy, CostProjection standard, double extra) {
    List<String> parts = new ArrayList<>();
    for (CostCategory category : CostCategory.values()) {
      double difference = categoryTotal(policy, kind, category)
          - categoryTotal(standard, kind, category);
      if (Math.abs(difference) >= 0.005) {
        parts.add((difference < 0 ? "saves " : "adds ") + Usd.format(Math.abs(difference)) + " of "
            + category.name().toLowerCase(Locale.ROOT).replace('_', ' '));
      }
    }
    List<KindLifecycle.Step> steps = lifecycle.steps();
    KindLifecycle.Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
    return new CostWarning(CostWarning.Type.COSTS_MORE_THAN_STANDARD, kind,
        last == null ? lifecycle.uploadClass() : last.target(), last == null ? 0 : last.days(),
        OptionalLong.empty(), extra, String.format(Locale.ROOT,
            "%s: its policy costs %s more than keeping it in STANDARD over %d months: it %s",
            kind, Usd.format(extra), policy.months(), String.join(", ", parts)));
  }

  private static double categoryTotal(CostProjection projection, DataKind kind,
      CostCategory category) {
    double total = 0;
    for (int m = 1; m <= projection.months(); m++) {
      for (StorageClass storageClass : StorageClasses.WARM_TO_COLD) {
        total += projection.cost(m, kind, storageClass, category);
      }
    }
    return total;
  }

  private long hoursInTarget(long enters, long leaves) {
    return leaves == KindLifecycle.KEPT ? horizonHours : leaves - enters;
  }

  /** Returns the kind's object sizes with their weights: objects added, then objects stored. */
  private static Map<Long, Double> sizeMix(KindWorkload kind) {
    Map<Long, Double> mix = new LinkedHashMap<>();
    for (SizeBucket bucket : kind.sizes().buckets()) {
      if (kind.objectsPerMonth() > 0) {
        mix.merge(bucket.bytes(), kind.objectsPerMonth() * bucket.share(), Double::sum);
      }
    }
    for (ExistingObjects existing : kind.existing()) {
      if (existing.count() > 0) {
        mix.merge(existing.bytes(), (double) existing.count(), Double::sum);
      }
    }
    double total = mix.values().stream().mapToDouble(Double::doubleValue).sum();
    mix.replaceAll((bytes, weight) -> weight / total);
    return mix;
  }

  private void transitionWarnings(DataKind kind, KindLifecycle lifecycle, KindLifecycle.Step step,
      Map<Long, Double> mix, List<CostWarning> warnings) {
    double moved = 0;
    double fees = 0;
    double saved = 0;
    for (Map.Entry<Long, Double> bucket : mix.entrySet()) {
      Timeline timeline = Timeline.of(lifecycle, bucket.getKey(), lifecycle.uploadClass(), 0,
          minimumSize, Timeline.NEVER);
      Move move = move(timeline, step.target());
      if (move == null) {
        continue;
      }
      long bytes = bucket.getKey();
      double share = bucket.getValue();
      moved += share;
      fees += share * breakEven.fee(step.target());
      saved += share * (breakEven.stayingStorage(move.from(), bytes, move.hours())
          - breakEven.movedStorage(step.target(), bytes, move.hours()));
      double loss = breakEven.loss(move.from(), step.target(), bytes, move.hours());
      if (loss > 0) {
        warnings.add(belowBreakEven(kind, step, move, bytes, share, loss));
      }
    }
    if (moved > 0 && fees > saved) {
      double per1000 = (fees - saved) / moved * 1000;
      warnings.add(new CostWarning(CostWarning.Type.TRANSITION_LOSES_MONEY, kind, step.target(),
          step.days(), OptionalLong.empty(), per1000, String.format(Locale.ROOT,
              "%s: %s at %d days loses money on this workload: its transition fees (%s per 1,000 "
                  + "objects moved) exceed the storage it saves over the objects' time in %s "
                  + "(%s per 1,000), a loss of %s per 1,000 objects", kind, step.target(),
              step.days(), Usd.format(fees / moved * 1000), step.target(),
              Usd.format(saved / moved * 1000), Usd.format(per1000))));
    }
  }

  private CostWarning belowBreakEven(DataKind kind, KindLifecycle.Step step, Move move,
      long bytes, double share, double loss) {
    OptionalLong size = breakEven.size(move.from(), step.target(), move.hours());
    String threshold = size.isPresent() ? "below the break-even size of "
        + Sizes.format(size.getAsLong()) : "and no object size breaks even";
    return new CostWarning(CostWarning.Type.BELOW_BREAK_EVEN_SIZE, kind, step.target(),
        step.days(), size, loss, String.format(Locale.ROOT,
            "%s: %s at %d days moves objects of %s (%.0f%% of %s objects from %s) %s: each costs "
                + "%s more than it saves over %d days in %s", kind, step.target(), step.days(),
            Sizes.format(bytes), share * 100, kind, move.from(), threshold, Usd.format(loss),
            move.hours() / KindLifecycle.HOURS_PER_DAY, step.target()));
  }

  /** A move of a sized object into a class, and the hours it then spends there. */
  private record Move(StorageClass from, long hours) {}

  private Move move(Timeline timeline, StorageClass target) {
    List<Timeline.Exit> exits = timeline.exits();
    for (int i = 0; i < exits.size(); i++) {
      Timeline.Exit exit = exits.get(i);
      if (exit.to() == target) {
        long leaves = i + 1 < exits.size() ? exits.get(i + 1).at() : KindLifecycle.KEPT;
        return new Move(exit.from(), hoursInTarget(exit.at(), leaves));
      }
    }
    return null;
  }

  private void durationWarnings(DataKind kind, KindLifecycle lifecycle,
      List<CostWarning> warnings) {
    StorageClass current = lifecycle.uploadClass();
    long entered = 0;
    for (KindLifecycle.Step step : lifecycle.steps()) {
      checkDuration(kind, current, entered, step.hours(), step.target(), warnings);
      current = step.target();
      entered = step.hours();
    }
    if (lifecycle.expirationHours() != KindLifecycle.KEPT) {
      checkDuration(kind, current, entered, lifecycle.expirationHours(), null, warnings);
    }
  }

  private void checkDuration(DataKind kind, StorageClass storageClass, long entered, long leaves,
      StorageClass next, List<CostWarning> warnings) {
    long stayedDays = (leaves - entered) / KindLifecycle.HOURS_PER_DAY;
    int minimum = prices.minimumDays(storageClass);
    if (stayedDays >= minimum) {
      return;
    }
    long remaining = minimum - stayedDays;
    double perGb = prices.storagePerGbMonth(storageClass) * remaining * KindLifecycle.HOURS_PER_DAY
        / Projector.HOURS_PER_MONTH;
    long leavesDays = leaves / KindLifecycle.HOURS_PER_DAY;
    String what = next == null ? "expires at " + leavesDays + " days"
        : "moves to " + next + " at " + leavesDays + " days";
    String since = entered == 0 ? "upload to " : "moving to ";
    warnings.add(new CostWarning(CostWarning.Type.BEFORE_MINIMUM_DURATION, kind, storageClass,
        (int) leavesDays, OptionalLong.empty(), perGb, String.format(Locale.ROOT,
            "%s: %s, %d days after %s%s, whose minimum storage duration is %d days: the "
                + "remaining %d days are billed as an early deletion (%s per GB)", kind, what,
            stayedDays, since, storageClass, minimum, remaining, Usd.format(perGb))));
  }
}
