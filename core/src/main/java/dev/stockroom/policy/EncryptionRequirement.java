package dev.stockroom.policy;

/** How a kind's objects are encrypted at rest. */
public enum EncryptionRequirement {
  /** SSE-KMS with an S3 Bucket Key; uploads are refused when no KMS key is configured. */
  KMS_REQUIRED,
  /** SSE-KMS when a KMS key is configured, otherwise SSE-S3. */
  KMS_IF_CONFIGURED,
  /** SSE-S3 (AES256, keys managed by S3). */
  S3_MANAGED
}
