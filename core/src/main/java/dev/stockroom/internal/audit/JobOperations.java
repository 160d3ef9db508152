package dev.stockroom.internal.audit;

import dev.stockroom.audit.RepairRequest;
import dev.stockroom.internal.transfer.Protection;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.validation.Require;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tier;
import software.amazon.awssdk.services.s3control.model.JobOperation;
import software.amazon.awssdk.services.s3control.model.S3ChecksumAlgorithm;
import software.amazon.awssdk.services.s3control.model.S3CopyObjectOperation;
import software.amazon.awssdk.services.s3control.model.S3GlacierJobTier;
import software.amazon.awssdk.services.s3control.model.S3MetadataDirective;
import software.amazon.awssdk.services.s3control.model.S3ObjectLockMode;
import software.amazon.awssdk.services.s3control.model.S3ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3control.model.S3ObjectMetadata;
import software.amazon.awssdk.services.s3control.model.S3SSEAlgorithm;
import software.amazon.awssdk.services.s3control.model.S3StorageClass;

/**
 * The Batch Operations operation of a job group: the same change an in-process repair makes to
 * each object, written once for the whole job.
 *
 * <ul>
 *   <li>A copy writes the kind's storage class and encryption (SSE-KMS with a bucket key, or
 *       SSE-S3); it keeps the objects' metadata and tags (directive COPY) unless the group fixes
 *       Cache-Control or Content-Type, when it sets the kind's Cache-Control and the group's
 *       Content-Type and drops the objects' user metadata (a job cannot keep per-object metadata
 *       while replacing headers). It runs only on objects unmodified since the audit started, so
 *       a concurrent writer is never overwritten.
 *   <li>A retention sets COMPLIANCE until the latest date the policy gives any object of the job.
 *   <li>A restore asks for the request's days at its tier (Batch Operations offer BULK and
 *       STANDARD).
 * </ul>
 */
final class JobOperations {

  private final String bucketArn;
  private final PolicyCheck.Settings settings;
  private final boolean checksums;
  private final BooleanSupplier bucketLock;
  private final Instant audited;
  private final RepairRequest request;

  JobOperations(String bucketArn, PolicyCheck.Settings settings, boolean checksums,
      BooleanSupplier bucketLock, Instant audited, RepairRequest request) {
    this.bucketArn = bucketArn;
    this.settings = settings;
    this.checksums = checksums;
    this.bucketLock = bucketLock;
    this.audited = audited;
    this.request = request;
  }

  /** Returns the operation for {@code group}, whose members are {@code members}. */
  JobOperation operation(JobGroup group, StoragePolicy policy, JobGroup.Members members,
      String bucket) {
    return switch (group.action()) {
      case COPY -> JobOperation.builder().s3PutObjectCopy(copy(group, policy, members, bucket))
          .build();
      case SET_RETENTION -> JobOperation.builder().s3PutObjectRetention(r -> r.retention(t -> t
          .mode(S3ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(members.retainUntil())))
          .build();
      case RESTORE -> JobOperation.builder().s3InitiateRestoreObject(r -> r
          .expirationInDays(request.restoreDays().orElseThrow())
          .glacierJobTier(tier(request.restoreTier()))).build();
      default -> throw new IllegalArgumentException("not a job: " + group.action());
    };
  }

  /**
   * Returns the Batch Operations tier for {@code tier}.
   *
   * @throws IllegalArgumentException for EXPEDITED, which Batch Operations do not offer
   */
  static S3GlacierJobTier tier(Tier tier) {
    Require.argument(tier == Tier.BULK || tier == Tier.STANDARD, "restore tier %s is not offered "
        + "by S3 Batch Operations (BULK or STANDARD): repair IN_PROCESS or choose another tier",
        tier.name());
    return tier == Tier.BULK ? S3GlacierJobTier.BULK : S3GlacierJobTier.STANDARD;
  }

  private S3CopyObjectOperation copy(JobGroup group, StoragePolicy policy,
      JobGroup.Members members, String bucket) {
    Protection protection = JobGroup.protection(policy, settings, bucket);
    S3ObjectMetadata.Builder metadata = S3ObjectMetadata.builder();
    if (protection.encryption() == ServerSideEncryption.AWS_KMS) {
      metadata.sseAlgorithm(S3SSEAlgorithm.KMS);
    } else if (protection.encryption() == ServerSideEncryption.AES256) {
      metadata.sseAlgorithm(S3SSEAlgorithm.AES256);
    }
    if (group.headers()) {
      metadata.cacheControl(policy.cacheControl()).contentType(group.contentType());
    }
    S3CopyObjectOperation.Builder copy = S3CopyObjectOperation.builder()
        .targetResource(bucketArn)
        .storageClass(S3StorageClass.fromValue(policy.storageClass().toString()))
        .metadataDirective(group.headers() ? S3MetadataDirective.REPLACE : S3MetadataDirective.COPY)
        .newObjectMetadata(metadata.build())
        // the object as the audit saw it: one written since keeps its writer's bytes
        .unModifiedSinceConstraint(audited);
    if (protection.encryption() == ServerSideEncryption.AWS_KMS) {
      copy.sseAwsKmsKeyId(protection.kmsKeyId()).bucketKeyEnabled(true);
    }
    if (checksums) {
      copy.checksumAlgorithm(S3ChecksumAlgorithm.CRC32_C);
    }
    if (policy.retention().isPresent() && settings.objectLockRetention()
        && bucketLock.getAsBoolean()) {
      copy.objectLockMode(S3ObjectLockMode.COMPLIANCE)
          .objectLockRetainUntilDate(members.retainUntil());
    }
    return copy.build();
  }
}
