package dev.stockroom.transfer;

import java.time.Duration;
import java.util.Optional;

/**
 * How far a directory upload or an import has come. Files are found as the walk goes, so the
 * totals grow until {@link #walkComplete()}.
 *
 * @param filesFound files (and links, special files) found so far
 * @param walkComplete whether every file has been found
 * @param filesDone files finished: stored, already stored, skipped or failed
 * @param filesFailed files that failed
 * @param filesSkipped files not uploaded on purpose (links, special or unreadable files)
 * @param filesAlreadyStored files an earlier run stored, per the import's journal
 * @param bytesFound bytes of the regular files found so far
 * @param bytesTransferred bytes sent so far (a retried part counts again)
 * @param concurrency how many files may be in flight now (lower while the store slows down)
 * @param elapsed time since the upload began
 */
public record BatchProgress(long filesFound, boolean walkComplete, long filesDone,
    long filesFailed, long filesSkipped, long filesAlreadyStored, long bytesFound,
    long bytesTransferred, int concurrency, Duration elapsed) {

  /** Returns the share of bytes sent, from 0.0 to 1.0 (1.0 when nothing is left to send). */
  public double fraction() {
    return bytesFound == 0 ? (walkComplete ? 1.0 : 0.0)
        : Math.min(1.0, (double) bytesTransferred / bytesFound);
  }

  /** Returns files finished per second so far. */
  public double filesPerSecond() {
    return perSecond(filesDone);
  }

  /** Returns bytes sent per second so far. */
  public double bytesPerSecond() {
    return perSecond(bytesTransferred);
  }

  /**
   * Returns the time left at the rate so far, once every file is found and some bytes are sent;
   * empty before.
   */
  public Optional<Duration> eta() {
    double rate = bytesPerSecond();
    if (!walkComplete || rate <= 0) {
      return Optional.empty();
    }
    long left = Math.max(0, bytesFound - bytesTransferred);
    return Optional.of(Duration.ofMillis((long) (left / rate * 1000)));
  }

  private double perSecond(long count) {
    double seconds = elapsed.toNanos() / 1e9;
    return seconds <= 0 ? 0 : count / seconds;
  }
}
