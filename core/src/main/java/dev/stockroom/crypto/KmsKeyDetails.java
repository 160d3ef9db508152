package dev.stockroom.crypto;

/**
 * What KMS says of a key (no key material: KMS never returns any).
 *
 * @param keyId the key id
 * @param arn the key ARN
 * @param keyState the state, {@code Enabled} for a usable key
 * @param keySpec the spec, {@code SYMMETRIC_DEFAULT} for a usable key
 * @param keyUsage the usage, {@code ENCRYPT_DECRYPT} for a usable key
 */
public record KmsKeyDetails(String keyId, String arn, String keyState, String keySpec,
    String keyUsage) {}
