package dev.stockroom.cost;

import java.util.List;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The storage classes the cost model prices, warmest first: the order in which lifecycle moves
 * objects (the same order as the policy catalog's invariants).
 */
final class StorageClasses {

  static final List<StorageClass> WARM_TO_COLD = List.of(StorageClass.STANDARD,
      StorageClass.INTELLIGENT_TIERING, StorageClass.STANDARD_IA, StorageClass.ONEZONE_IA,
      StorageClass.GLACIER_IR, StorageClass.GLACIER, StorageClass.DEEP_ARCHIVE);

  private StorageClasses() {}

  /** Returns the class's rank, higher is colder, or -1 for a class the model does not price. */
  static int rank(StorageClass storageClass) {
    return WARM_TO_COLD.indexOf(storageClass);
  }

  /** Returns the class named {@code name}, or null when the model does not price it. */
  static StorageClass named(String name) {
    for (StorageClass storageClass : WARM_TO_COLD) {
      if (storageClass.toString().equals(name)) {
        return storageClass;
      }
    }
    return null;
  }

  /** Returns the names of the priced classes, for messages. */
  static String names() {
    return String.join(", ", WARM_TO_COLD.stream().map(StorageClass::toString).toList());
  }
}
