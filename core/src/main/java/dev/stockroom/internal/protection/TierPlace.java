package dev.stockroom.internal.protection;

import dev.stockroom.protection.BackupTier;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Where one backup tier lives and how its copies are written.
 *
 * @param tier the tier
 * @param s3 the client of the bucket's region
 * @param bucket the bucket
 * @param kmsKeyId the KMS key of its copies and manifests
 * @param storageClass the class of its copies
 * @param retentionDays how long it keeps a backup
 */
record TierPlace(BackupTier tier, S3AsyncClient s3, String bucket, String kmsKeyId,
    StorageClass storageClass, int retentionDays) {}
