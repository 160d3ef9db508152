package dev.stockroom.internal.audit;

import dev.stockroom.validation.Require;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An S3 Inventory report's {@code manifest.json}: which bucket it lists, in which format and
 * columns, and its data files with their sizes and MD5 checksums. Read as untrusted: every field
 * is checked, and a format other than CSV is refused by name.
 *
 * @param sourceBucket the bucket the inventory lists
 * @param fileFormat the data files' format (CSV)
 * @param schema the columns of each row, in order
 * @param files the data files
 */
record InventoryManifest(String sourceBucket, String fileFormat, List<String> schema,
    List<DataFile> files) {

  /**
   * One data file of the report.
   *
   * @param key its key in the destination bucket
   * @param size its size in bytes (gzipped)
   * @param md5 the MD5 of its bytes, in hex
   */
  record DataFile(String key, long size, String md5) {}

  /** A manifest is a few kilobytes per thousand data files; more is not a manifest. */
  static final int MAX_BYTES = 16 * 1024 * 1024;

  private static final Pattern FIELD = Pattern.compile("[A-Za-z][A-Za-z0-9]{0,63}");
  private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /**
   * Parses a manifest read from {@code origin} (named in errors).
   *
   * @throws IllegalArgumentException naming the field and value when the manifest is not one S3
   *     writes for a CSV inventory
   */
  static InventoryManifest parse(byte[] json, String origin) {
    Require.argument(json.length <= MAX_BYTES, "inventory manifest '%s' is %s bytes, more than "
        + "the %s a manifest can be", origin, json.length, MAX_BYTES);
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(Require.format("inventory manifest '%s' is not JSON: %s",
          origin, e.getOriginalMessage()), e);
    }
    Require.argument(root != null && root.isObject(), "inventory manifest '%s' is not a JSON "
        + "object", origin);
    String format = text(root, "fileFormat", origin);
    Require.argument("CSV".equals(format), "inventory manifest '%s' has fileFormat '%s': Stockroom "
        + "reads CSV inventories (configure the inventory with format CSV)", origin, format);
    return new InventoryManifest(text(root, "sourceBucket", origin), format,
        schema(text(root, "fileSchema", origin), origin), files(root, origin));
  }

  private static List<String> schema(String text, String origin) {
    List<String> fields = Arrays.stream(text.split(",")).map(String::strip).toList();
    for (String field : fields) {
      Require.argument(FIELD.matcher(field).matches(), "inventory manifest '%s' has fileSchema "
          + "field '%s', which is not a column name", origin, field);
    }
    Require.argument(fields.size() == fields.stream().distinct().count(), "inventory manifest '%s' "
        + "names a fileSchema column twice: '%s'", origin, text);
    Require.argument(fields.contains("Bucket") && fields.contains("Key"), "inventory manifest '%s' "
        + "has fileSchema '%s' without Bucket and Key", origin, text);
    return fields;
  }

  private static List<DataFile> files(JsonNode root, String origin) {
    JsonNode files = root.get("files");
    Require.argument(files != null && files.isArray(), "inventory manifest '%s' has no files "
        + "array", origin);
    List<DataFile> parsed = new ArrayList<>();
    for (JsonNode file : files.values()) {
      Require.argument(file.isObject(), "inventory manifest '%s' has a files entry that is not "
          + "an object", origin);
      String key = text(file, "key", origin);
      JsonNode size = file.get("size");
      Require.argument(size != null && size.isIntegralNumber() && size.canConvertToLong()
          && size.longValue() >= 0, "inventory manifest '%s' has file '%s' with size '%s', not a "
          + "byte count", origin, key, size);
      String md5 = text(file, "MD5checksum", origin);
      Require.argument(MD5.matcher(md5).matches(), "inventory manifest '%s' has file '%s' with "
          + "MD5checksum '%s', not 32 hex digits", origin, key, md5);
      parsed.add(new DataFile(key, size.longValue(), md5));
    }
    return List.copyOf(parsed);
  }

  private static String text(JsonNode node, String field, String origin) {
    JsonNode value = node.get(field);
    Require.argument(value != null && value.isString() && !value.stringValue().isBlank(),
        "inventory manifest '%s' has no %s", origin, field);
    return value.stringValue();
  }

  /** Returns the column's position in each row, or -1 if the inventory does not include it. */
  int column(String field) {
    return schema.indexOf(field);
  }
}
