package dev.stockroom.internal.protection;

import java.util.List;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * Where an erasure looks in one bucket: every key under each prefix, and each exact key.
 *
 * @param s3 the client of the bucket's region
 * @param bucket the bucket
 * @param prefixes prefixes ending with {@code /}, each listed whole
 * @param keys exact keys (a listing by a key as prefix, keeping only the key itself)
 */
record SearchTarget(S3AsyncClient s3, String bucket, List<String> prefixes, List<String> keys) {

  SearchTarget {
    prefixes = List.copyOf(prefixes);
    keys = List.copyOf(keys);
  }
}
