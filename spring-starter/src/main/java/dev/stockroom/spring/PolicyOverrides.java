package dev.stockroom.spring;

import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.policy.Transition;
import dev.stockroom.spring.InvalidStockroomPropertyException.Refused;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * Turns {@code stockroom.policies.*} into a {@link PolicyCatalog}, so that a refused override is
 * reported against the one property that broke the policy, with its value.
 *
 * <p>Each set property is one step. Steps run in a fixed order: kinds in {@link DataKind} order,
 * and within a kind prefix, cache-control, transition-to-ia, transition-to-archive,
 * archive-class, expiration, noncurrent-expiration. When all steps together give valid policies,
 * that catalog is used, however the steps look one at a time (two kinds may swap prefixes). When
 * they do not, the catalog is checked after every step, and the step blamed is the first after
 * which the catalog stays invalid to the end: the last one that turned valid policies into
 * invalid ones. The reason is core's message for the catalog right after that step.
 */
final class PolicyOverrides {

  /** The properties of one kind's overrides, in the order they are applied. */
  static final List<String> ORDER = List.of("prefix", "cache-control", "transition-to-ia",
      "transition-to-archive", "archive-class", "expiration", "noncurrent-expiration");

  private static final List<String> ARCHIVE_CLASSES = List.of("GLACIER", "GLACIER_IR",
      "DEEP_ARCHIVE");
  private static final String ACTION = "Correct %s or remove it to keep the default. A kind's "
      + "overrides are applied one at a time in the order " + String.join(", ", ORDER)
      + " (kinds in the order " + Stream.of(DataKind.values()).map(DataKind::id)
      .collect(Collectors.joining(", ")) + "); the property named is the first after which the "
      + "policies stay invalid.";

  /** One set property: what it changes in its kind's policy. */
  private record Step(DataKind kind, Refused property, Consumer<StoragePolicy.Builder> change) {}

  private final PropertyValues values;
  private final List<Step> steps = new ArrayList<>();

  private PolicyOverrides(PropertyValues values) {
    this.values = values;
  }

  /**
   * Returns the default catalog with the overrides applied.
   *
   * @throws InvalidStockroomPropertyException naming the property and its value when a kind is
   *     unknown, a value is malformed, or the overrides break a policy invariant
   */
  static PolicyCatalog apply(Map<String, StockroomProperties.Policy> overrides,
      PropertyValues values) {
    PolicyOverrides policies = new PolicyOverrides(values);
    byKind(overrides).forEach(policies::addSteps);
    return policies.catalog();
  }

  /** Returns the overrides by kind, in kind order, refusing unknown and repeated kinds. */
  private static Map<DataKind, Map.Entry<String, StockroomProperties.Policy>> byKind(
      Map<String, StockroomProperties.Policy> overrides) {
    Map<DataKind, Map.Entry<String, StockroomProperties.Policy>> byKind =
        new EnumMap<>(DataKind.class);
    overrides.entrySet().forEach(entry -> {
      String group = group(entry.getKey());
      DataKind kind;
      try {
        kind = DataKind.fromId(entry.getKey());
      } catch (IllegalArgumentException e) {
        throw new InvalidStockroomPropertyException(List.of(Refused.nameOnly(group)),
            e.getMessage(), "Use one of " + Stream.of(DataKind.values()).map(DataKind::id)
            .toList() + " under " + StockroomProperties.PREFIX + ".policies.", e);
      }
      var previous = byKind.put(kind, entry);
      if (previous != null) {
        throw new InvalidStockroomPropertyException(List.of(
            Refused.nameOnly(group(previous.getKey())), Refused.nameOnly(group)),
            "both override " + kind, "Keep one of them.", null);
      }
    });
    return byKind;
  }

  private void addSteps(DataKind kind, Map.Entry<String, StockroomProperties.Policy> entry) {
    String group = group(entry.getKey());
    StockroomProperties.Policy policy = entry.getValue();
    if (policy.getPrefix() != null) {
      String prefix = policy.getPrefix();
      add(kind, group + ".prefix", prefix, p -> p.prefix(prefix));
    }
    if (policy.getCacheControl() != null) {
      String cacheControl = policy.getCacheControl();
      add(kind, group + ".cache-control", cacheControl, p -> p.cacheControl(cacheControl));
    }
    addTransitionSteps(kind, group, policy);
    if (policy.getExpiration() != null) {
      String property = group + ".expiration";
      int days = days(property, policy.getExpiration());
      add(kind, property, policy.getExpiration(), p -> p.expirationDays(days));
    }
    if (policy.getNoncurrentExpiration() != null) {
      String property = group + ".noncurrent-expiration";
      int days = days(property, policy.getNoncurrentExpiration());
      add(kind, property, policy.getNoncurrentExpiration(),
          p -> p.noncurrentVersionExpirationDays(days));
    }
  }

  /**
   * Adds the transition-to-ia, transition-to-archive and archive-class steps; each sets the
   * kind's whole list of transitions as it stands after that property.
   */
  private void addTransitionSteps(DataKind kind, String group,
      StockroomProperties.Policy policy) {
    List<Transition> transitions = new ArrayList<>(
        PolicyCatalog.defaults().policy(kind).transitions());
    if (policy.getTransitionToIa() != null) {
      String property = group + ".transition-to-ia";
      int days = days(property, policy.getTransitionToIa());
      transitions.removeIf(t -> t.storageClass() == TransitionStorageClass.STANDARD_IA);
      transitions.add(Transition.of(days, TransitionStorageClass.STANDARD_IA));
      add(kind, property, policy.getTransitionToIa(), transitions(transitions));
    }
    if (policy.getTransitionToArchive() != null) {
      String property = group + ".transition-to-archive";
      int days = days(property, policy.getTransitionToArchive());
      TransitionStorageClass archiveClass = archive(transitions)
          .map(Transition::storageClass).orElse(TransitionStorageClass.GLACIER);
      transitions.removeIf(PolicyOverrides::isArchive);
      transitions.add(Transition.of(days, archiveClass));
      add(kind, property, policy.getTransitionToArchive(), transitions(transitions));
    }
    if (policy.getArchiveClass() != null) {
      addArchiveClass(kind, group + ".archive-class", policy.getArchiveClass(), transitions);
    }
  }

  /** Changes the class of the kind's archive step, which must exist by now. */
  private void addArchiveClass(DataKind kind, String property, String value,
      List<Transition> transitions) {
    String archiveClass = value.trim().toUpperCase(Locale.ROOT);
    if (!ARCHIVE_CLASSES.contains(archiveClass)) {
      throw refused(property, value, "archive-class must be one of "
          + String.join(", ", ARCHIVE_CLASSES) + ", but was '" + values.shown(property, value)
          + "'", "Set " + property + " to one of " + String.join(", ", ARCHIVE_CLASSES) + ".");
    }
    Transition archive = archive(transitions).orElseThrow(() -> refused(property, value,
        kind + " has no transition to an archive class to change",
        "Set " + property.replace(".archive-class", ".transition-to-archive")
            + " as well, to say when objects move to " + archiveClass + "."));
    transitions.remove(archive);
    transitions.add(Transition.of(archive.days(), TransitionStorageClass.fromValue(archiveClass)));
    add(kind, property, value, transitions(transitions));
  }

  private void add(DataKind kind, String property, Object bound,
      Consumer<StoragePolicy.Builder> change) {
    steps.add(new Step(kind, values.refused(property, bound), change));
  }

  private PolicyCatalog catalog() {
    Attempt all = attempt(steps.size());
    if (all.failure().isEmpty()) {
      return all.catalog();
    }
    List<Attempt> attempts = new ArrayList<>();
    for (int k = 1; k <= steps.size(); k++) {
      attempts.add(attempt(k));
    }
    int blamed = attempts.size() - 1;
    while (blamed > 0 && attempts.get(blamed - 1).failure().isPresent()) {
      blamed--;
    }
    Step step = steps.get(blamed);
    IllegalArgumentException failure = attempts.get(blamed).failure().orElseThrow();
    throw new InvalidStockroomPropertyException(List.of(step.property()), failure.getMessage(),
        String.format(ACTION, step.property().property()), failure);
  }

  /** The catalog after the first {@code count} steps, or why it is invalid. */
  private record Attempt(PolicyCatalog catalog, Optional<IllegalArgumentException> failure) {}

  private Attempt attempt(int count) {
    Map<DataKind, List<Consumer<StoragePolicy.Builder>>> changes = new EnumMap<>(DataKind.class);
    steps.subList(0, count).forEach(step ->
        changes.computeIfAbsent(step.kind(), k -> new ArrayList<>()).add(step.change()));
    try {
      PolicyCatalog.Builder catalog = PolicyCatalog.builder();
      changes.forEach((kind, kindChanges) ->
          catalog.policy(kind, p -> kindChanges.forEach(change -> change.accept(p))));
      return new Attempt(catalog.build(), Optional.empty());
    } catch (IllegalArgumentException e) {
      return new Attempt(null, Optional.of(e));
    }
  }

  private static Consumer<StoragePolicy.Builder> transitions(List<Transition> transitions) {
    List<Transition> snapshot = List.copyOf(transitions);
    return p -> p.transitions(snapshot);
  }

  private static Optional<Transition> archive(List<Transition> transitions) {
    return transitions.stream().filter(PolicyOverrides::isArchive).findFirst();
  }

  private static boolean isArchive(Transition transition) {
    return ARCHIVE_CLASSES.contains(transition.storageClass().toString());
  }

  private int days(String property, Duration duration) {
    if (duration.isNegative() || duration.toSeconds() % 86_400 != 0
        || duration.toDays() > Integer.MAX_VALUE) {
      throw refused(property, duration, property.substring(property.lastIndexOf('.') + 1)
          + " must be a whole number of days (e.g. 120d), but was '"
          + values.shown(property, duration) + "'", "Set " + property + " in days, e.g. 120d.");
    }
    return (int) duration.toDays();
  }

  private InvalidStockroomPropertyException refused(String property, Object bound, String reason,
      String action) {
    return new InvalidStockroomPropertyException(List.of(values.refused(property, bound)), reason,
        action, null);
  }

  private static String group(String id) {
    return StockroomProperties.PREFIX + ".policies." + id;
  }
}
