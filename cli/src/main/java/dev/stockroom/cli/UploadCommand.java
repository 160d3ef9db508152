package dev.stockroom.cli;

import dev.stockroom.policy.DataKind;
import dev.stockroom.transfer.BatchProgress;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.ImportItem;
import dev.stockroom.transfer.ImportResult;
import dev.stockroom.transfer.ImportSource;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.UploadProgressListener;
import dev.stockroom.validation.Printable;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code stockroom upload}: a file or a directory as objects of one kind, with the kind's storage
 * class, encryption and headers. A directory is imported with a progress line and a summary, and
 * with {@code --journal} (for a file too) a re-run resumes, sending nothing already stored.
 */
@Command(name = "upload", mixinStandardHelpOptions = true,
    description = "Upload a file or a directory as objects of one kind. With --journal, a "
        + "re-run resumes where the last one stopped.")
final class UploadCommand implements Callable<Integer> {

  private final Context context;

  @Mixin
  Common common;

  @Option(names = "--kind", paramLabel = "KIND", required = true,
      description = "the data kind, e.g. product-image, order, access-log")
  String kind;

  @Option(names = "--name", paramLabel = "NAME",
      description = "a file's name under the kind's prefix (default: the file's name)")
  String name;

  @Option(names = "--journal", paramLabel = "FILE",
      description = "an import journal: a re-run skips what it recorded as stored")
  Path journal;

  @Parameters(paramLabel = "PATH", description = "the file or directory to upload")
  Path path;

  UploadCommand(Context context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    DataKind dataKind = kind();
    boolean directory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    if (!directory && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
      throw new UsageException("PATH '" + Printable.of(path.toString()) + "': not a regular file "
          + "or a directory (links are not followed)");
    }
    if (directory && name != null) {
      throw new UsageException("--name is for a file, not a directory");
    }
    try (var stockroom = common.open(context)) {
      Output output = new Output(context, common.json);
      if (!directory && journal == null) {
        StoredObject stored = stockroom.objects(dataKind).object(name != null ? name
            : path.getFileName().toString()).upload(path);
        output.answer(String.format("stored s3://%s/%s  %,d bytes  %s  %s%n", stored.bucket(),
            stored.key(), stored.size(), stored.storageClass(), stored.encryption()
                .map(Object::toString).orElse("store default encryption")), Map.of("key",
            stored.key(), "size", stored.size(), "storageClass", stored.storageClass().toString(),
            "eTag", stored.eTag()));
        return ExitCodes.OK;
      }
      Progress progress = new Progress(output, !common.json);
      ImportResult result = stockroom.objects(dataKind).importFiles(source(directory),
          request -> {
            request.listener(progress);
            if (journal != null) {
              request.journal(journal);
            }
          });
      progress.finish();
      output.answer(summary(result), json(result));
      return result.allSucceeded() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
  }

  /** The directory, or the one file as a source a journal can be kept for. */
  private ImportSource source(boolean directory) {
    if (directory) {
      return ImportSource.directory(path);
    }
    String fileName = name != null ? name : path.getFileName().toString();
    return ImportSource.of("file " + path.toAbsolutePath().normalize(),
        Stream.of(new ImportItem(path, fileName)));
  }

  private DataKind kind() {
    try {
      return DataKind.fromId(kind.toLowerCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--kind: " + e.getMessage() + "; kinds are "
          + java.util.Arrays.stream(DataKind.values()).map(DataKind::id).toList(), e);
    }
  }

  private static String summary(ImportResult result) {
    StringBuilder text = new StringBuilder(String.format("%,d stored, %,d already stored, %,d "
            + "skipped, %,d failed; %,d bytes in %s%n", result.filesStored(),
        result.filesAlreadyStored(), result.filesSkipped(), result.filesFailed(),
        result.bytesStored(), result.elapsed().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)));
    for (FileOutcome failure : result.failures()) {
      text.append(String.format("  %s %s: %s%n", failure.status(), failure.key(),
          failure.reason().orElse(failure.failure().map(Throwable::getMessage).orElse(""))));
    }
    result.journal().ifPresent(file -> text.append("journal: ").append(file).append('\n'));
    return text.toString();
  }

  private static Map<String, Object> json(ImportResult result) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("stored", result.filesStored());
    data.put("alreadyStored", result.filesAlreadyStored());
    data.put("skipped", result.filesSkipped());
    data.put("failed", result.filesFailed());
    data.put("bytes", result.bytesStored());
    data.put("seconds", result.elapsed().toMillis() / 1000.0);
    data.put("failures", result.failures().stream().map(failure -> Map.of("key", failure.key(),
        "status", failure.status().name(), "reason", failure.reason().orElse(failure.failure()
            .map(Throwable::getMessage).orElse("")))).toList());
    return data;
  }

  /** A progress line on the error stream, redrawn at most five times a second. */
  private static final class Progress implements UploadProgressListener {

    private final Output output;
    private final boolean enabled;
    private long lastDrawn;
    private BatchProgress last;

    Progress(Output output, boolean enabled) {
      this.output = output;
      this.enabled = enabled;
    }

    @Override
    public synchronized void fileFinished(FileOutcome outcome, BatchProgress progress) {
      last = progress;
      long now = System.nanoTime();
      if (enabled && now - lastDrawn >= 200_000_000L) {
        lastDrawn = now;
        draw(progress);
      }
    }

    synchronized void finish() {
      if (enabled && last != null) {
        draw(last);
        output.progress("\n");
      }
    }

    private void draw(BatchProgress p) {
      String eta = p.eta().map(UploadCommand::minutesSeconds).orElse("--:--");
      output.progress(String.format("\r%,d/%,d%s files  %.0f files/s  %.1f MiB/s  ETA %s  "
              + "%,d failed ", p.filesDone(), p.filesFound(), p.walkComplete() ? "" : "+",
          p.filesPerSecond(), p.bytesPerSecond() / 1048576.0, eta, p.filesFailed()));
    }
  }

  private static String minutesSeconds(Duration d) {
    return String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
