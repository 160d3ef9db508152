package dev.stockroom.protection;

import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What to erase for one data subject: every object under {@code <prefix><subject>/} of each kind
 * whose policy is {@linkplain dev.stockroom.policy.StoragePolicy#erasable() erasable} (by default
 * {@code transactional/customers/<subject>/}), plus the keys the caller names, in the bucket and
 * in every backup Stockroom made. Every version and delete marker of each is erased.
 *
 * <p>The subject id is checked strictly, because it becomes part of a key prefix: 1 to {@value
 * #MAX_SUBJECT_LENGTH} characters of ASCII letters, digits and {@code . _ - @ + =}, starting with
 * a letter or digit, with no {@code ..}: never a {@code /}, a space or a control character.
 * {@code toString()} shows neither the subject nor the keys (they are personal data).
 */
public final class ErasureRequest {

  /** The longest subject id accepted. */
  public static final int MAX_SUBJECT_LENGTH = 128;
  /** The most keys one request names. */
  public static final int MAX_KEYS = 1000;
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+=-]*");
  private static final Pattern REFERENCE = Pattern.compile("[\\x21-\\x7e]{1,128}");

  private final String subject;
  private final List<String> keys;
  private final String reference;
  private final boolean includeBackups;

  private ErasureRequest(Builder builder) {
    this.subject = builder.subject;
    this.keys = List.copyOf(builder.keys);
    this.reference = builder.reference;
    this.includeBackups = builder.includeBackups;
  }

  /**
   * Returns the request to erase {@code subject} by the key convention alone, backups included.
   *
   * @throws NullPointerException if {@code subject} is null
   * @throws IllegalArgumentException if it is not a valid subject id
   */
  public static ErasureRequest subject(String subject) {
    return builder().subject(subject).build();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the data subject's id. */
  public String subject() {
    return subject;
  }

  /** Returns the keys named besides the key convention, in the order given, without repeats. */
  public List<String> keys() {
    return keys;
  }

  /** Returns the caller's reference for the request (a ticket id), if given. */
  public Optional<String> reference() {
    return Optional.ofNullable(reference);
  }

  /** Returns whether the backups' copies are erased too (default true). */
  public boolean includeBackups() {
    return includeBackups;
  }

  /** Returns a builder holding this request. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.subject = subject;
    builder.keys.addAll(keys);
    builder.reference = reference;
    builder.includeBackups = includeBackups;
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ErasureRequest other && subject.equals(other.subject)
        && keys.equals(other.keys) && Objects.equals(reference, other.reference)
        && includeBackups == other.includeBackups;
  }

  @Override
  public int hashCode() {
    return Objects.hash(subject, keys, reference, includeBackups);
  }

  /** Returns a description without the subject or the keys. */
  @Override
  public String toString() {
    return "erasure of one data subject" + (keys.isEmpty() ? "" : " and " + keys.size()
        + " named key(s)") + (reference == null ? "" : ", reference " + reference)
        + (includeBackups ? ", backups included" : ", backups excluded");
  }

  /** Builds an {@link ErasureRequest}; each setter checks its value. */
  public static final class Builder {

    private String subject;
    private final Set<String> keys = new LinkedHashSet<>();
    private String reference;
    private boolean includeBackups = true;

    private Builder() {}

    /**
     * Sets the data subject's id (required), as it appears in keys under the erasable prefixes.
     *
     * @throws NullPointerException if {@code subject} is null
     * @throws IllegalArgumentException if it is not 1 to 128 letters, digits or {@code . _ - @ +
     *     =} starting with a letter or digit, or holds {@code ..}
     */
    public Builder subject(String subject) {
      Require.nonNull(subject, "subject");
      Require.argument(subject.length() <= MAX_SUBJECT_LENGTH
          && SUBJECT.matcher(subject).matches() && !subject.contains(".."), "subject must be 1 to "
          + "%s ASCII letters, digits or '.', '_', '-', '@', '+', '=', starting with a letter or "
          + "digit (no '/', '..', spaces or control characters), but was '%s'",
          MAX_SUBJECT_LENGTH, subject);
      this.subject = subject;
      return this;
    }

    /**
     * Adds a key of the bucket to erase besides the key convention (a key the shop knows holds
     * the subject's data, e.g. an order export).
     *
     * @throws NullPointerException if {@code key} is null
     * @throws IllegalArgumentException if it is not a valid object key, or more than {@value
     *     ErasureRequest#MAX_KEYS} keys are named
     */
    public Builder key(String key) {
      ObjectKeys.check(key, "key");
      Require.argument(keys.size() < MAX_KEYS || keys.contains(key), "an erasure names at most "
          + "%s keys, but key '%s' would be one more", MAX_KEYS, key);
      keys.add(key);
      return this;
    }

    /**
     * Adds every key of {@code keys}, as {@link #key(String)}; none is added if one is refused.
     *
     * @throws NullPointerException if {@code keys} or one of them is null
     * @throws IllegalArgumentException as {@link #key(String)}
     */
    public Builder keys(Collection<String> keys) {
      Require.nonNull(keys, "keys");
      List<String> checked = new ArrayList<>(keys.size());
      for (String key : keys) {
        checked.add(ObjectKeys.check(key, "key"));
      }
      Set<String> all = new LinkedHashSet<>(this.keys);
      all.addAll(checked);
      Require.argument(all.size() <= MAX_KEYS, "an erasure names at most %s keys, but was %s",
          MAX_KEYS, all.size());
      this.keys.addAll(checked);
      return this;
    }

    /**
     * Sets the caller's reference for the request (a ticket id), written into the receipt: it
     * must not be personal data.
     *
     * @throws NullPointerException if {@code reference} is null
     * @throws IllegalArgumentException unless 1 to 128 printable ASCII characters without spaces
     */
    public Builder reference(String reference) {
      Require.nonNull(reference, "reference");
      Require.argument(REFERENCE.matcher(reference).matches(), "reference must be 1 to 128 "
          + "printable ASCII characters without spaces, but was '%s'", reference);
      this.reference = reference;
      return this;
    }

    /** Sets whether the backups' copies are erased too (default true). */
    public Builder includeBackups(boolean include) {
      this.includeBackups = include;
      return this;
    }

    /**
     * Returns the request.
     *
     * @throws IllegalStateException if no subject is set
     */
    public ErasureRequest build() {
      Require.state(subject != null, "erasure subject must be set");
      return new ErasureRequest(this);
    }
  }
}
