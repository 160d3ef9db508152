package dev.stockroom.internal.audit;

import java.io.InputStream;
import java.util.Optional;

/** Where an inventory report's files are: a directory on disk or its destination bucket. */
interface InventoryLocation {

  /** Returns the manifest's location, for messages. */
  String describe();

  /** Returns the manifest's bytes (at most {@link InventoryManifest#MAX_BYTES} + 1). */
  byte[] manifest();

  /** Returns the {@code manifest.checksum} beside the manifest (its MD5 in hex), if there is one. */
  Optional<String> manifestChecksum();

  /** A data file opened: its raw (gzipped) bytes and its size as the location knows it. */
  record Opened(InputStream bytes, long size) {}

  /**
   * Opens one data file.
   *
   * @throws IllegalArgumentException if the manifest names a file outside the report
   */
  Opened open(InventoryManifest.DataFile file);

  /** Checks what only the location can check, such as the destination bucket named in it. */
  default void check(byte[] manifestJson) {}
}
