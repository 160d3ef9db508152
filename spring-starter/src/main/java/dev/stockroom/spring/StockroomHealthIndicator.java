package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.lifecycle.RuleChange;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports whether the bucket can be read (its lifecycle configuration is read, which also shows
 * drift from the policy) and whether the KMS key is usable (unless its check is turned off). Details carry ids and counts, never a
 * key or a signature. Lifecycle drift leaves the status UP: the data is still reachable.
 */
public class StockroomHealthIndicator extends AbstractHealthIndicator {

  private final Stockroom stockroom;

  public StockroomHealthIndicator(Stockroom stockroom) {
    super("Stockroom health check failed");
    this.stockroom = stockroom;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    health.withDetail("bucket", stockroom.bucket());
    LifecyclePlan plan = stockroom.lifecycle().plan();
    health.withDetail("lifecycleDrift", plan.changes().stream().map(RuleChange::ruleId).toList());
    stockroom.kmsKey().keyId().ifPresent(keyId -> {
      health.withDetail("kmsKeyId", keyId);
      health.withDetail("kmsKeyState", stockroom.kmsKey().checkEnabled()
          ? stockroom.kmsKey().verify().keyState() : "not checked (stockroom.kms.key-check=false)");
    });
    health.up();
  }
}
