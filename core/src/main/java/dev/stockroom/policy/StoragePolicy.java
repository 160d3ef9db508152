package dev.stockroom.policy;

import dev.stockroom.validation.Require;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * What one {@link DataKind} gets: where its objects live, how they are stored and encrypted, which
 * cache headers they carry, how the bucket lifecycle moves and expires them, and whether they may be
 * served through links. Immutable; change one with {@link #toBuilder()}.
 */
public final class StoragePolicy {

  private final DataKind kind;
  private final String prefix;
  private final StorageClass storageClass;
  private final EncryptionRequirement encryption;
  private final String cacheControl;
  private final List<Transition> transitions;
  private final Integer expirationDays;
  private final Integer noncurrentVersionExpirationDays;
  private final Period retention;
  private final LinkAccess linkAccess;
  private final boolean erasable;

  private StoragePolicy(Builder builder) {
    this.kind = builder.kind;
    this.prefix = builder.prefix;
    this.storageClass = builder.storageClass;
    this.encryption = builder.encryption;
    this.cacheControl = builder.cacheControl;
    this.transitions = List.copyOf(builder.transitions);
    this.expirationDays = builder.expirationDays;
    this.noncurrentVersionExpirationDays = builder.noncurrentVersionExpirationDays;
    this.retention = builder.retention;
    this.linkAccess = builder.linkAccess;
    this.erasable = builder.erasable;
  }

  /** Returns a builder for {@code kind} with nothing set but the kind. */
  public static Builder builder(DataKind kind) {
    return new Builder(Require.nonNull(kind, "kind"));
  }

  /** Returns a builder holding this policy's values. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Returns the kind this policy is for. */
  public DataKind kind() {
    return kind;
  }

  /** Returns the kind's class. */
  public DataClass dataClass() {
    return kind.dataClass();
  }

  /** Returns the key prefix under which every object of this kind lives, ending with '/'. */
  public String prefix() {
    return prefix;
  }

  /** Returns the storage class objects are uploaded with. */
  public StorageClass storageClass() {
    return storageClass;
  }

  /** Returns how objects are encrypted at rest. */
  public EncryptionRequirement encryption() {
    return encryption;
  }

  /** Returns the Cache-Control header objects are uploaded with. */
  public String cacheControl() {
    return cacheControl;
  }

  /** Returns the lifecycle transitions, in increasing days; empty when objects stay put. */
  public List<Transition> transitions() {
    return transitions;
  }

  /** Returns the days after creation at which the lifecycle deletes objects, if it does. */
  public OptionalInt expirationDays() {
    return optional(expirationDays);
  }

  /** Returns the days after which the lifecycle deletes noncurrent versions, if it does. */
  public OptionalInt noncurrentVersionExpirationDays() {
    return optional(noncurrentVersionExpirationDays);
  }

  /**
   * Returns the Object Lock retention period (COMPLIANCE mode) applied to each object at upload
   * when the bucket has Object Lock enabled, if the kind has one.
   */
  public Optional<Period> retention() {
    return Optional.ofNullable(retention);
  }

  /** Returns whether objects may be served through CloudFront signed links and cookies. */
  public LinkAccess linkAccess() {
    return linkAccess;
  }

  /** Returns whether objects hold personal data that must be erasable on request (GDPR). */
  public boolean erasable() {
    return erasable;
  }

  /** Returns whether the bucket lifecycle has anything to do for this kind. */
  public boolean hasLifecycleActions() {
    return !transitions.isEmpty() || expirationDays != null
        || noncurrentVersionExpirationDays != null;
  }

  /** Returns whether {@code key} lies under this policy's prefix. */
  public boolean covers(String key) {
    return Require.nonNull(key, "key").startsWith(prefix);
  }

  private static OptionalInt optional(Integer value) {
    return value == null ? OptionalInt.empty() : OptionalInt.of(value);
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof StoragePolicy)) {
      return false;
    }
    StoragePolicy that = (StoragePolicy) o;
    return kind == that.kind && prefix.equals(that.prefix) && storageClass == that.storageClass
        && encryption == that.encryption && cacheControl.equals(that.cacheControl)
        && transitions.equals(that.transitions)
        && Objects.equals(expirationDays, that.expirationDays)
        && Objects.equals(noncurrentVersionExpirationDays, that.noncurrentVersionExpirationDays)
        && Objects.equals(retention, that.retention) && linkAccess == that.linkAccess
        && erasable == that.erasable;
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, prefix, storageClass, encryption, cacheControl, transitions,
        expirationDays, noncurrentVersionExpirationDays, retention, linkAccess, erasable);
  }

  @Override
  public String toString() {
    return "StoragePolicy{kind=" + kind + ", prefix='" + prefix + "', storageClass=" + storageClass
        + ", encryption=" + encryption + ", cacheControl='" + cacheControl + "', transitions="
        + transitions + ", expirationDays=" + expirationDays + ", noncurrentVersionExpirationDays="
        + noncurrentVersionExpirationDays + ", retention=" + retention + ", linkAccess="
        + linkAccess + ", erasable=" + erasable + '}';
  }

  /**
   * Builds a {@link StoragePolicy}. Each setter checks its own argument; {@link #build()} checks
   * the policy's invariants and leaves the builder reusable.
   */
  public static final class Builder {
    private final DataKind kind;
    private String prefix;
    private StorageClass storageClass = StorageClass.STANDARD;
    private EncryptionRequirement encryption;
    private String cacheControl;
    private final List<Transition> transitions = new ArrayList<>();
    private Integer expirationDays;
    private Integer noncurrentVersionExpirationDays;
    private Period retention;
    private LinkAccess linkAccess = LinkAccess.REFUSED;
    private boolean erasable;

    private Builder(DataKind kind) {
      this.kind = kind;
    }

    private Builder(StoragePolicy policy) {
      this.kind = policy.kind;
      this.prefix = policy.prefix;
      this.storageClass = policy.storageClass;
      this.encryption = policy.encryption;
      this.cacheControl = policy.cacheControl;
      this.transitions.addAll(policy.transitions);
      this.expirationDays = policy.expirationDays;
      this.noncurrentVersionExpirationDays = policy.noncurrentVersionExpirationDays;
      this.retention = policy.retention;
      this.linkAccess = policy.linkAccess;
      this.erasable = policy.erasable;
    }

    /** Sets the key prefix of the kind's objects; it must end with '/'. */
    public Builder prefix(String prefix) {
      this.prefix = Require.nonNull(prefix, "prefix");
      return this;
    }

    /** Sets the storage class objects are uploaded with (default STANDARD). */
    public Builder storageClass(StorageClass storageClass) {
      this.storageClass = Require.nonNull(storageClass, "storageClass");
      return this;
    }

    /** Sets how objects are encrypted at rest. */
    public Builder encryption(EncryptionRequirement encryption) {
      this.encryption = Require.nonNull(encryption, "encryption");
      return this;
    }

    /** Sets the Cache-Control header objects are uploaded with. */
    public Builder cacheControl(String cacheControl) {
      this.cacheControl = Require.nonNull(cacheControl, "cacheControl");
      return this;
    }

    /** Replaces every transition with the given ones (sorted by days). */
    public Builder transitions(List<Transition> transitions) {
      Require.nonNull(transitions, "transitions");
      transitions.forEach(t -> Require.nonNull(t, "transition"));
      this.transitions.clear();
      this.transitions.addAll(transitions);
      this.transitions.sort(Comparator.comparingInt(Transition::days));
      return this;
    }

    /** Replaces every transition with the given ones (sorted by days). */
    public Builder transitions(Transition... transitions) {
      return transitions(Arrays.asList(Require.nonNull(transitions, "transitions")));
    }

    /**
     * Adds a transition to {@code storageClass} after {@code days}, replacing any transition to the
     * same class: {@code transition(120, STANDARD_IA)} moves the IA step to 120 days.
     */
    public Builder transition(int days, TransitionStorageClass storageClass) {
      Transition added = Transition.of(days, storageClass);
      List<Transition> next = new ArrayList<>(transitions);
      next.removeIf(t -> t.storageClass() == storageClass);
      next.add(added);
      return transitions(next);
    }

    /** Removes every transition. */
    public Builder noTransitions() {
      transitions.clear();
      return this;
    }

    /** Sets the days after creation at which the lifecycle deletes objects. */
    public Builder expirationDays(int days) {
      this.expirationDays = days;
      return this;
    }

    /** Keeps objects until deleted by hand. */
    public Builder noExpiration() {
      this.expirationDays = null;
      return this;
    }

    /** Sets the days after which the lifecycle deletes noncurrent versions. */
    public Builder noncurrentVersionExpirationDays(int days) {
      this.noncurrentVersionExpirationDays = days;
      return this;
    }

    /** Keeps noncurrent versions until deleted by hand. */
    public Builder noNoncurrentVersionExpiration() {
      this.noncurrentVersionExpirationDays = null;
      return this;
    }

    /** Sets the Object Lock (COMPLIANCE) retention period applied to each object at upload. */
    public Builder retention(Period retention) {
      this.retention = Require.nonNull(retention, "retention");
      return this;
    }

    /** Applies no Object Lock retention. */
    public Builder noRetention() {
      this.retention = null;
      return this;
    }

    /** Sets whether objects may be served through links (default REFUSED). */
    public Builder linkAccess(LinkAccess linkAccess) {
      this.linkAccess = Require.nonNull(linkAccess, "linkAccess");
      return this;
    }

    /** Sets whether objects hold personal data that must be erasable on request. */
    public Builder erasable(boolean erasable) {
      this.erasable = erasable;
      return this;
    }

    /**
     * Returns the policy.
     *
     * @throws IllegalArgumentException naming the kind, the field and the value when the policy
     *     breaks an invariant (see {@code docs/policy.md}) or holds a value S3 would reject
     */
    public StoragePolicy build() {
      Require.argument(prefix != null, "%s: prefix must be set", kind);
      Require.argument(encryption != null, "%s: encryption must be set", kind);
      Require.argument(cacheControl != null, "%s: cacheControl must be set", kind);
      StoragePolicy policy = new StoragePolicy(this);
      PolicyInvariants.check(policy);
      return policy;
    }
  }
}
