package dev.stockroom.policy;

import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The storage policy of every {@link DataKind}, and the classification of object keys by prefix.
 * Immutable; start from {@link #defaults()} and override with {@link #builder()}.
 */
public final class PolicyCatalog {

  private static final PolicyCatalog DEFAULTS = new Builder(DefaultPolicies.all(),
      DefaultPolicies.ABORT_INCOMPLETE_MULTIPART_DAYS).build();

  private final Map<DataKind, StoragePolicy> policies;
  private final List<StoragePolicy> inKindOrder;
  private final int abortIncompleteMultipartUploadDays;

  private PolicyCatalog(Map<DataKind, StoragePolicy> policies, int abortDays) {
    this.policies = new EnumMap<>(policies);
    this.inKindOrder = List.copyOf(this.policies.values());
    this.abortIncompleteMultipartUploadDays = abortDays;
  }

  /** Returns the product's defaults (see {@code docs/policy.md}). */
  public static PolicyCatalog defaults() {
    return DEFAULTS;
  }

  /** Returns a builder that starts from the defaults. */
  public static Builder builder() {
    return DEFAULTS.toBuilder();
  }

  /** Returns a builder that starts from this catalog. */
  public Builder toBuilder() {
    return new Builder(inKindOrder, abortIncompleteMultipartUploadDays);
  }

  /** Returns the policy of {@code kind}. */
  public StoragePolicy policy(DataKind kind) {
    return policies.get(Require.nonNull(kind, "kind"));
  }

  /** Returns every policy, in {@link DataKind} order. */
  public List<StoragePolicy> policies() {
    return inKindOrder;
  }

  /** Returns the days after which the bucket lifecycle aborts incomplete multipart uploads. */
  public int abortIncompleteMultipartUploadDays() {
    return abortIncompleteMultipartUploadDays;
  }

  /** Returns the policy whose prefix holds {@code key}, if any. */
  public Optional<StoragePolicy> find(String key) {
    Require.nonNull(key, "key");
    for (StoragePolicy policy : inKindOrder) {
      if (key.startsWith(policy.prefix())) {
        return Optional.of(policy);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the policy whose prefix holds {@code key}.
   *
   * @throws IllegalArgumentException if the key lies under no known prefix: Stockroom never
   *     guesses a kind
   */
  public StoragePolicy classify(String key) {
    return find(key).orElseThrow(() -> new IllegalArgumentException(
        "key '" + key + "' lies under no known prefix; known prefixes are " + prefixes()));
  }

  private List<String> prefixes() {
    return inKindOrder.stream().map(StoragePolicy::prefix).toList();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PolicyCatalog that && policies.equals(that.policies)
        && abortIncompleteMultipartUploadDays == that.abortIncompleteMultipartUploadDays;
  }

  @Override
  public int hashCode() {
    return policies.hashCode() * 31 + abortIncompleteMultipartUploadDays;
  }

  @Override
  public String toString() {
    return "PolicyCatalog{policies=" + inKindOrder + ", abortIncompleteMultipartUploadDays="
        + abortIncompleteMultipartUploadDays + '}';
  }

  /** Builds a {@link PolicyCatalog}; {@link #build()} checks that no two kinds share keys. */
  public static final class Builder {
    private final Map<DataKind, StoragePolicy> policies = new EnumMap<>(DataKind.class);
    private int abortIncompleteMultipartUploadDays;

    private Builder(List<StoragePolicy> policies, int abortDays) {
      policies.forEach(p -> this.policies.put(p.kind(), p));
      this.abortIncompleteMultipartUploadDays = abortDays;
    }

    /** Replaces the policy of {@code policy.kind()}. */
    public Builder policy(StoragePolicy policy) {
      Require.nonNull(policy, "policy");
      policies.put(policy.kind(), policy);
      return this;
    }

    /**
     * Changes the policy of {@code kind}: {@code policy(PRODUCT_IMAGE, p -> p.transition(120,
     * STANDARD_IA))}.
     *
     * @throws IllegalArgumentException if the changed policy breaks an invariant
     */
    public Builder policy(DataKind kind, Consumer<StoragePolicy.Builder> change) {
      Require.nonNull(kind, "kind");
      Require.nonNull(change, "change");
      StoragePolicy.Builder builder = policies.get(kind).toBuilder();
      change.accept(builder);
      policies.put(kind, builder.build());
      return this;
    }

    /** Sets the days after which the bucket lifecycle aborts incomplete multipart uploads. */
    public Builder abortIncompleteMultipartUploadDays(int days) {
      Require.argument(days >= 1,
          "abortIncompleteMultipartUploadDays must be at least 1, but was %s", days);
      this.abortIncompleteMultipartUploadDays = days;
      return this;
    }

    /**
     * Returns the catalog.
     *
     * @throws IllegalArgumentException if two kinds share a prefix or one kind's prefix lies
     *     inside another's, which would make classification and lifecycle rules ambiguous
     */
    public PolicyCatalog build() {
      List<StoragePolicy> all = new ArrayList<>(policies.values());
      for (int i = 0; i < all.size(); i++) {
        for (int j = i + 1; j < all.size(); j++) {
          checkDisjoint(all.get(i), all.get(j));
        }
      }
      return new PolicyCatalog(policies, abortIncompleteMultipartUploadDays);
    }

    private static void checkDisjoint(StoragePolicy a, StoragePolicy b) {
      Require.argument(!a.prefix().equals(b.prefix()),
          "%s and %s must not share the prefix '%s'", a.kind(), b.kind(), a.prefix());
      Require.argument(!a.prefix().startsWith(b.prefix()) && !b.prefix().startsWith(a.prefix()),
          "%s prefix '%s' and %s prefix '%s' must not contain one another", a.kind(), a.prefix(),
          b.kind(), b.prefix());
    }
  }
}
