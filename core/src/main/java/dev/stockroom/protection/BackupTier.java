package dev.stockroom.protection;

/**
 * The tiers of transactional backups, after the 3-2-1 habit: a daily copy kept a week, a weekly
 * copy kept a month (in another region when a cross-region bucket is configured), and a monthly
 * copy kept a year. Each tier is a copy of its own, updated incrementally; its retention is kept by
 * lifecycle rules on its bucket.
 */
public enum BackupTier {

  /** Every day, kept 7 days. */
  DAILY("daily", 7),
  /** Every week, kept 30 days; the cross-region copy, when one is configured. */
  WEEKLY("weekly", 30),
  /** Every month, kept 365 days. */
  MONTHLY("monthly", 365);

  private final String id;
  private final int defaultRetentionDays;

  BackupTier(String id, int defaultRetentionDays) {
    this.id = id;
    this.defaultRetentionDays = defaultRetentionDays;
  }

  /** Returns the tier's id in keys and rule ids: {@code daily}, {@code weekly}, {@code monthly}. */
  public String id() {
    return id;
  }

  /** Returns how many days the tier keeps a backup by default. */
  public int defaultRetentionDays() {
    return defaultRetentionDays;
  }
}
