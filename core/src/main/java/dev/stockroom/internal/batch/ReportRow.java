package dev.stockroom.internal.batch;

/**
 * One task of a completion report.
 *
 * @param key the object's key, decoded
 * @param succeeded whether the task succeeded
 * @param httpStatus the HTTP status S3 answered the task with, or -1 when the report gives none
 * @param errorCode S3's error code, or empty
 * @param message S3's result message, or empty (never object data)
 */
public record ReportRow(String key, boolean succeeded, int httpStatus, String errorCode,
    String message) {}
