package dev.stockroom.cost;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.util.Objects;
import java.util.OptionalLong;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * A lifecycle rule that loses money for a workload, with the numbers that show it. Immutable;
 * {@link #toString()} is the message.
 */
public final class CostWarning {

  /** What is wrong with the rule. */
  public enum Type {
    /** The rule moves objects smaller than its break-even size. */
    BELOW_BREAK_EVEN_SIZE,
    /** Over the workload's size mix, the rule's transition fees exceed the storage it saves. */
    TRANSITION_LOSES_MONEY,
    /** Objects leave a class (expire or move on) before its minimum storage duration. */
    BEFORE_MINIMUM_DURATION,
    /**
     * Over the projection, a kind's policy costs more than keeping its objects in STANDARD:
     * retrievals of colder classes, transition fees or minimum sizes outweigh the storage saved.
     */
    COSTS_MORE_THAN_STANDARD
  }

  private final Type type;
  private final DataKind kind;
  private final StorageClass storageClass;
  private final int days;
  private final Long breakEvenBytes;
  private final double amount;
  private final String message;

  CostWarning(Type type, DataKind kind, StorageClass storageClass, int days,
      OptionalLong breakEvenBytes, double amount, String message) {
    this.type = Require.nonNull(type, "type");
    this.kind = Require.nonNull(kind, "kind");
    this.storageClass = Require.nonNull(storageClass, "storageClass");
    this.days = days;
    this.breakEvenBytes = breakEvenBytes.isPresent() ? breakEvenBytes.getAsLong() : null;
    this.amount = amount;
    this.message = Require.nonNull(message, "message");
  }

  /** Returns what is wrong. */
  public Type type() {
    return type;
  }

  /** Returns the kind whose policy holds the rule. */
  public DataKind kind() {
    return kind;
  }

  /**
   * Returns the class concerned: the transition's target, the class left before its minimum
   * duration, or the coldest class of a policy that costs more than STANDARD.
   */
  public StorageClass storageClass() {
    return storageClass;
  }

  /** Returns the rule's day count (the transition's or the expiration's). */
  public int days() {
    return days;
  }

  /** Returns the rule's break-even size in bytes, where it has one. */
  public OptionalLong breakEvenBytes() {
    return breakEvenBytes == null ? OptionalLong.empty() : OptionalLong.of(breakEvenBytes);
  }

  /**
   * Returns the money lost, in USD: per object for {@link Type#BELOW_BREAK_EVEN_SIZE}, per GB
   * stored for {@link Type#BEFORE_MINIMUM_DURATION}, per 1,000 objects moved for
   * {@link Type#TRANSITION_LOSES_MONEY}, over the whole projection for
   * {@link Type#COSTS_MORE_THAN_STANDARD}.
   */
  public double amount() {
    return amount;
  }

  /** Returns the message, with its numbers. */
  public String message() {
    return message;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CostWarning that && type == that.type && kind == that.kind
        && storageClass == that.storageClass && days == that.days
        && Objects.equals(breakEvenBytes, that.breakEvenBytes) && amount == that.amount
        && message.equals(that.message);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, kind, storageClass, days, message);
  }

  @Override
  public String toString() {
    return message;
  }
}
