package dev.stockroom.transfer;

import dev.stockroom.policy.DataKind;

/** Logs: access, error and audit. Audit logs get Object Lock retention when the bucket has it. */
public interface LogObjects {

  /**
   * Returns the objects of a log kind.
   *
   * @throws IllegalArgumentException if {@code kind} is not a log kind
   */
  KindObjects kind(DataKind kind);

  /** Returns the access log {@code name} ({@code logs/access/<name>}). */
  default UploadTarget accessLog(String name) {
    return accessLogs().object(name);
  }

  /** Returns the error log {@code name}. */
  default UploadTarget errorLog(String name) {
    return errorLogs().object(name);
  }

  /** Returns the audit log {@code name}. */
  default UploadTarget auditLog(String name) {
    return auditLogs().object(name);
  }

  /** Returns all access logs. */
  default KindObjects accessLogs() {
    return kind(DataKind.ACCESS_LOG);
  }

  /** Returns all error logs. */
  default KindObjects errorLogs() {
    return kind(DataKind.ERROR_LOG);
  }

  /** Returns all audit logs. */
  default KindObjects auditLogs() {
    return kind(DataKind.AUDIT_LOG);
  }
}
