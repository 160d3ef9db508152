package dev.stockroom.cost;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The path of one object (of a given size) through storage classes under a {@link KindLifecycle}:
 * the spans it spends in each class (and Intelligent-Tiering tier), the moves between them and
 * its deletion. Ages are in hours since creation. Lifecycle's real behaviour is kept: a move
 * happens at the rule's day count, never to a warmer class, and small objects stay put as
 * {@link TransitionMinimumSize} says.
 */
final class Timeline {

  /** Intelligent-Tiering tiers objects down after this many days without a read. */
  static final long INFREQUENT_AFTER_HOURS = 30 * KindLifecycle.HOURS_PER_DAY;
  static final long ARCHIVE_INSTANT_AFTER_HOURS = 90 * KindLifecycle.HOURS_PER_DAY;
  static final long NEVER = Long.MAX_VALUE;

  /**
   * A span of ages spent in one class (and tier).
   *
   * @param from first hour (inclusive)
   * @param to last hour (exclusive), {@link #NEVER} when open
   * @param storageClass the class
   * @param tier the Intelligent-Tiering tier, null for other classes
   * @param monitored whether Intelligent-Tiering charges monitoring for the object
   */
  record Span(long from, long to, StorageClass storageClass, IntelligentTieringTier tier,
      boolean monitored) {}

  /**
   * The object leaving a class: moved by lifecycle (to non-null) or deleted (to null).
   *
   * @param at hour of the event
   * @param from the class left
   * @param entered hour at which the object entered {@code from}
   * @param to the class entered, or null when the object is deleted
   */
  record Exit(long at, StorageClass from, long entered, StorageClass to) {}

  private final List<Span> spans = new ArrayList<>();
  private final List<Exit> exits = new ArrayList<>();
  private final long bytes;
  private final long tieringClock;
  private long end = NEVER;

  private Timeline(long bytes, long tieringClock) {
    this.bytes = bytes;
    this.tieringClock = tieringClock;
  }

  /**
   * Returns the timeline of an object of {@code bytes} in {@code startClass} at age
   * {@code startHours}.
   *
   * @param tieringClock hour after which the object is no longer read, from which
   *     Intelligent-Tiering counts its days without access ({@link #NEVER}: always read)
   */
  static Timeline of(KindLifecycle lifecycle, long bytes, StorageClass startClass, long startHours,
      TransitionMinimumSize minimumSize, long tieringClock) {
    Timeline timeline = new Timeline(bytes, tieringClock);
    timeline.walk(lifecycle, startClass, startHours, minimumSize);
    return timeline;
  }

  private void walk(KindLifecycle lifecycle, StorageClass startClass, long startHours,
      TransitionMinimumSize minimumSize) {
    long expiry = Math.max(lifecycle.expirationHours(), startHours);
    StorageClass current = startClass;
    long entered = 0;
    long spanStart = startHours;
    for (KindLifecycle.Step step : lifecycle.steps()) {
      long at = Math.max(step.hours(), startHours);
      boolean colder = StorageClasses.rank(step.target()) > StorageClasses.rank(current);
      if (at >= expiry || !colder || !minimumSize.transitions(bytes, step.target())) {
        continue;
      }
      if (at == spanStart && !exits.isEmpty()) {
        // Overdue rules of an existing object apply at once: it goes straight to the coldest.
        Exit last = exits.remove(exits.size() - 1);
        exits.add(new Exit(at, last.from(), last.entered(), step.target()));
      } else {
        addSpans(spanStart, at, current, entered);
        exits.add(new Exit(at, current, entered, step.target()));
        entered = at;
      }
      current = step.target();
      spanStart = at;
    }
    addSpans(spanStart, expiry, current, entered);
    if (expiry != KindLifecycle.KEPT) {
      exits.add(new Exit(expiry, current, entered, null));
      end = expiry;
    }
  }

  private void addSpans(long from, long to, StorageClass storageClass, long entered) {
    if (storageClass != StorageClass.INTELLIGENT_TIERING) {
      add(from, to, storageClass, null, false);
      return;
    }
    if (bytes < TransitionMinimumSize.SMALL_OBJECT_BYTES) {
      add(from, to, storageClass, IntelligentTieringTier.FREQUENT, false);
      return;
    }
    long clock = Math.max(entered, tieringClock);
    long infrequent = plus(clock, INFREQUENT_AFTER_HOURS);
    long archive = plus(clock, ARCHIVE_INSTANT_AFTER_HOURS);
    add(from, Math.min(to, infrequent), storageClass, IntelligentTieringTier.FREQUENT, true);
    add(Math.max(from, infrequent), Math.min(to, archive), storageClass,
        IntelligentTieringTier.INFREQUENT, true);
    add(Math.max(from, archive), to, storageClass, IntelligentTieringTier.ARCHIVE_INSTANT, true);
  }

  private void add(long from, long to, StorageClass storageClass, IntelligentTieringTier tier,
      boolean monitored) {
    if (to > from) {
      spans.add(new Span(from, to, storageClass, tier, monitored));
    }
  }

  private static long plus(long hours, long more) {
    return hours >= NEVER - more ? NEVER : hours + more;
  }

  List<Span> spans() {
    return spans;
  }

  List<Exit> exits() {
    return exits;
  }

  /** Returns the hour at which the object is deleted, {@link #NEVER} when kept. */
  long end() {
    return end;
  }

  long bytes() {
    return bytes;
  }

  /** Returns the hours of [from, to) that fall in [windowFrom, windowTo). */
  static long overlap(long from, long to, long windowFrom, long windowTo) {
    return Math.max(0, Math.min(to, windowTo) - Math.max(from, windowFrom));
  }
}
