package dev.stockroom.examples.batch;

import dev.stockroom.transfer.BatchProgress;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.UploadProgressListener;

/** A one-line progress bar on the terminal, redrawn at most ten times a second. */
final class ProgressBar implements UploadProgressListener {

  private static final int WIDTH = 30;
  private static final long REDRAW_NANOS = 100_000_000L;

  private long lastDrawn;
  private BatchProgress last;

  @Override
  public synchronized void fileFinished(FileOutcome outcome, BatchProgress progress) {
    last = progress;
    long now = System.nanoTime();
    if (now - lastDrawn >= REDRAW_NANOS || progress.filesDone() == progress.filesTotal()) {
      lastDrawn = now;
      draw(progress);
    }
  }

  synchronized void finish() {
    if (last != null) {
      draw(last);
    }
    System.out.println();
  }

  private static void draw(BatchProgress p) {
    double share = p.filesTotal() == 0 ? 1 : (double) p.filesDone() / p.filesTotal();
    int filled = (int) Math.round(share * WIDTH);
    System.out.printf("\r  [%s%s] %5d/%d files  %6.1f/%.1f MiB  %d failed", "#".repeat(filled),
        ".".repeat(WIDTH - filled), p.filesDone(), p.filesTotal(),
        p.bytesTransferred() / 1048576.0, p.bytesTotal() / 1048576.0, p.filesFailed());
    System.out.flush();
  }
}
