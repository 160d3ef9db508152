package dev.stockroom.audit;

/** What an audit finds wrong with one object (or one incomplete multipart upload). */
public enum Finding {
  /** The key lies under no known prefix: reported, never changed by a repair. */
  UNKNOWN_PREFIX("under no known prefix"),
  /**
   * Encrypted below the policy: not SSE-KMS where the policy asks for it, SSE-C (which Stockroom
   * cannot copy or serve), or not encrypted at all.
   */
  ENCRYPTION("encryption below the policy"),
  /** SSE-KMS with another key than the configured one. */
  KMS_KEY("SSE-KMS with another key"),
  /** SSE-KMS without an S3 Bucket Key (every request then calls KMS, which costs). */
  BUCKET_KEY("SSE-KMS without a bucket key"),
  /**
   * A storage class the policy never gives an object of this kind and age: one outside the kind's
   * chain of classes, or one colder than its age implies (lifecycle never warms an object).
   */
  STORAGE_CLASS("storage class the policy never gives at this age"),
  /** A kind with a retention (audit logs) without Object Lock COMPLIANCE for the whole period. */
  RETENTION("no COMPLIANCE retention for the policy's period"),
  /** A Cache-Control other than the kind's (found only where headers were read). */
  CACHE_CONTROL("Cache-Control other than the kind's"),
  /** A Content-Type other than the key's extension implies (found only where headers were read). */
  CONTENT_TYPE("Content-Type other than the extension implies"),
  /** An incomplete multipart upload older than the policy's abort window. */
  STALE_MULTIPART_UPLOAD("incomplete multipart upload past the abort window");

  private final String description;

  Finding(String description) {
    this.description = description;
  }

  /** Returns a short description for reports. */
  public String description() {
    return description;
  }
}
