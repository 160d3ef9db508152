package dev.stockroom.internal.audit;

import dev.stockroom.audit.Finding;
import dev.stockroom.audit.FindingCount;
import dev.stockroom.audit.KindCount;
import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Printable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The counts an audit keeps while it reads: per finding and kind, per kind, and per check it could
 * not make. Its size depends on the number of findings and kinds, never on the number of objects.
 */
final class Tally {

  private static final Comparator<Optional<DataKind>> BY_KIND =
      Comparator.comparing(kind -> kind.map(Enum::ordinal).orElse(-1));

  private final int sampleSize;
  private final Map<Finding, Map<Optional<DataKind>, Count>> findings =
      new EnumMap<>(Finding.class);
  private final Map<Optional<DataKind>, Count> kinds = new LinkedHashMap<>();
  private final Map<PolicyCheck.Unknown, Long> unknown = new EnumMap<>(PolicyCheck.Unknown.class);
  private long objects;
  private long bytes;
  private long withFindings;

  Tally(int sampleSize) {
    this.sampleSize = sampleSize;
  }

  /** Counts one object and its verdict. */
  void add(ObjectRecord object, PolicyCheck.Verdict verdict) {
    Optional<DataKind> kind = verdict.policy().map(policy -> policy.kind());
    objects++;
    bytes += object.size();
    kinds.computeIfAbsent(kind, k -> new Count()).add(object.key(), object.size(), 0);
    for (PolicyCheck.Unknown check : verdict.unknown()) {
      unknown.merge(check, 1L, Long::sum);
    }
    add(verdict.findings(), kind, object.key(), object.size());
  }

  /** Counts findings of one object or upload. */
  void add(Set<Finding> found, Optional<DataKind> kind, String key, long size) {
    if (found.isEmpty()) {
      return;
    }
    withFindings++;
    for (Finding finding : found) {
      findings.computeIfAbsent(finding, f -> new LinkedHashMap<>())
          .computeIfAbsent(kind, k -> new Count()).add(key, size, sampleSize);
    }
  }

  long objects() {
    return objects;
  }

  long bytes() {
    return bytes;
  }

  long withFindings() {
    return withFindings;
  }

  long unknown(PolicyCheck.Unknown check) {
    return unknown.getOrDefault(check, 0L);
  }

  List<FindingCount> findingCounts() {
    List<FindingCount> counts = new ArrayList<>();
    findings.forEach((finding, byKind) -> byKind.entrySet().stream()
        .sorted(Map.Entry.comparingByKey(BY_KIND))
        .forEach(entry -> counts.add(new FindingCount(finding, entry.getKey(),
            entry.getValue().objects, entry.getValue().bytes, entry.getValue().sample))));
    return List.copyOf(counts);
  }

  List<KindCount> kindCounts() {
    return kinds.entrySet().stream().sorted(Map.Entry.comparingByKey(BY_KIND))
        .map(entry -> new KindCount(entry.getKey(), entry.getValue().objects,
            entry.getValue().bytes))
        .toList();
  }

  private static final class Count {

    long objects;
    long bytes;
    final List<String> sample = new ArrayList<>();

    void add(String key, long size, int sampleSize) {
      objects++;
      bytes += size;
      if (sample.size() < sampleSize) {
        // a report is printed: keys with control characters are shown escaped
        sample.add(Printable.of(key));
      }
    }
  }
}
