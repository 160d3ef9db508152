package dev.stockroom.spring;

import dev.stockroom.Stockroom;
import dev.stockroom.lifecycle.LifecyclePlan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Brings the bucket's lifecycle in line with the policy once the context is ready. A failure
 * (bucket unreachable, a conflicting rule) stops the start-up: an application told to own its
 * lifecycle should not run without it.
 */
public class StockroomLifecycleOnStartup implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(StockroomLifecycleOnStartup.class);

  private final Stockroom stockroom;
  private volatile LifecyclePlan applied;

  public StockroomLifecycleOnStartup(Stockroom stockroom) {
    this.stockroom = stockroom;
  }

  @Override
  public void afterSingletonsInstantiated() {
    applied = stockroom.lifecycle().apply();
    log.info("Stockroom lifecycle of bucket '{}': {} change(s) applied, {} foreign rule(s) kept",
        stockroom.bucket(), applied.changes().size(), applied.foreignRules().size());
  }

  /** Returns the plan applied at start-up. */
  public LifecyclePlan applied() {
    return applied;
  }
}
