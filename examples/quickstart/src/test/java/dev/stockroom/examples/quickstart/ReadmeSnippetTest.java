package dev.stockroom.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's Java snippet compiles as written, against the API of this build. */
class ReadmeSnippetTest {

  @TempDir
  Path dir;

  @Test
  void theReadmeSnippet_compiles() throws IOException {
    String readme = Files.readString(Path.of("..", "..", "README.md"));
    Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(readme);
    assertThat(block.find()).as("the README has a Java snippet").isTrue();
    String source = block.group(1);
    Matcher className = Pattern.compile("public class (\\w+)").matcher(source);
    assertThat(className.find()).as("the snippet is a whole class").isTrue();
    Path file = Files.writeString(dir.resolve(className.group(1) + ".java"), source);

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
      boolean compiled = compiler.getTask(null, files, diagnostics, List.of("-d",
              dir.toString(), "-classpath", System.getProperty("java.class.path"), "-Xlint:none"),
          null, files.getJavaFileObjects(file)).call();
      assertThat(compiled).as(diagnostics.getDiagnostics().toString()).isTrue();
    }
  }
}
