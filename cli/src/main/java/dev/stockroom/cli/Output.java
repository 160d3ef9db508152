package dev.stockroom.cli;

import tools.jackson.databind.json.JsonMapper;

/** Writes a command's answer: text for people, or one JSON document for scripts. */
final class Output {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Context context;
  private final boolean json;

  Output(Context context, boolean json) {
    this.context = context;
    this.json = json;
  }

  /** Writes {@code people} as it is, or {@code data} (maps, lists, strings, numbers) as JSON. */
  void answer(String people, Object data) {
    if (json) {
      context.out().println(JSON.writeValueAsString(data));
    } else {
      context.out().print(people.endsWith("\n") ? people : people + "\n");
    }
    context.out().flush();
  }

  /** Writes a line of progress for people to the error stream (never in JSON mode's output). */
  void progress(String line) {
    context.err().print(line);
    context.err().flush();
  }
}
