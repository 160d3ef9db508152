package dev.stockroom.cost;

/** The automatic access tiers of S3 Intelligent-Tiering, each with its own storage price. */
public enum IntelligentTieringTier {
  /** Objects read in the last 30 days, and every object under 128 KB. */
  FREQUENT,
  /** Objects not read for 30 consecutive days. */
  INFREQUENT,
  /** Objects not read for 90 consecutive days. */
  ARCHIVE_INSTANT
}
