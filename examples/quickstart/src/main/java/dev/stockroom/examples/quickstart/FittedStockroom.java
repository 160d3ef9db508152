package dev.stockroom.examples.quickstart;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.StorageException;
import dev.stockroom.transfer.StoredObject;
import dev.stockroom.transfer.UploadHeaders;
import java.io.PrintStream;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The quickstart's Stockroom, fitted to the store it talks to. S3 takes every header Stockroom
 * sends; an S3-compatible store may refuse one, often without saying which (S3Proxy answers an SSE
 * header with 501 NotImplemented, before reading the body, and closes the connection, so the
 * client may hear only the close). When the first upload is refused that way, it is sent again
 * with one optional header off, then the other, then both; the first the store takes is kept for
 * the rest of the run and named in one line, with the setting that does the same in your code.
 */
final class FittedStockroom implements AutoCloseable {

  private enum Fallback {
    NO_SSE("server-side encryption headers", "h.serverSideEncryption(false)",
        h -> h.serverSideEncryption(false)),
    NO_CHECKSUMS("CRC32C checksums", "h.checksums(false)", h -> h.checksums(false)),
    NEITHER("server-side encryption headers or CRC32C checksums",
        "h.serverSideEncryption(false).checksums(false)",
        h -> h.serverSideEncryption(false).checksums(false));

    private final String lacks;
    private final String setting;
    private final Consumer<UploadHeaders.Builder> change;

    Fallback(String lacks, String setting, Consumer<UploadHeaders.Builder> change) {
      this.lacks = lacks;
      this.setting = setting;
      this.change = change;
    }

    UploadHeaders headers() {
      UploadHeaders.Builder headers = UploadHeaders.defaults().toBuilder();
      change.accept(headers);
      return headers.build();
    }
  }

  private final Stockroom.Builder builder;
  private final PrintStream out;
  private Stockroom current;

  FittedStockroom(Stockroom.Builder builder, PrintStream out) {
    this.builder = builder;
    this.out = out;
    this.current = builder.build();
  }

  /** Returns the Stockroom in use: the first one built, or the one the store took. */
  Stockroom get() {
    return current;
  }

  /**
   * Runs the first upload; if the store refuses one of its headers, runs it again without the
   * optional headers, one at a time, and keeps the first Stockroom the store takes.
   *
   * @throws StorageException the first refusal, if the store takes none of them
   */
  StoredObject firstUpload(Function<Stockroom, StoredObject> upload) {
    try {
      return upload.apply(current);
    } catch (StorageException refused) {
      if (!mayBeAHeader(refused)) {
        throw refused;
      }
      for (Fallback fallback : Fallback.values()) {
        Stockroom candidate = builder.uploadHeaders(fallback.headers()).build();
        try {
          StoredObject stored = upload.apply(candidate);
          current.close();
          current = candidate;
          out.println("(the store does not take " + fallback.lacks + ": "
              + StoreAnswers.how(refused) + "; uploads go on without them, as with "
              + "uploadHeaders(h -> " + fallback.setting + "))");
          return stored;
        } catch (StorageException again) {
          candidate.close();
          if (!mayBeAHeader(again)) {
            throw again;
          }
        }
      }
      throw refused;
    }
  }

  private static boolean mayBeAHeader(StorageException failure) {
    return StoreAnswers.refusedAHeader(failure) || StoreAnswers.closedWithoutAnswer(failure);
  }

  @Override
  public void close() {
    current.close();
  }
}
