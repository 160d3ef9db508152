package dev.stockroom.policy;

import java.util.List;

/**
 * Orders S3 storage classes from warm to cold, the direction in which S3 lifecycle transitions
 * may move objects.
 */
final class StorageClassOrder {

  /** Storage classes by name, warmest first; REDUCED_REDUNDANCY ranks with STANDARD. */
  private static final List<String> WARM_TO_COLD = List.of("STANDARD", "INTELLIGENT_TIERING",
      "STANDARD_IA", "ONEZONE_IA", "GLACIER_IR", "GLACIER", "DEEP_ARCHIVE");

  private StorageClassOrder() {}

  /** Returns the class's rank (higher is colder), or -1 for a class lifecycle cannot manage. */
  static int rank(String storageClass) {
    return "REDUCED_REDUNDANCY".equals(storageClass) ? 0 : WARM_TO_COLD.indexOf(storageClass);
  }

  /** Returns whether the class is an infrequent-access class with S3's 30-day minimum. */
  static boolean isInfrequentAccess(String storageClass) {
    return "STANDARD_IA".equals(storageClass) || "ONEZONE_IA".equals(storageClass);
  }
}
