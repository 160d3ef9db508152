package dev.stockroom.internal.protection;

import dev.stockroom.protection.BackupTier;
import java.time.Instant;

/**
 * What a backup manifest says of itself.
 *
 * @param backupId the backup's id
 * @param tier its tier
 * @param source the bucket backed up
 * @param target the bucket holding the copies
 * @param copyPrefix the prefix of the copies' keys
 * @param taken when its source listing began
 * @param failed how many objects could not be copied (left out of the manifest)
 * @param job the Batch Operations job copying its objects, or null (only in a draft)
 */
record ManifestHeader(String backupId, BackupTier tier, String source, String target,
    String copyPrefix, Instant taken, long failed, String job) {}
