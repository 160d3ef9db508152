package dev.stockroom.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * What a command runs in: where its output and messages go, the environment it reads settings
 * from, and the directory a default {@code stockroom.yml} is looked for in.
 */
record Context(PrintStream out, PrintStream err, Map<String, String> environment,
    Path workingDirectory) {}
