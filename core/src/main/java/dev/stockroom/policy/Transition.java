package dev.stockroom.policy;

import dev.stockroom.validation.Require;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/**
 * A lifecycle transition: objects move to {@code storageClass} {@code days} days after creation.
 *
 * @param days days after creation, zero or more
 * @param storageClass the class the objects move to
 */
public record Transition(int days, TransitionStorageClass storageClass) {

  /**
   * Checks the transition's own values.
   *
   * @throws NullPointerException if {@code storageClass} is null
   * @throws IllegalArgumentException if {@code days} is negative or the class is not one S3 knows
   */
  public Transition {
    Require.nonNull(storageClass, "storageClass");
    Require.argument(days >= 0, "transition days for %s must not be negative, but was %s",
        storageClass, days);
    Require.argument(storageClass != TransitionStorageClass.UNKNOWN_TO_SDK_VERSION,
        "transition storage class must be one S3 knows, but was %s", storageClass);
  }

  /** Returns a transition to {@code storageClass} after {@code days} days. */
  public static Transition of(int days, TransitionStorageClass storageClass) {
    return new Transition(days, storageClass);
  }

  @Override
  public String toString() {
    return storageClass + " at " + days + " days";
  }
}
