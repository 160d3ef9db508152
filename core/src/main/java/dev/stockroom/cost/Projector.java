package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Projects a {@link Scenario} month by month by cohorts (month added × kind × size bucket, plus
 * each group of existing objects), never per object: the work grows with months, kinds and
 * buckets, not with the number of objects. Time runs in hours; a month is 730 hours (AWS's
 * billing convention), objects added in a month count from its first hour.
 */
final class Projector {

  static final long HOURS_PER_MONTH = 730;

  private final Scenario scenario;
  private final Workload workload;
  private final PriceList prices;
  private final int months;
  private final TransitionMinimumSize minimumSize;
  private final Ledger ledger;
  private final List<Cohort> cohorts = new ArrayList<>();
  private final double[][] readHours;

  /**
   * Objects that share a birth hour, a size and a path through storage classes.
   *
   * @param birth hour of creation relative to the projection's start (negative when existing)
   * @param uploaded whether the objects are uploaded during the projection (one PUT each)
   */
  private record Cohort(KindWorkload workload, long birth, double count, boolean uploaded,
      StorageClass uploadClass, Timeline timeline) {}

  private Projector(Scenario scenario, Workload workload, PriceList prices, int months,
      TransitionMinimumSize minimumSize) {
    this.scenario = scenario;
    this.workload = workload;
    this.prices = prices;
    this.months = months;
    this.minimumSize = minimumSize;
    this.ledger = new Ledger(months);
    this.readHours = new double[DataKind.values().length][months + 1];
  }

  /**
   * Returns the scenario's costs.
   *
   * @throws IllegalArgumentException if the price list lacks a class the scenario uses
   */
  static Ledger project(Scenario scenario, Workload workload, PriceList prices, int months,
      TransitionMinimumSize minimumSize) {
    Projector projector = new Projector(scenario, workload, prices, months, minimumSize);
    projector.checkPrices();
    projector.buildCohorts();
    projector.cohorts.forEach(projector::countReadHours);
    projector.cohorts.forEach(projector::charge);
    return projector.ledger;
  }

  private void checkPrices() {
    for (KindWorkload kind : workload.kinds()) {
      KindLifecycle lifecycle = scenario.lifecycle(kind.kind());
      checkPriced(lifecycle.uploadClass(), kind.kind());
      lifecycle.steps().forEach(step -> checkPriced(step.target(), kind.kind()));
      kind.existing().forEach(e -> checkPriced(e.storageClass(), kind.kind()));
    }
  }

  private void checkPriced(StorageClass storageClass, DataKind kind) {
    Require.argument(prices.prices(storageClass), "price list %s (%s) has no prices for %s, which "
        + "%s uses in the %s scenario", prices.region(), prices.effective(), storageClass, kind,
        scenario.name());
  }

  private void buildCohorts() {
    for (KindWorkload kind : workload.kinds()) {
      KindLifecycle lifecycle = scenario.lifecycle(kind.kind());
      long clock = tieringClock(kind);
      for (SizeBucket bucket : kind.sizes().buckets()) {
        Timeline timeline = Timeline.of(lifecycle, bucket.bytes(), lifecycle.uploadClass(), 0,
            minimumSize, clock);
        for (int month = 1; month <= months; month++) {
          double count = kind.objectsAdded(month) * bucket.share();
          if (count > 0) {
            cohorts.add(new Cohort(kind, (month - 1) * HOURS_PER_MONTH, count, true,
                lifecycle.uploadClass(), timeline));
          }
        }
      }
      for (ExistingObjects existing : kind.existing()) {
        long age = existing.ageDays() * KindLifecycle.HOURS_PER_DAY;
        Timeline timeline = Timeline.of(lifecycle, existing.bytes(), existing.storageClass(), age,
            minimumSize, clock);
        cohorts.add(new Cohort(kind, -age, existing.count(), false, existing.storageClass(),
            timeline));
      }
    }
  }

  /**
   * Returns the age from which Intelligent-Tiering counts days without access: objects never
   * read tier down from upload; objects read only while young, from the end of that window;
   * objects read at any age are assumed to stay in the Frequent tier.
   */
  static long tieringClock(KindWorkload kind) {
    if (kind.readsPerMonth() == 0) {
      return 0;
    }
    return kind.readWindowDays().isPresent()
        ? kind.readWindowDays().getAsInt() * KindLifecycle.HOURS_PER_DAY : Timeline.NEVER;
  }

  private static long readWindowEnd(KindWorkload kind) {
    return kind.readWindowDays().isPresent()
        ? kind.readWindowDays().getAsInt() * KindLifecycle.HOURS_PER_DAY : Timeline.NEVER;
  }

  private void countReadHours(Cohort cohort) {
    long windowEnd = readWindowEnd(cohort.workload());
    int kind = cohort.workload().kind().ordinal();
    for (int month = firstMonth(cohort); month <= months; month++) {
      long from = monthStartAge(cohort, month);
      for (Timeline.Span span : cohort.timeline().spans()) {
        long hours = Timeline.overlap(span.from(), Math.min(span.to(), windowEnd), from,
            from + HOURS_PER_MONTH);
        readHours[kind][month] += cohort.count() * hours;
      }
    }
  }

  private void charge(Cohort cohort) {
    DataKind kind = cohort.workload().kind();
    if (cohort.uploaded()) {
      ledger.add(firstMonth(cohort), kind, cohort.uploadClass(), CostCategory.REQUESTS,
          cohort.count() * prices.putPer1000(cohort.uploadClass()) / 1000);
    }
    for (int month = firstMonth(cohort); month <= months; month++) {
      long from = monthStartAge(cohort, month);
      if (from > cohort.timeline().end()) {
        break;
      }
      for (Timeline.Span span : cohort.timeline().spans()) {
        long hours = Timeline.overlap(span.from(), span.to(), from, from + HOURS_PER_MONTH);
        if (hours > 0) {
          chargeSpan(cohort, month, span, hours);
          chargeReads(cohort, month, span, from);
        }
      }
      for (Timeline.Exit exit : cohort.timeline().exits()) {
        if (exit.at() >= from && exit.at() < from + HOURS_PER_MONTH) {
          chargeExit(cohort, month, exit);
        }
      }
    }
  }

  private void chargeSpan(Cohort cohort, int month, Timeline.Span span, long hours) {
    DataKind kind = cohort.workload().kind();
    StorageClass storageClass = span.storageClass();
    double objectMonths = cohort.count() * hours / HOURS_PER_MONTH;
    long bytes = cohort.timeline().bytes();
    ledger.add(month, kind, storageClass, CostCategory.STORAGE,
        objectMonths * Billing.classStoragePerMonth(prices, storageClass, span.tier(), bytes));
    ledger.add(month, kind, StorageClass.STANDARD, CostCategory.STORAGE,
        objectMonths * Billing.standardOverheadPerMonth(prices, storageClass));
    ledger.addStored(month, storageClass, objectMonths * bytes / PriceList.bytesPerGb());
    if (span.monitored()) {
      ledger.add(month, kind, storageClass, CostCategory.MONITORING,
          objectMonths * prices.monitoringPer1000() / 1000);
    }
    ledger.add(month, kind, storageClass, CostCategory.TAGS,
        objectMonths * cohort.workload().tagsPerObject() * prices.tagsPer10000() / 10_000);
  }

  private void chargeReads(Cohort cohort, int month, Timeline.Span span, long monthStart) {
    KindWorkload kind = cohort.workload();
    double eligible = readHours[kind.kind().ordinal()][month];
    long hours = Timeline.overlap(span.from(), Math.min(span.to(), readWindowEnd(kind)),
        monthStart, monthStart + HOURS_PER_MONTH);
    if (eligible <= 0 || hours == 0 || kind.readsPerMonth() == 0) {
      return;
    }
    double reads = kind.reads(month) * cohort.count() * hours / eligible;
    StorageClass storageClass = span.storageClass();
    double gb = cohort.timeline().bytes() / PriceList.bytesPerGb();
    ledger.add(month, kind.kind(), storageClass, CostCategory.REQUESTS,
        reads * prices.getPer1000(storageClass) / 1000);
    ledger.add(month, kind.kind(), storageClass, CostCategory.RETRIEVALS,
        reads * (gb * prices.retrievalPerGb(storageClass)
            + prices.restorePer1000(storageClass) / 1000));
  }

  private void chargeExit(Cohort cohort, int month, Timeline.Exit exit) {
    DataKind kind = cohort.workload().kind();
    if (exit.to() != null) {
      ledger.add(month, kind, exit.to(), CostCategory.TRANSITIONS,
          cohort.count() * prices.transitionPer1000(exit.to()) / 1000);
    }
    long early = Billing.earlyHours(prices, exit);
    if (early > 0) {
      ledger.add(month, kind, exit.from(), CostCategory.EARLY_DELETION,
          cohort.count() * early / (double) HOURS_PER_MONTH
              * Billing.classStoragePerMonth(prices, exit.from(), null,
                  cohort.timeline().bytes()));
    }
  }

  private int firstMonth(Cohort cohort) {
    return cohort.birth() < 0 ? 1 : (int) (cohort.birth() / HOURS_PER_MONTH) + 1;
  }

  /** Returns the cohort's age in hours at the first hour of {@code month}. */
  private static long monthStartAge(Cohort cohort, int month) {
    return (month - 1) * HOURS_PER_MONTH - cohort.birth();
  }
}
