package dev.stockroom.cost;

import java.util.Map;

/**
 * One storage class's prices and billing rules, as read from a price list.
 *
 * @param storagePerGbMonth storage per GB-month (for Intelligent-Tiering, the Frequent tier)
 * @param tierPerGbMonth Intelligent-Tiering's storage price per tier; empty for other classes
 * @param putPer1000 PUT, COPY, POST and LIST requests per 1,000
 * @param getPer1000 GET and other requests per 1,000
 * @param transitionPer1000 lifecycle transitions into the class per 1,000
 * @param retrievalPerGb data retrieval per GB
 * @param restorePer1000 restore requests per 1,000 (archive classes)
 * @param minimumDays minimum storage duration in days
 * @param minimumBillableBytes smaller objects are billed as this many bytes
 * @param overheadStandardBytes per-object metadata billed at the STANDARD price
 * @param overheadClassBytes per-object metadata billed at this class's price
 * @param monitoringPer1000 Intelligent-Tiering monitoring per 1,000 objects a month
 */
record ClassPrices(double storagePerGbMonth, Map<IntelligentTieringTier, Double> tierPerGbMonth,
    double putPer1000, double getPer1000, double transitionPer1000, double retrievalPerGb,
    double restorePer1000, int minimumDays, long minimumBillableBytes, long overheadStandardBytes,
    long overheadClassBytes, double monitoringPer1000) {

  ClassPrices {
    tierPerGbMonth = Map.copyOf(tierPerGbMonth);
  }
}
