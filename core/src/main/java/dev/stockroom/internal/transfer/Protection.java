package dev.stockroom.internal.transfer;

import dev.stockroom.exception.PolicyViolationException;
import dev.stockroom.policy.EncryptionRequirement;
import dev.stockroom.policy.StoragePolicy;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * How one upload is protected at rest: the server-side encryption and, for kinds with a retention,
 * whether an Object Lock retention goes on the PUT.
 *
 * @param encryption SSE-KMS or SSE-S3, or null for no SSE header
 * @param kmsKeyId the KMS key for SSE-KMS, else null
 * @param objectLock whether to send an Object Lock COMPLIANCE retention
 */
public record Protection(ServerSideEncryption encryption, String kmsKeyId, boolean objectLock) {

  /**
   * Returns the encryption the policy asks for given the configured key (which may be null); with
   * {@code sseHeaders} off, kinds that do not require KMS get none (the store's default applies).
   *
   * @throws PolicyViolationException if the policy requires KMS and no key is configured
   */
  public static Protection encryptionFor(StoragePolicy policy, String kmsKeyId, String bucket,
      String key, boolean sseHeaders) {
    EncryptionRequirement requirement = policy.encryption();
    if (requirement == EncryptionRequirement.KMS_REQUIRED && kmsKeyId == null) {
      throw new PolicyViolationException(policy.kind() + " objects must be encrypted with SSE-KMS, "
          + "but no KMS key is configured: set kmsKeyId on the Stockroom builder; nothing was sent "
          + "for '" + key + "'", bucket, key, policy.kind());
    }
    if (!sseHeaders && requirement != EncryptionRequirement.KMS_REQUIRED) {
      return new Protection(null, null, false);
    }
    boolean kms = requirement != EncryptionRequirement.S3_MANAGED && kmsKeyId != null;
    return kms ? new Protection(ServerSideEncryption.AWS_KMS, kmsKeyId, false)
        : new Protection(ServerSideEncryption.AES256, null, false);
  }

  Protection withObjectLock(boolean lock) {
    return new Protection(encryption, kmsKeyId, lock);
  }
}
