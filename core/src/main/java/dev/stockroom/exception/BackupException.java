package dev.stockroom.exception;

import java.util.Optional;

/**
 * A backup or a restore cannot run as set up: the backup bucket is not versioned (each tier keeps
 * its past states as versions), or a backup's manifest is missing. Carries the bucket and, where
 * there is one, the backup's id.
 */
public class BackupException extends StockroomException {

  private final String backupId;

  /** Creates an exception about {@code bucket} (and backup {@code backupId}, which may be null). */
  public BackupException(String message, String bucket, String backupId, Throwable cause) {
    super(message, bucket, null, cause);
    this.backupId = backupId;
  }

  /** Returns the id of the backup concerned, if one is. */
  public Optional<String> backupId() {
    return Optional.ofNullable(backupId);
  }
}
