package dev.stockroom.transfer;

/**
 * How far a directory upload has come.
 *
 * @param filesTotal files found
 * @param filesDone files finished, stored or failed
 * @param filesFailed files that failed
 * @param bytesTotal bytes of all files found
 * @param bytesTransferred bytes sent so far (a retried part counts again)
 */
public record BatchProgress(int filesTotal, int filesDone, int filesFailed, long bytesTotal,
    long bytesTransferred) {

  /** Returns the share of bytes sent, from 0.0 to 1.0 (1.0 for an empty directory). */
  public double fraction() {
    return bytesTotal == 0 ? 1.0 : Math.min(1.0, (double) bytesTransferred / bytesTotal);
  }
}
