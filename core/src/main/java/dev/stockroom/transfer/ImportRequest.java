package dev.stockroom.transfer;

import dev.stockroom.validation.Require;
import java.nio.file.Path;
import java.util.Optional;

/**
 * An import of many files: where they come from, the journal that lets a re-run skip what is
 * already stored, who hears of the progress, and how many failures the result keeps in memory.
 * Immutable; build one with {@link #builder(ImportSource)}.
 */
public final class ImportRequest {

  /** How many failures a result keeps by default (every one is in the journal). */
  public static final int DEFAULT_FAILURES_KEPT = 100;

  private final ImportSource source;
  private final Path journal;
  private final UploadProgressListener listener;
  private final int failuresKept;

  private ImportRequest(Builder b) {
    this.source = b.source;
    this.journal = b.journal;
    this.listener = b.listener;
    this.failuresKept = b.failuresKept;
  }

  /** Returns a builder for an import from {@code source}. */
  public static Builder builder(ImportSource source) {
    return new Builder(Require.nonNull(source, "source"));
  }

  /** Returns the source. */
  public ImportSource source() {
    return source;
  }

  /** Returns the journal file, if the import keeps one. */
  public Optional<Path> journal() {
    return Optional.ofNullable(journal);
  }

  /** Returns who hears of the progress. */
  public UploadProgressListener listener() {
    return listener;
  }

  /** Returns how many failures the result keeps in memory. */
  public int failuresKept() {
    return failuresKept;
  }

  @Override
  public String toString() {
    return "ImportRequest{source=" + source + ", journal=" + journal + ", failuresKept="
        + failuresKept + '}';
  }

  /** Builds an {@link ImportRequest}. */
  public static final class Builder {
    private final ImportSource source;
    private Path journal;
    private UploadProgressListener listener = UploadProgressListener.NONE;
    private int failuresKept = DEFAULT_FAILURES_KEPT;

    private Builder(ImportSource source) {
      this.source = source;
    }

    /**
     * Keeps a journal in {@code file}: one line per file finished, written as it happens. A
     * re-run with the same journal (after a crash, say) skips every file it records as stored and
     * unchanged since, and sends the rest. A journal written for another bucket, kind or source
     * is refused.
     */
    public Builder journal(Path file) {
      this.journal = Require.nonNull(file, "journal");
      return this;
    }

    /** Sets who hears of the progress (default: nobody). */
    public Builder listener(UploadProgressListener listener) {
      this.listener = Require.nonNull(listener, "listener");
      return this;
    }

    /**
     * Sets how many failures the result keeps in memory (default 100); the journal records all.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder failuresKept(int count) {
      Require.argument(count >= 0, "failuresKept must not be negative, but was %s", count);
      this.failuresKept = count;
      return this;
    }

    /** Returns the request. */
    public ImportRequest build() {
      return new ImportRequest(this);
    }
  }
}
