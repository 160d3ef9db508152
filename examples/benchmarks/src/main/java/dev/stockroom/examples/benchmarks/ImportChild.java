package dev.stockroom.examples.benchmarks;

import dev.stockroom.Stockroom;
import dev.stockroom.transfer.BatchProgress;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.ImportSource;
import dev.stockroom.transfer.UploadProgressListener;
import java.net.URI;
import java.nio.file.Path;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * The crash drill's victim: imports a directory with a journal and prints one line per file
 * finished, so that the benchmark can kill it halfway. Arguments: endpoint, bucket, directory,
 * journal.
 */
public final class ImportChild {

  private ImportChild() {}

  public static void main(String[] args) {
    var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    try (Stockroom stockroom = Stockroom.builder().bucket(args[1]).region(Region.US_EAST_1)
        .credentialsProvider(credentials).endpointOverride(URI.create(args[0]))
        .forcePathStyle(true).build()) {
      stockroom.media().productImages().importFiles(ImportSource.directory(Path.of(args[2])),
          r -> r.journal(Path.of(args[3])).listener(new UploadProgressListener() {
            @Override
            public void fileFinished(FileOutcome outcome, BatchProgress progress) {
              System.out.println("DONE " + progress.filesDone());
            }
          }));
    }
  }
}
