package dev.stockroom.cost;

import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Reads a price list in {@link java.util.Properties} format (see {@code prices-us-east-1.properties})
 * and checks every value; messages name the source, the line, the key and the value.
 */
final class PriceListParser {

  static final long KB = 1024;
  private static final List<String> HEADER = List.of("region", "currency", "effective", "source");
  /** Keys that price something other than a storage class. */
  private static final List<String> GLOBAL = List.of("tags", "batchJob", "batchMillionObjects");
  private static final List<String> REQUIRED = List.of("put", "get", "retrieval", "minimumDays",
      "minimumBillableKb");
  private static final List<String> OPTIONAL = List.of("transition", "restore",
      "overheadStandardKb", "overheadClassKb", "monitoring");
  private static final String STORAGE = "storage";
  private static final String IT_TIER_PREFIX = "storage.INTELLIGENT_TIERING.";
  private static final List<String> TIERS = Arrays.stream(IntelligentTieringTier.values())
      .map(Enum::name).toList();

  private final String name;
  private final Properties properties = new Properties();
  private final Map<String, Integer> lines = new HashMap<>();

  private PriceListParser(String name, String text) {
    this.name = name;
    indexLines(text);
    try {
      properties.load(new StringReader(text));
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException(Require.format("%s is not a properties file: %s", name,
          e.getMessage()), e);
    }
  }

  /** Parses {@code text}, read from the source called {@code name}. */
  static PriceList parse(String name, String text) {
    return new PriceListParser(name, text).priceList();
  }

  private PriceList priceList() {
    Map<StorageClass, Map<String, String>> byClass = new EnumMap<>(StorageClass.class);
    for (String key : properties.stringPropertyNames()) {
      if (!HEADER.contains(key) && !GLOBAL.contains(key)) {
        classify(key, byClass);
      }
    }
    Require.argument(byClass.containsKey(StorageClass.STANDARD),
        "%s has no prices for STANDARD; every price list needs them", name);
    Map<StorageClass, ClassPrices> classes = new EnumMap<>(StorageClass.class);
    byClass.forEach((storageClass, keys) -> classes.put(storageClass, prices(storageClass)));
    return new PriceList(header("region"), header("currency"), effective(), header("source"),
        number("tags"), optionalNumber("batchJob"), optionalNumber("batchMillionObjects"),
        classes);
  }

  private void classify(String key, Map<StorageClass, Map<String, String>> byClass) {
    int dot = key.indexOf('.');
    String item = dot < 0 ? key : key.substring(0, dot);
    boolean known = item.equals(STORAGE) || REQUIRED.contains(item) || OPTIONAL.contains(item);
    if (dot < 0 || !known) {
      throw failure(key, "unknown key '%s'; keys are %s, tags, batchJob, batchMillionObjects and <item>.<CLASS> with item one of "
          + "storage, %s, %s", key, String.join(", ", HEADER), String.join(", ", REQUIRED),
          String.join(", ", OPTIONAL));
    }
    boolean tier = key.startsWith(IT_TIER_PREFIX);
    if (tier && !TIERS.contains(key.substring(IT_TIER_PREFIX.length()))) {
      throw failure(key, "unknown Intelligent-Tiering tier in '%s'; tiers are %s", key,
          String.join(", ", TIERS));
    }
    String className = tier ? "INTELLIGENT_TIERING" : key.substring(dot + 1);
    StorageClass storageClass = StorageClasses.named(className);
    if (storageClass == null) {
      throw failure(key, "unknown storage class '%s' in '%s'; classes are %s", className, key,
          StorageClasses.names());
    }
    byClass.computeIfAbsent(storageClass, c -> new LinkedHashMap<>()).put(key, item);
  }

  private ClassPrices prices(StorageClass storageClass) {
    String suffix = "." + storageClass;
    boolean intelligentTiering = storageClass == StorageClass.INTELLIGENT_TIERING;
    boolean standard = storageClass == StorageClass.STANDARD;
    checkPlacement(storageClass, intelligentTiering, standard);
    Map<IntelligentTieringTier, Double> tiers = new EnumMap<>(IntelligentTieringTier.class);
    if (intelligentTiering) {
      for (IntelligentTieringTier tier : IntelligentTieringTier.values()) {
        tiers.put(tier, required(IT_TIER_PREFIX + tier));
      }
    }
    double storage = intelligentTiering ? tiers.get(IntelligentTieringTier.FREQUENT)
        : required(STORAGE + suffix);
    return new ClassPrices(storage, tiers, required("put" + suffix), required("get" + suffix),
        standard ? 0 : required("transition" + suffix), required("retrieval" + suffix),
        optional("restore" + suffix), (int) whole("minimumDays" + suffix),
        whole("minimumBillableKb" + suffix) * KB, optionalWhole("overheadStandardKb" + suffix) * KB,
        optionalWhole("overheadClassKb" + suffix) * KB,
        intelligentTiering ? required("monitoring" + suffix) : 0);
  }

  private void checkPlacement(StorageClass storageClass, boolean intelligentTiering,
      boolean standard) {
    String transition = "transition." + storageClass;
    if (standard && properties.containsKey(transition)) {
      throw failure(transition, "%s is not allowed: lifecycle never transitions into STANDARD",
          transition);
    }
    String monitoring = "monitoring." + storageClass;
    if (!intelligentTiering && properties.containsKey(monitoring)) {
      throw failure(monitoring, "%s is not allowed: only INTELLIGENT_TIERING has monitoring",
          monitoring);
    }
    String flat = STORAGE + "." + storageClass;
    if (intelligentTiering && properties.containsKey(flat)) {
      throw failure(flat, "%s is not allowed: give %s<TIER> for FREQUENT, INFREQUENT and "
          + "ARCHIVE_INSTANT", flat, IT_TIER_PREFIX);
    }
  }

  private String header(String key) {
    String value = properties.getProperty(key);
    Require.argument(value != null && !value.isBlank(), "%s has no %s", name, key);
    return value.trim();
  }

  private LocalDate effective() {
    String value = header("effective");
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw failure("effective", "effective must be an ISO date such as 2026-11-22, but was '%s'",
          value);
    }
  }

  private double required(String key) {
    Require.argument(properties.containsKey(key), "%s has no %s; every class it prices needs "
        + "storage, put, get, retrieval, minimumDays, minimumBillableKb and (all but STANDARD) "
        + "transition", name, key);
    return number(key);
  }

  private double optional(String key) {
    return properties.containsKey(key) ? number(key) : 0;
  }

  private long optionalWhole(String key) {
    return properties.containsKey(key) ? whole(key) : 0;
  }

  /** Returns the number at {@code key}, or NaN when the list does not give it. */
  private double optionalNumber(String key) {
    return properties.containsKey(key) ? number(key) : Double.NaN;
  }

  private double number(String key) {
    String value = properties.getProperty(key);
    Require.argument(value != null, "%s has no %s", name, key);
    BigDecimal parsed;
    try {
      parsed = new BigDecimal(value.trim());
    } catch (NumberFormatException e) {
      throw failure(key, "%s must be a number, but was '%s'", key, value);
    }
    if (parsed.signum() < 0) {
      throw failure(key, "%s must not be negative, but was %s", key, value.trim());
    }
    return parsed.doubleValue();
  }

  private long whole(String key) {
    Require.argument(properties.containsKey(key), "%s has no %s; every class it prices needs "
        + "storage, put, get, retrieval, minimumDays, minimumBillableKb and (all but STANDARD) "
        + "transition", name, key);
    double value = number(key);
    if (value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw failure(key, "%s must be a whole number, but was '%s'", key,
          properties.getProperty(key).trim());
    }
    return (long) value;
  }

  private IllegalArgumentException failure(String key, String format, Object... args) {
    Integer line = lines.get(key);
    String where = line == null ? name : name + " line " + line;
    return new IllegalArgumentException(where + ": " + Require.format(format, args));
  }

  /** Notes the line of each key (for messages) and refuses a key set twice. */
  private void indexLines(String text) {
    String[] all = text.split("\r\n|\r|\n", -1);
    boolean continued = false;
    for (int i = 0; i < all.length; i++) {
      String line = all[i].strip();
      boolean skip = continued || line.isEmpty() || line.startsWith("#") || line.startsWith("!");
      continued = !line.startsWith("#") && !line.startsWith("!") && endsWithContinuation(line);
      if (!skip) {
        String key = line.split("[=:\\s]", 2)[0];
        Integer first = lines.putIfAbsent(key, i + 1);
        Require.argument(first == null, "%s line %s: %s is set twice (first on line %s)", name,
            i + 1, key, first);
      }
    }
  }

  private static boolean endsWithContinuation(String line) {
    int backslashes = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }
}
