package dev.stockroom.transfer;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of an import from a caller's own list: the file, and its name under the kind's prefix
 * ({@code sku-1/front.jpg}).
 *
 * @param file the file to upload
 * @param name the object's name under the kind's prefix
 */
public record ImportItem(Path file, String name) {

  /**
   * Checks that neither is null; the name's rules are checked when the file is imported.
   *
   * @throws NullPointerException if either is null
   */
  public ImportItem {
    Objects.requireNonNull(file, "file must not be null");
    Objects.requireNonNull(name, "name must not be null");
  }
}
