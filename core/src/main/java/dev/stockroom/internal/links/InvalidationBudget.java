package dev.stockroom.internal.links;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fits a batch of invalidation paths into what CloudFront takes: at most 3,000 paths and 15
 * wildcard paths in progress per distribution (counting the invalidations already in progress).
 * Paths are grouped by directory; a directory with {@value #WILDCARD_AT} or more paths goes as
 * one wildcard ({@code /media/product-images/sku-1/*}), and more directories go as wildcards
 * while the exact paths exceed what is left, as long as wildcards are left. A directory that
 * still does not fit is refused whole, never sent in part.
 */
final class InvalidationBudget {

  /** CloudFront's limit on paths in progress per distribution (and per request). */
  static final int MAX_PATHS = 3000;
  /** CloudFront's limit on wildcard paths in progress per distribution. */
  static final int MAX_WILDCARDS = 15;
  /** A directory with this many paths goes as one wildcard. */
  static final int WILDCARD_AT = 10;

  /**
   * What to send.
   *
   * @param send the paths of the request: exact paths and wildcards
   * @param sentAs each path of the batch that is sent, to what it went as (itself or a wildcard)
   * @param refused the paths that do not fit now
   */
  record Plan(List<String> send, Map<String, String> sentAs, Set<String> refused) {}

  private InvalidationBudget() {}

  /** Plans {@code paths} with {@code pathsInProgress} and {@code wildcardsInProgress} taken. */
  static Plan plan(List<String> paths, int pathsInProgress, int wildcardsInProgress) {
    Map<String, List<String>> byDirectory = new LinkedHashMap<>();
    for (String path : new LinkedHashSet<>(paths)) {
      byDirectory.computeIfAbsent(path.substring(0, path.lastIndexOf('/') + 1),
          d -> new ArrayList<>()).add(path);
    }
    int wildcardsLeft = Math.max(0, MAX_WILDCARDS - wildcardsInProgress);
    int pathsLeft = Math.max(0, MAX_PATHS - pathsInProgress);
    List<String> largestFirst = new ArrayList<>(byDirectory.keySet());
    largestFirst.sort(Comparator.comparing((String d) -> byDirectory.get(d).size()).reversed());
    Set<String> wildcards = new LinkedHashSet<>();
    int exact = byDirectory.values().stream().mapToInt(List::size).sum();
    for (String directory : largestFirst) {
      int size = byDirectory.get(directory).size();
      boolean worthIt = size >= WILDCARD_AT || exact + wildcards.size() > pathsLeft && size > 1;
      if (wildcardsLeft > wildcards.size() && worthIt) {
        wildcards.add(directory);
        exact -= size;
      }
    }
    return fit(byDirectory, wildcards, pathsLeft);
  }

  private static Plan fit(Map<String, List<String>> byDirectory, Set<String> wildcards,
      int pathsInProgressLeft) {
    // one request carries at most 3,000 paths, wildcards included
    int pathsLeft = Math.min(pathsInProgressLeft, MAX_PATHS - wildcards.size());
    int exact = 0;
    List<String> send = new ArrayList<>();
    Map<String, String> sentAs = new HashMap<>();
    Set<String> refused = new LinkedHashSet<>();
    for (String directory : wildcards) {
      send.add(directory + "*");
      byDirectory.get(directory).forEach(path -> sentAs.put(path, directory + "*"));
    }
    for (var entry : byDirectory.entrySet()) {
      if (wildcards.contains(entry.getKey())) {
        continue;
      }
      if (exact + entry.getValue().size() <= pathsLeft) {
        exact += entry.getValue().size();
        send.addAll(entry.getValue());
        entry.getValue().forEach(path -> sentAs.put(path, path));
      } else {
        refused.addAll(entry.getValue());
      }
    }
    return new Plan(List.copyOf(send), Map.copyOf(sentAs), Set.copyOf(refused));
  }
}
