package dev.stockroom.examples.batch;

import dev.stockroom.transfer.BatchProgress;
import dev.stockroom.transfer.FileOutcome;
import dev.stockroom.transfer.UploadProgressListener;
import java.time.Duration;

/**
 * One progress line on the terminal, redrawn at most ten times a second: files done of those
 * found, files/s, MiB/s, the ETA once every file is found, failures and files in flight.
 */
final class ProgressLine implements UploadProgressListener {

  private static final long REDRAW_NANOS = 100_000_000L;

  private long lastDrawn;
  private BatchProgress last;

  @Override
  public synchronized void fileFinished(FileOutcome outcome, BatchProgress progress) {
    last = progress;
    long now = System.nanoTime();
    if (now - lastDrawn >= REDRAW_NANOS) {
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
    String eta = p.eta().map(ProgressLine::minutesSeconds).orElse("--:--");
    System.out.printf("\r  %6d/%d%s files  %5.0f files/s  %6.1f MiB/s  ETA %s  %d failed  "
            + "%d in flight max ", p.filesDone(), p.filesFound(), p.walkComplete() ? "" : "+",
        p.filesPerSecond(), p.bytesPerSecond() / 1048576.0, eta, p.filesFailed(),
        p.concurrency());
    System.out.flush();
  }

  private static String minutesSeconds(Duration d) {
    return String.format("%02d:%02d", d.toMinutes(), d.toSecondsPart());
  }
}
