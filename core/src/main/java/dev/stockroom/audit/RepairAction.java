package dev.stockroom.audit;

/** What a repair does to one object or upload. */
public enum RepairAction {
  /**
   * Copies the object onto itself as a fresh upload of its kind would be stored: the kind's
   * storage class, encryption and Cache-Control, the Content-Type its extension implies, user
   * metadata and tags kept, on condition that its ETag is still the one the audit saw.
   */
  COPY,
  /** Sets the Object Lock COMPLIANCE retention the policy gives, counted from the object's date. */
  SET_RETENTION,
  /** Aborts an incomplete multipart upload past the abort window (its parts are deleted). */
  ABORT_UPLOAD,
  /** Asks S3 to restore an archived object; a later repair copies it once restored. */
  RESTORE,
  /** Leaves the object alone: it lies under no known prefix, so no policy applies to it. */
  LEAVE,
  /** Cannot repair: the reason is in the step's detail (no Object Lock, SSE-C, archived, …). */
  CANNOT
}
