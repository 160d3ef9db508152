package dev.stockroom.cli;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON text Stockroom already wrote (a receipt), passed on as a document. */
final class JsonText {

  private JsonText() {}

  static JsonNode parse(String json) {
    return JsonMapper.builder().build().readTree(json);
  }
}
