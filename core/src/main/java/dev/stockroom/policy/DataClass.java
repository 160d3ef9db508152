package dev.stockroom.policy;

/** The three classes of data an e-commerce platform stores, each with its own handling. */
public enum DataClass {
  /** Orders, customers and payments: always SSE-KMS, never served through links. */
  TRANSACTIONAL,
  /** Product images and videos, pages and user uploads: served through CloudFront. */
  MEDIA,
  /** Access, error and audit logs: kept for their retention, then archived or deleted. */
  LOG
}
