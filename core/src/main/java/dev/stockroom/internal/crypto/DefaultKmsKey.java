package dev.stockroom.internal.crypto;

import dev.stockroom.crypto.KmsKey;
import dev.stockroom.crypto.KmsKeyDetails;
import dev.stockroom.exception.KmsKeyException;
import dev.stockroom.internal.CachedCheck;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.metrics.Meters;
import dev.stockroom.validation.Require;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeySpec;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KeyUsageType;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/**
 * Describes the configured key through KMS once and keeps the verdict, good or bad, for a bounded
 * time. Only failures to reach KMS are not kept, so they are retried on the next call.
 */
public final class DefaultKmsKey implements KmsKey {

  private static final Logger log = LoggerFactory.getLogger(DefaultKmsKey.class);

  /** A verdict: the key's details, and why it cannot be used (null when it can). */
  private record Verdict(KmsKeyDetails details, String problem, Throwable cause) {

    /** Returns the details, or throws a fresh exception for each caller. */
    KmsKeyDetails orThrow(String keyId, String bucket) {
      if (problem != null) {
        throw new KmsKeyException(problem, keyId, bucket, null, cause);
      }
      return details;
    }
  }

  private final String bucket;
  private final String keyId;
  private final boolean checkEnabled;
  private final Supplier<KmsClient> kms;
  private final OpenGuard guard;
  private final Meters meters;
  private final Executor executor;
  private final CachedCheck<Verdict> verdicts;

  public DefaultKmsKey(String bucket, String keyId, boolean checkEnabled, Supplier<KmsClient> kms,
      Duration checkInterval, Executor executor, OpenGuard guard, Clock clock, Meters meters) {
    this.meters = meters;
    this.bucket = bucket;
    this.keyId = keyId;
    this.checkEnabled = checkEnabled;
    this.kms = kms;
    this.guard = guard;
    this.executor = executor;
    this.verdicts = new CachedCheck<>(checkInterval, executor, clock);
  }

  @Override
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId);
  }

  @Override
  public boolean checkEnabled() {
    return checkEnabled;
  }

  @Override
  public KmsKeyDetails verify() {
    return Futures.join(verifyAsync(), bucket);
  }

  @Override
  public CompletableFuture<KmsKeyDetails> verifyAsync() {
    return Futures.capture(() -> {
      guard.check();
      if (keyId == null) {
        throw new IllegalStateException("no KMS key is configured: set kmsKeyId on the builder");
      }
      return verdicts.get(keyId,
              () -> CompletableFuture.supplyAsync(() -> describe(keyId), executor))
          .thenApply(verdict -> verdict.orThrow(keyId, bucket));
    });
  }

  private Verdict describe(String id) {
    log.debug("Describing KMS key '{}'", id);
    KeyMetadata key;
    try {
      key = kms.get().describeKey(r -> r.keyId(id)).keyMetadata();
    } catch (NotFoundException e) {
      meters.kmsChecked("invalid");
      return new Verdict(null, "KMS key '" + id + "' does not exist", e);
    } catch (RuntimeException e) {
      meters.kmsChecked("error");
      throw new KmsKeyException(Require.format("could not describe KMS key '%s' (for bucket '%s'): "
          + "%s", id, bucket, e.getMessage()), id, bucket, null, e);
    }
    KmsKeyDetails details = new KmsKeyDetails(key.keyId(), key.arn(), key.keyStateAsString(),
        key.keySpecAsString(), key.keyUsageAsString());
    String problem = problem(id, key);
    meters.kmsChecked(problem == null ? "valid" : "invalid");
    return new Verdict(details, problem, null);
  }

  private static String problem(String id, KeyMetadata key) {
    String reason = null;
    if (key.keyState() != KeyState.ENABLED) {
      reason = "is not enabled (state " + key.keyStateAsString() + ")";
    } else if (key.keySpec() != KeySpec.SYMMETRIC_DEFAULT) {
      reason = "is not a symmetric encryption key (spec " + key.keySpecAsString() + ")";
    } else if (key.keyUsage() != KeyUsageType.ENCRYPT_DECRYPT) {
      reason = "cannot encrypt (usage " + key.keyUsageAsString() + ")";
    }
    return reason == null ? null
        : "KMS key '" + id + "' " + reason + "; SSE-KMS needs an enabled SYMMETRIC_DEFAULT key "
            + "with usage ENCRYPT_DECRYPT";
  }

  @Override
  public String toString() {
    return "KmsKey{keyId=" + keyId + '}';
  }
}
