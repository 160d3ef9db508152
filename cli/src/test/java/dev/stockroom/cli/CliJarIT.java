package dev.stockroom.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.testing.SharedS3Mock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The built jar, run as a process the way the docs say ({@code java -jar stockroom-cli.jar}):
 * help, a lifecycle plan against S3Mock with credentials from the environment, and bad input.
 */
class CliJarIT {

  private static final Path JAR = Path.of(System.getProperty("stockroom.cli.jar",
      "target/stockroom-cli.jar"));

  /** One run of the jar: exit status and everything it printed. */
  record Run(int status, String out, String err) {}

  private static Run java(String... args) throws IOException, InterruptedException {
    assertThat(JAR).as("the jar the package phase built").isRegularFile();
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"),
        "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("AWS_ACCESS_KEY_ID", "cli-jar");
    builder.environment().put("AWS_SECRET_ACCESS_KEY", "cli-jar");
    Path out = Files.createTempFile("cli-out", ".txt");
    Path err = Files.createTempFile("cli-err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    try {
      assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("the jar ended").isTrue();
      return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      process.destroyForcibly();
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  @Test
  void help_listsTheCommands() throws Exception {
    Run help = java("--help");
    assertThat(help.status()).isZero();
    assertThat(help.out()).contains("policy", "plan", "apply", "audit", "repair", "cost",
        "upload", "sign", "backup", "restore-drill", "erase");
  }

  @Test
  void plan_onAFreshBucket_exits2() throws Exception {
    String bucket = SharedS3Mock.newBucket();
    Run plan = java("plan", "--bucket", bucket, "--region", "us-east-1", "--endpoint",
        SharedS3Mock.endpoint().toString(), "--path-style");
    assertThat(plan.status()).as(plan.err()).isEqualTo(ExitCodes.CHANGES);
    assertThat(plan.out()).contains("stockroom.product-image");
  }

  @Test
  void badInput_exits64_withOneLine() throws Exception {
    Run bad = java("upload", "--kind", "catalog", "--bucket", "shop", "x.jpg");
    assertThat(bad.status()).isEqualTo(ExitCodes.USAGE);
    assertThat(bad.err().lines()).singleElement().asString().startsWith("stockroom: ");
  }
}
