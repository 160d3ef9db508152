package dev.stockroom.cli;

import dev.stockroom.validation.Printable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * {@code stockroom.yml}: the starter's properties as YAML ({@code stockroom: {kms: {key-id: …}}}),
 * read as untrusted input — a regular file of at most 64 KiB, scalar values only, every name one
 * Stockroom knows.
 */
final class ConfigFile {

  static final String DEFAULT_NAME = "stockroom.yml";
  private static final int MAX_BYTES = 64 * 1024;

  private ConfigFile() {}

  /**
   * Reads {@code file} into {@code properties}.
   *
   * @throws UsageException naming the file and what is wrong with it
   */
  static void read(Path file, Properties properties) {
    String name = Printable.of(file.toString());
    if (!Files.isRegularFile(file)) {
      throw new UsageException("--config " + name + ": not a readable regular file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UsageException("--config " + name + ": cannot be read (" + e.getMessage() + ")",
          e);
    }
    if (bytes.length > MAX_BYTES) {
      throw new UsageException(name + ": larger than " + MAX_BYTES + " bytes: not a Stockroom "
          + "configuration");
    }
    JsonNode root;
    try {
      root = YAMLMapper.builder().build().readTree(bytes);
    } catch (JacksonException e) {
      throw new UsageException(name + ": not valid YAML: " + Printable.of(e.getOriginalMessage()),
          e);
    }
    if (root == null || root.isMissingNode() || root.isNull()) {
      return;
    }
    if (!root.isObject()) {
      throw new UsageException(name + ": expected a mapping with a 'stockroom' key");
    }
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      flatten(entry.getKey(), entry.getValue(), name, properties);
    }
  }

  private static void flatten(String path, JsonNode node, String file, Properties properties) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        flatten(path + "." + entry.getKey(), entry.getValue(), file, properties);
      }
    } else if (node.isValueNode() && !node.isNull()) {
      properties.put(path, node.asString(), file);
    } else {
      throw new UsageException(file + ": " + Printable.of(path) + " must be a single value");
    }
  }
}
