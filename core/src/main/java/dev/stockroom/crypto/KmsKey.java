package dev.stockroom.crypto;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The KMS key Stockroom encrypts with. Before the first SSE-KMS upload the key is described once
 * through the KMS API (it must exist, be enabled, and be a symmetric ENCRYPT_DECRYPT key), and the
 * answer is kept for a bounded time, so a bad key fails with a clear error before any byte is sent.
 */
public interface KmsKey {

  /** Returns the configured key id, alias or ARN, if a key is configured. */
  Optional<String> keyId();

  /**
   * Returns whether the key is described through KMS before the first SSE-KMS upload (on by
   * default; off where no KMS API is reachable).
   */
  boolean checkEnabled();

  /**
   * Describes the key through KMS and checks that it can encrypt objects. Answers from the cache
   * while the last answer is fresh.
   *
   * @throws IllegalStateException if no key is configured, or Stockroom is closed
   * @throws dev.stockroom.exception.KmsKeyException if the key cannot be used, or KMS cannot be asked
   */
  KmsKeyDetails verify();

  /** As {@link #verify()}, with failures in the future. */
  CompletableFuture<KmsKeyDetails> verifyAsync();
}
