package dev.stockroom.cli;

import dev.stockroom.policy.StoragePolicy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code stockroom policy}: the policy in force, one line per kind. Makes no network call. */
@Command(name = "policy", mixinStandardHelpOptions = true,
    description = "Show the policy in force: each kind's prefix, storage class, encryption, "
        + "Cache-Control, lifecycle and links.")
final class PolicyCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  PolicyCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (var stockroom = common.open(context)) {
      List<Map<String, Object>> rows = new ArrayList<>();
      StringBuilder text = new StringBuilder();
      String format = "%-14s %-14s %-25s %-8s %-18s %-37s %s%n";
      text.append(String.format(format, "CLASS", "KIND", "PREFIX", "UPLOAD", "ENCRYPTION",
          "CACHE-CONTROL", "LIFECYCLE; LINKS"));
      for (StoragePolicy p : stockroom.policies().policies()) {
        text.append(String.format(format, p.dataClass(), p.kind(), p.prefix(), p.storageClass(),
            p.encryption(), p.cacheControl(), lifecycle(p) + "; links " + p.linkAccess()));
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("kind", p.kind().name());
        row.put("class", p.dataClass().name());
        row.put("prefix", p.prefix());
        row.put("storageClass", p.storageClass().toString());
        row.put("encryption", p.encryption().name());
        row.put("cacheControl", p.cacheControl());
        row.put("transitions", p.transitions().stream().map(t -> Map.of("days", t.days(),
            "storageClass", t.storageClass().toString())).toList());
        row.put("expirationDays", p.expirationDays().isPresent()
            ? p.expirationDays().getAsInt() : null);
        row.put("retention", p.retention().map(Object::toString).orElse(null));
        row.put("links", p.linkAccess().name());
        rows.add(row);
      }
      new Output(context, common.json).answer(text.toString(), rows);
      return ExitCodes.OK;
    }
  }

  static String lifecycle(StoragePolicy p) {
    String text = p.transitions().stream().map(Object::toString)
        .collect(Collectors.joining(", "));
    if (p.expirationDays().isPresent()) {
      text += (text.isEmpty() ? "" : ", ") + "expire at " + p.expirationDays().getAsInt() + " days";
    }
    if (p.retention().isPresent()) {
      text += (text.isEmpty() ? "" : ", ") + "COMPLIANCE " + p.retention().get();
    }
    return text.isEmpty() ? "none" : text;
  }
}
