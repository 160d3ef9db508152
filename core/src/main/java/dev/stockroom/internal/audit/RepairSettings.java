package dev.stockroom.internal.audit;

/**
 * What a repair needs beyond the request: the settings uploads run with, whether the bucket has
 * Object Lock, and where copies switch to parts (5 GiB in S3; lower in tests).
 *
 * @param check the encryption and retention settings uploads use
 * @param checksums whether copies ask for a CRC32C checksum
 * @param bucketLock whether the bucket has Object Lock (asked when first needed)
 * @param copyLimit the largest object copied with one CopyObject
 * @param copyPartSize the part size of larger copies (at least 5 MiB)
 */
record RepairSettings(PolicyCheck.Settings check, boolean checksums,
    java.util.function.Supplier<java.util.concurrent.CompletableFuture<Boolean>> bucketLock,
    long copyLimit, long copyPartSize) {}
