package dev.stockroom.links;

import dev.stockroom.validation.Require;
import java.util.List;

/**
 * What CloudFront was sent for a caller's keys.
 *
 * @param id the invalidation id CloudFront gave the request that carried them
 * @param paths every path of that request, as sent: exact paths, and wildcards for directories
 *     with many paths ({@code /media/product-images/sku-1/*})
 * @param keysInWildcards how many of the caller's keys went as part of a wildcard
 */
public record InvalidationReceipt(String id, List<String> paths, int keysInWildcards) {

  /**
   * Checks the receipt.
   *
   * @throws NullPointerException if an argument is null
   */
  public InvalidationReceipt {
    Require.nonNull(id, "id");
    paths = List.copyOf(Require.nonNull(paths, "paths"));
  }
}
