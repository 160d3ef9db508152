package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.lifecycle.RuleChange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Reports whether the bucket can be read (its lifecycle configuration is read, which also shows
 * drift from the policy) and whether the KMS key is usable (unless its check is turned off).
 * Details carry ids and counts, never a key or a signature. Lifecycle drift leaves the status UP:
 * the data is still reachable.
 *
 * <p>A result, UP or DOWN, is reused for the cache interval, so that frequent probes do not each
 * become S3 requests; the {@code checkedAt} detail says when S3 was asked. Probes that arrive
 * while a check runs wait for it and share its result.
 */
public class StockroomHealthIndicator implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(StockroomHealthIndicator.class);

  private final Stockroom stockroom;
  private final Duration cacheInterval;
  private final Clock clock;
  private Health cached;
  private Instant checkedAt;

  /**
   * Creates an indicator that reuses a result for {@code cacheInterval} (zero: never), timed by
   * {@code clock}.
   *
   * @throws IllegalArgumentException if the interval is negative
   */
  public StockroomHealthIndicator(Stockroom stockroom, Duration cacheInterval, Clock clock) {
    this.stockroom = Objects.requireNonNull(stockroom, "stockroom must not be null");
    this.cacheInterval = Objects.requireNonNull(cacheInterval, "cacheInterval must not be null");
    this.clock = Objects.requireNonNull(clock, "clock must not be null");
    if (cacheInterval.isNegative()) {
      throw new IllegalArgumentException("cacheInterval must not be negative, but was "
          + cacheInterval);
    }
  }

  /** Creates an indicator that reuses a result for {@code cacheInterval}, on the system clock. */
  public StockroomHealthIndicator(Stockroom stockroom, Duration cacheInterval) {
    this(stockroom, cacheInterval, Clock.systemUTC());
  }

  /** Returns the last result while it is fresh, else asks S3 (and KMS) again. */
  @Override
  public synchronized Health health() {
    Instant now = clock.instant();
    // a clock set back also expires the result
    boolean fresh = cached != null && !now.isBefore(checkedAt)
        && now.isBefore(checkedAt.plus(cacheInterval));
    if (!fresh) {
      cached = check(now);
      checkedAt = now;
    }
    return cached;
  }

  private Health check(Instant now) {
    Health.Builder health = new Health.Builder().withDetail("bucket", stockroom.bucket());
    try {
      LifecyclePlan plan = stockroom.lifecycle().plan();
      health.withDetail("lifecycleDrift", plan.changes().stream().map(RuleChange::ruleId)
          .toList());
      stockroom.kmsKey().keyId().ifPresent(keyId -> {
        health.withDetail("kmsKeyId", keyId);
        health.withDetail("kmsKeyState", stockroom.kmsKey().checkEnabled()
            ? stockroom.kmsKey().verify().keyState()
            : "not checked (stockroom.kms.key-check=false)");
      });
      health.up();
    } catch (RuntimeException e) {
      log.warn("Stockroom health check failed", e);
      health.down(e);
    }
    return health.withDetail("checkedAt", now.toString()).build();
  }
}
