package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * A way of storing every kind: its name in tables and each kind's {@link KindLifecycle}.
 *
 * @param name the scenario's name ("policy", "all STANDARD")
 * @param lifecycles the lifecycle of each kind
 */
record Scenario(String name, Map<DataKind, KindLifecycle> lifecycles) {

  static final String POLICY = "policy";

  Scenario {
    lifecycles = Map.copyOf(lifecycles);
  }

  /** Returns the catalog's policies as they stand. */
  static Scenario policy(PolicyCatalog catalog) {
    Map<DataKind, KindLifecycle> lifecycles = new EnumMap<>(DataKind.class);
    catalog.policies().forEach(p -> lifecycles.put(p.kind(), KindLifecycle.of(p)));
    return new Scenario(POLICY, lifecycles);
  }

  /**
   * Returns every kind uploaded to {@code storageClass} and never moved, each still expiring as
   * its policy says (retention is a business rule, not a storage choice).
   */
  static Scenario inOneClass(PolicyCatalog catalog, StorageClass storageClass) {
    Map<DataKind, KindLifecycle> lifecycles = new EnumMap<>(DataKind.class);
    catalog.policies().forEach(p -> lifecycles.put(p.kind(),
        KindLifecycle.inOneClass(p, storageClass)));
    return new Scenario("all " + storageClass, lifecycles);
  }

  KindLifecycle lifecycle(DataKind kind) {
    return lifecycles.get(kind);
  }
}
