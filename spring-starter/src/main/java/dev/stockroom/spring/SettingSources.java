package dev.stockroom.spring;

import dev.stockroom.spring.InvalidStockroomPropertyException.Refused;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where each builder setting the starter made came from (a property and its value, or an
 * application bean), so that a refusal by {@code Stockroom.Builder.build()} — which names
 * builder settings such as {@code region} or {@code endpointOverride} — is reported against the
 * properties involved.
 */
final class SettingSources {

  private static final String IGNORED = " would be ignored";

  private final Map<String, List<Refused>> properties = new LinkedHashMap<>();
  private final Map<String, String> beans = new LinkedHashMap<>();
  private final List<String> clients = new ArrayList<>();

  /** Records that builder setting {@code setting} came from {@code property}. */
  void property(String setting, Refused property) {
    properties.computeIfAbsent(setting, s -> new ArrayList<>()).add(property);
  }

  /** Records that builder setting {@code setting} came from the application's bean of a type. */
  void bean(String setting, String beanType) {
    beans.put(setting, beanType);
  }

  /** Records that the application's client bean of {@code beanType} was passed to the builder. */
  void client(String beanType) {
    clients.add(beanType);
  }

  /**
   * Returns {@code failure} of {@code build()} as a report naming the properties whose settings
   * its message names (the part before the first ':').
   */
  InvalidStockroomPropertyException explain(IllegalArgumentException failure) {
    String message = String.valueOf(failure.getMessage());
    String head = message.indexOf(':') > 0 ? message.substring(0, message.indexOf(':')) : message;
    if (head.startsWith("region must be set")) {
      return new InvalidStockroomPropertyException(List.of(Refused.notSet(
          StockroomProperties.PREFIX + ".region")), message, "Set stockroom.region (or "
          + "AWS_REGION, aws.region or a profile region), or declare an AwsRegionProvider bean.",
          failure);
    }
    List<Refused> involved = new ArrayList<>();
    List<String> fromBeans = new ArrayList<>();
    for (String setting : settingsNamedIn(head)) {
      involved.addAll(properties.getOrDefault(setting, List.of()));
      if (beans.containsKey(setting)) {
        fromBeans.add(setting + " came from the application's " + beans.get(setting) + " bean");
      }
    }
    String reason = fromBeans.isEmpty() ? message
        : message + " (" + String.join("; ", fromBeans) + ")";
    if (involved.isEmpty()) {
      return new InvalidStockroomPropertyException(List.of(Refused.nameOnly(
          StockroomProperties.PREFIX)), reason, "Check the stockroom.* properties, the "
          + "application's AWS beans and any StockroomBuilderCustomizer.", failure);
    }
    List<String> names = involved.stream().map(Refused::property).toList();
    String action = head.endsWith(IGNORED)
        ? "Stockroom creates no client that would use " + list(names, "and") + ": it uses "
            + passedClients() + " unchanged. Configure " + (clients.size() == 1 ? "that client"
            : "those clients") + " instead, or remove " + (names.size() == 1 ? names.get(0)
            : "these properties") + "."
        : "Correct " + list(names, "or") + ".";
    return new InvalidStockroomPropertyException(involved, reason, action, failure);
  }

  private List<String> settingsNamedIn(String head) {
    List<String> named = new ArrayList<>();
    for (String setting : allSettings()) {
      boolean accelerate = setting.equals("accelerate") && head.contains("Transfer Acceleration");
      if (accelerate || Pattern.compile("\\b" + Pattern.quote(setting) + "\\b").matcher(head)
          .find()) {
        named.add(setting);
      }
    }
    return named;
  }

  private List<String> allSettings() {
    List<String> all = new ArrayList<>(properties.keySet());
    beans.keySet().stream().filter(s -> !all.contains(s)).forEach(all::add);
    return all;
  }

  /** Returns "a", "a and b", "a, b and c". */
  private static String list(List<String> names, String conjunction) {
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1)) + " " + conjunction + " "
        + names.get(names.size() - 1);
  }

  private String passedClients() {
    if (clients.isEmpty()) {
      return "the clients a StockroomBuilderCustomizer passed";
    }
    return "the application's " + String.join(" and ", clients) + " bean"
        + (clients.size() == 1 ? "" : "s");
  }
}
