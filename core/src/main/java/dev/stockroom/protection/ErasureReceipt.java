package dev.stockroom.protection;

import dev.stockroom.protection.ErasureEntry.Outcome;
import dev.stockroom.validation.Require;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an erasure did, without personal data: the subject and every key appear only as keyed
 * hashes ({@link ErasureEntry}), beside version ids, buckets, counts and times. Stored as an audit
 * log ({@code logs/audit/erasure/<receiptId>.json}, so kept 7 years under the policy) and returned
 * to the caller. {@link #complete()} is true only when every version found was erased and nothing
 * is left.
 *
 * @param receiptId the receipt's id ({@code erasure-<time>-<random>})
 * @param subjectHash {@code HMAC-SHA256(receipt key, "subject\n" + subject id)}, in hex
 * @param hashKeyId which key made the hashes: the first 16 hex digits of an HMAC of a fixed label
 *     under the receipt key (it reveals nothing of the key); {@code ephemeral-…} when no {@code
 *     protectionKey} was configured, and the hashes can then never be checked again
 * @param reference the caller's reference for the request, if given
 * @param plannedAt when the plan was made
 * @param startedAt when the deletion started
 * @param finishedAt when the check that followed it ended
 * @param buckets the buckets searched
 * @param entries one per version found, in the order of the plan, then those found afterwards
 * @param storedAs the key of the audit log the receipt was stored as, once stored
 */
public record ErasureReceipt(String receiptId, String subjectHash, String hashKeyId,
    Optional<String> reference, Instant plannedAt, Instant startedAt, Instant finishedAt,
    List<String> buckets, List<ErasureEntry> entries, Optional<String> storedAs) {

  /** The value of the receipt's {@code format} field. */
  public static final String FORMAT = "stockroom-erasure-receipt-1";

  /**
   * Checks the receipt.
   *
   * @throws NullPointerException if an argument is null
   */
  public ErasureReceipt {
    Require.nonNull(receiptId, "receiptId");
    Require.nonNull(subjectHash, "subjectHash");
    Require.nonNull(hashKeyId, "hashKeyId");
    Require.nonNull(reference, "reference");
    Require.nonNull(plannedAt, "plannedAt");
    Require.nonNull(startedAt, "startedAt");
    Require.nonNull(finishedAt, "finishedAt");
    buckets = List.copyOf(Require.nonNull(buckets, "buckets"));
    entries = List.copyOf(Require.nonNull(entries, "entries"));
    Require.nonNull(storedAs, "storedAs");
  }

  /** Returns how many versions and delete markers had {@code outcome}. */
  public long count(Outcome outcome) {
    Require.nonNull(outcome, "outcome");
    return entries.stream().filter(entry -> entry.outcome() == outcome).count();
  }

  /** Returns the count of each outcome, every outcome present (zero where none). */
  public Map<Outcome, Long> counts() {
    Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
    for (Outcome outcome : Outcome.values()) {
      counts.put(outcome, count(outcome));
    }
    return Map.copyOf(counts);
  }

  /** Returns the entries that were not erased: held, failed or remaining. */
  public List<ErasureEntry> notErased() {
    return entries.stream().filter(entry -> entry.outcome() != Outcome.ERASED).toList();
  }

  /** Returns whether everything found was erased and nothing of the subject is left. */
  public boolean complete() {
    return notErased().isEmpty();
  }

  /** Returns this receipt, stored as the audit log {@code key}. */
  public ErasureReceipt storedAs(String key) {
    return new ErasureReceipt(receiptId, subjectHash, hashKeyId, reference, plannedAt, startedAt,
        finishedAt, buckets, entries, Optional.of(Require.nonNull(key, "key")));
  }

  /** Returns the receipt as the JSON document stored (without {@link #storedAs()}). */
  public String toJson() {
    StringBuilder json = new StringBuilder(256 + entries.size() * 200);
    json.append("{\n  \"format\": ").append(quote(FORMAT))
        .append(",\n  \"receiptId\": ").append(quote(receiptId))
        .append(",\n  \"subjectHash\": ").append(quote(subjectHash))
        .append(",\n  \"hashKeyId\": ").append(quote(hashKeyId))
        .append(",\n  \"reference\": ").append(reference.map(ErasureReceipt::quote).orElse("null"))
        .append(",\n  \"plannedAt\": ").append(quote(plannedAt.toString()))
        .append(",\n  \"startedAt\": ").append(quote(startedAt.toString()))
        .append(",\n  \"finishedAt\": ").append(quote(finishedAt.toString()))
        .append(",\n  \"complete\": ").append(complete())
        .append(",\n  \"counts\": {");
    Outcome[] outcomes = Outcome.values();
    for (int i = 0; i < outcomes.length; i++) {
      json.append(i == 0 ? "" : ", ").append(quote(outcomes[i].name())).append(": ")
          .append(count(outcomes[i]));
    }
    json.append("},\n  \"buckets\": [");
    for (int i = 0; i < buckets.size(); i++) {
      json.append(i == 0 ? "" : ", ").append(quote(buckets.get(i)));
    }
    json.append("],\n  \"entries\": [");
    for (int i = 0; i < entries.size(); i++) {
      ErasureEntry entry = entries.get(i);
      json.append(i == 0 ? "\n" : ",\n").append("    {\"bucket\": ").append(quote(entry.bucket()))
          .append(", \"keyHash\": ").append(quote(entry.keyHash()))
          .append(", \"versionId\": ").append(quote(entry.versionId()))
          .append(", \"deleteMarker\": ").append(entry.deleteMarker())
          .append(", \"outcome\": ").append(quote(entry.outcome().name()))
          .append(", \"detail\": ").append(quote(entry.detail()))
          .append(", \"retainUntil\": ").append(entry.retainUntil()
              .map(until -> quote(until.toString())).orElse("null"))
          .append('}');
    }
    return json.append(entries.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
  }

  private static String quote(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c < 0x20 || c == 0x2028 || c == 0x2029) {
        quoted.append(String.format("\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  /** Returns the receipt as a table for people: counts per bucket and outcome, then the rest. */
  @Override
  public String toString() {
    String nl = System.lineSeparator();
    StringBuilder text = new StringBuilder();
    text.append("Erasure receipt ").append(receiptId).append(complete() ? ": complete"
        : ": NOT complete").append(nl)
        .append("  subject ").append(subjectHash, 0, Math.min(16, subjectHash.length()))
        .append("… (key ").append(hashKeyId).append(')')
        .append(reference.map(r -> ", reference " + r).orElse("")).append(nl)
        .append("  planned ").append(plannedAt).append(", erased ").append(startedAt)
        .append(" to ").append(finishedAt).append(nl)
        .append(String.format("  %-40s %8s %8s %8s %10s%n", "bucket", "erased", "held", "failed",
            "remaining"));
    for (String bucket : buckets) {
      text.append(String.format("  %-40s %8d %8d %8d %10d%n", bucket,
          count(bucket, Outcome.ERASED), count(bucket, Outcome.HELD),
          count(bucket, Outcome.FAILED), count(bucket, Outcome.REMAINING)));
    }
    for (ErasureEntry entry : notErased()) {
      text.append("  ").append(entry.outcome()).append(' ').append(entry.bucket()).append(" key ")
          .append(entry.keyHash(), 0, Math.min(16, entry.keyHash().length()))
          .append("… version ").append(entry.versionId()).append(": ").append(entry.detail())
          .append(nl);
    }
    storedAs.ifPresent(key -> text.append("  stored as ").append(key).append(nl));
    return text.toString();
  }

  private long count(String bucket, Outcome outcome) {
    return entries.stream().filter(entry -> entry.bucket().equals(bucket)
        && entry.outcome() == outcome).count();
  }
}
