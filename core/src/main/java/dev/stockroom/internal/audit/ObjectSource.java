package dev.stockroom.internal.audit;

import java.util.function.Consumer;

/** Where an audit reads its objects from: a listing or an inventory, read in flat memory. */
interface ObjectSource {

  /**
   * Feeds every current object under the audit's prefix to {@code sink}, one at a time on the
   * calling thread, and returns how many entries were passed over (noncurrent versions, delete
   * markers, Stockroom's own working files).
   */
  long read(Consumer<ObjectRecord> sink);
}
