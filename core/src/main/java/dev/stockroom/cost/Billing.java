package dev.stockroom.cost;

import software.amazon.awssdk.services.s3.model.StorageClass;

/** How S3 bills one object's storage in a class: minimum sizes, metadata and minimum durations. */
final class Billing {

  private Billing() {}

  /** Returns the bytes billed at the class's own price: the minimum size, plus its metadata. */
  static long billableBytes(PriceList prices, StorageClass storageClass, long bytes) {
    return Math.max(bytes, prices.minimumBillableBytes(storageClass))
        + prices.overheadClassBytes(storageClass);
  }

  /**
   * Returns one object's monthly charge at the class's own price ({@code tier} for
   * Intelligent-Tiering, null otherwise: the Frequent tier).
   */
  static double classStoragePerMonth(PriceList prices, StorageClass storageClass,
      IntelligentTieringTier tier, long bytes) {
    double price = tier == null ? prices.storagePerGbMonth(storageClass)
        : prices.storagePerGbMonth(tier);
    return price * billableBytes(prices, storageClass, bytes) / PriceList.bytesPerGb();
  }

  /** Returns one object's monthly charge for the metadata S3 bills at the STANDARD price. */
  static double standardOverheadPerMonth(PriceList prices, StorageClass storageClass) {
    return prices.storagePerGbMonth(StorageClass.STANDARD)
        * prices.overheadStandardBytes(storageClass) / PriceList.bytesPerGb();
  }

  /** Returns one object's monthly charge in the class, metadata at STANDARD included. */
  static double storagePerMonth(PriceList prices, StorageClass storageClass, long bytes) {
    return classStoragePerMonth(prices, storageClass, null, bytes)
        + standardOverheadPerMonth(prices, storageClass);
  }

  /** Returns the hours of the class's minimum duration still unused when the object leaves. */
  static long earlyHours(PriceList prices, Timeline.Exit exit) {
    long minimum = prices.minimumDays(exit.from()) * KindLifecycle.HOURS_PER_DAY;
    return Math.max(0, minimum - (exit.at() - exit.entered()));
  }
}
