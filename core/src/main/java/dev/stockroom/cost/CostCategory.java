package dev.stockroom.cost;

/** What a charge is for, as the lines of an S3 bill group them. */
public enum CostCategory {
  /** GB-months stored, including minimum billable sizes and archive metadata. */
  STORAGE,
  /** PUT, COPY, POST, LIST and GET requests. */
  REQUESTS,
  /** Lifecycle transition requests, charged per object moved into the target class. */
  TRANSITIONS,
  /** Data retrieved per GB, and restore requests of archived objects. */
  RETRIEVALS,
  /** Intelligent-Tiering monitoring and automation, per object of 128 KB or more. */
  MONITORING,
  /** Object tags, per tag a month. */
  TAGS,
  /** The rest of a class's minimum storage duration, billed when an object leaves it early. */
  EARLY_DELETION
}
