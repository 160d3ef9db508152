package dev.stockroom.testing;

import dev.stockroom.Stockroom;
import dev.stockroom.transfer.BatchProgress;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.ImportSource;
import dev.stockroom.transfer.UploadProgressListener;
import java.net.URI;
import java.nio.file.Path;

/**
 * Imports a directory as product images with a journal, four files at a time, and prints one
 * line per file finished, so that a test in another JVM can kill it mid-way. Arguments:
 * endpoint, bucket, directory, journal.
 */
public final class ImportOneDirectory {

  private ImportOneDirectory() {}

  public static void main(String[] args) {
    try (Stockroom stockroom = Stockroom.builder().bucket(args[1]).region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(URI.create(args[0]))
        .forcePathStyle(true).transferSettings(t -> t.maxConcurrentFiles(4)).build()) {
      stockroom.media().productImages().importFiles(ImportSource.directory(Path.of(args[2])),
          r -> r.journal(Path.of(args[3])).listener(new UploadProgressListener() {
            @Override
            public void fileFinished(FileOutcome outcome, BatchProgress progress) {
              System.out.println("DONE " + progress.filesDone());
              System.out.flush();
            }
          }));
      System.out.println("FINISHED");
    }
  }
}
