package dev.stockroom.cli;

import dev.stockroom.exception.PolicyViolationException;
import dev.stockroom.exception.StockroomException;
import dev.stockroom.exception.StorageException;
import dev.stockroom.validation.Printable;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The {@code stockroom} command: {@code java -jar stockroom-cli.jar <command> [options]}. Bad
 * input ends with one line naming the flag and the value and exit status 64, an AWS failure with
 * one line naming the bucket, the key and S3's error code and status 1 — never a stack trace.
 */
@Command(name = "stockroom", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Stockroom: the policy, lifecycle, audit, cost, uploads and signed links of a "
        + "shop's S3 bucket.",
    subcommands = {PolicyCommand.class, PlanCommand.class, ApplyCommand.class,
        AuditCommand.class, RepairCommand.class, CostCommand.class, UploadCommand.class,
        SignCommand.class, BackupCommand.class, RestoreDrillCommand.class, EraseCommand.class,
        CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {"0:done (plan: nothing would change)", "1:S3, KMS or S3 Control failed",
        "2:plan: the lifecycle would change", "64:bad input (flag, value, configuration)"})
public final class StockroomCli implements Runnable {

  private StockroomCli() {}

  /** Runs the command line and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, new Context(System.out, System.err, System.getenv(),
        Path.of("").toAbsolutePath())));
  }

  /** Runs the command line in {@code context} and returns its exit status. */
  static int run(String[] args, Context context) {
    CommandLine line = new CommandLine(new StockroomCli(), new Factory(context))
        .setCaseInsensitiveEnumValuesAllowed(true);
    line.setOut(new java.io.PrintWriter(context.out(), true));
    line.setErr(new java.io.PrintWriter(context.err(), true));
    line.setParameterExceptionHandler((e, arguments) -> usage(context.err(), e.getMessage(),
        e.getCommandLine()));
    line.setExecutionExceptionHandler((e, commandLine, parsed) -> failed(context.err(), e,
        commandLine));
    return line.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "a command is needed");
  }

  private static int usage(PrintStream err, String message, CommandLine command) {
    err.println("stockroom: " + Printable.of(message) + " (see '"
        + command.getCommandSpec().qualifiedName() + " --help')");
    return ExitCodes.USAGE;
  }

  private static int failed(PrintStream err, Exception thrown, CommandLine command) {
    Exception e = unwrapped(thrown);
    if (e instanceof UsageException || e instanceof IllegalArgumentException
        || e instanceof PolicyViolationException || e instanceof IllegalStateException
        || e instanceof NullPointerException) {
      return usage(err, e.getMessage(), command);
    }
    if (e instanceof StorageException storage) {
      err.println("stockroom: " + storage.getMessage() + storage.errorCode()
          .filter(code -> !storage.getMessage().contains(code)).map(code -> " (" + code + ")")
          .orElse(""));
      return ExitCodes.FAILURE;
    }
    if (e instanceof StockroomException stockroom) {
      err.println("stockroom: " + stockroom.getMessage());
      return ExitCodes.FAILURE;
    }
    if (e instanceof AwsServiceException aws) {
      // an AWS answer that reached the command without a Stockroom exception around it
      err.println("stockroom: " + Printable.of(aws.getMessage()) + Optional.ofNullable(
          aws.awsErrorDetails()).map(details -> details.errorCode()).filter(code -> code != null
          && !aws.getMessage().contains(code)).map(code -> " (" + code + ")").orElse(""));
      return ExitCodes.FAILURE;
    }
    if (e instanceof SdkClientException client) {
      err.println("stockroom: " + Printable.of(client.getMessage()));
      return ExitCodes.FAILURE;
    }
    err.println("stockroom: " + e.getClass().getSimpleName() + ": " + Printable.of(e.getMessage()));
    return ExitCodes.SOFTWARE;
  }

  /** The cause of a {@link CompletionException} or {@link ExecutionException}, as thrown. */
  private static Exception unwrapped(Exception e) {
    Throwable cause = e;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException)
        && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof Exception exception ? exception : e;
  }

  /** Makes the commands, each with the context it runs in. */
  private record Factory(Context context) implements CommandLine.IFactory {

    @Override
    public <K> K create(Class<K> type) throws Exception {
      if (type.getPackageName().equals(StockroomCli.class.getPackageName())) {
        for (var constructor : type.getDeclaredConstructors()) {
          if (constructor.getParameterCount() == 1
              && constructor.getParameterTypes()[0] == Context.class) {
            constructor.setAccessible(true);
            return type.cast(constructor.newInstance(context));
          }
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
