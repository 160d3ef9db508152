package dev.stockroom.internal.audit;

import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An inventory report downloaded to one directory: {@code manifest.json}, its {@code
 * manifest.checksum} and the data files, found by their names (the last segment of each key the
 * manifest lists). Links are not followed and only regular files are read, so a manifest cannot
 * lead the audit to another file on the machine.
 */
final class LocalInventory implements InventoryLocation {

  private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,254}");

  private final Path manifest;
  private final Path directory;

  LocalInventory(Path manifest) {
    this.manifest = manifest.toAbsolutePath().normalize();
    this.directory = this.manifest.getParent();
  }

  @Override
  public String describe() {
    return manifest.toString();
  }

  @Override
  public byte[] manifest() {
    try (InputStream in = openRegular(manifest, "inventory manifest")) {
      return in.readNBytes(InventoryManifest.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException(
          Require.format("cannot read inventory manifest '%s'", manifest), e);
    }
  }

  @Override
  public Optional<String> manifestChecksum() {
    Path checksum = directory.resolve("manifest.checksum");
    if (!Files.exists(checksum, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    try (InputStream in = openRegular(checksum, "inventory manifest checksum")) {
      return Optional.of(new String(in.readNBytes(64), StandardCharsets.US_ASCII).strip());
    } catch (IOException e) {
      throw new UncheckedIOException(Require.format("cannot read '%s'", checksum), e);
    }
  }

  @Override
  public Opened open(InventoryManifest.DataFile file) {
    String name = file.key().substring(file.key().lastIndexOf('/') + 1);
    Require.argument(FILE_NAME.matcher(name).matches(), "inventory manifest '%s' names data file "
        + "'%s', which is not a plain file name", manifest, file.key());
    Path path = directory.resolve(name);
    try {
      InputStream in = openRegular(path, "inventory data file");
      return new Opened(in, Files.size(path));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(Require.format("inventory data file '%s' named by '%s' "
          + "is not in %s: download the whole report", name, manifest, directory), e);
    } catch (IOException e) {
      throw new UncheckedIOException(
          Require.format("cannot read inventory data file '%s'", name), e);
    }
  }

  private static InputStream openRegular(Path file, String what) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
        LinkOption.NOFOLLOW_LINKS);
    Require.argument(attributes.isRegularFile(), "%s '%s' is not a regular file (links and "
        + "special files are not read)", what, file);
    return Files.newInputStream(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
  }
}
