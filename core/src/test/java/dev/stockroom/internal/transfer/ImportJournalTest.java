package dev.stockroom.internal.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal read back from disk is untrusted: bounded, checked, tied to its target. */
class ImportJournalTest {

  private static final ImportJournal.Target TARGET = new ImportJournal.Target("shop-assets",
      "product-image", "media/product-images/", "directory /srv/catalog");

  @TempDir
  Path dir;

  @Test
  void aReopenedJournal_remembersWhatItStored_byNameSizeAndModificationTime() {
    Path file = dir.resolve("j");
    try (ImportJournal journal = ImportJournal.open(file, TARGET)) {
      journal.stored("sku 1/ä\tb.jpg", 10, 1000, "abc==", "\"etag\"");
      journal.failed("bad", "it broke\nbadly");
      journal.skipped("link.jpg", "symbolic link (not followed)");
    }
    try (ImportJournal journal = ImportJournal.open(file, TARGET)) {
      assertThat(journal.storedCount()).isEqualTo(1);
      assertThat(journal.alreadyStored("sku 1/ä\tb.jpg", 10, 1000)).isTrue();
      assertThat(journal.alreadyStored("sku 1/ä\tb.jpg", 11, 1000)).as("size changed").isFalse();
      assertThat(journal.alreadyStored("sku 1/ä\tb.jpg", 10, 1001)).as("modified").isFalse();
      assertThat(journal.alreadyStored("bad", 0, 0)).isFalse();
    }
  }

  @Test
  void aLastLineCutShortByACrash_isDropped_andTheNextLineStartsClean() throws IOException {
    Path file = dir.resolve("j");
    try (ImportJournal journal = ImportJournal.open(file, TARGET)) {
      journal.stored("a.jpg", 1, 1, null, "e1");
    }
    Files.writeString(file, "S\tb.jpg\t2\t", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    try (ImportJournal journal = ImportJournal.open(file, TARGET)) {
      assertThat(journal.storedCount()).isEqualTo(1);
      journal.stored("c.jpg", 3, 3, null, "e3");
    }
    try (ImportJournal journal = ImportJournal.open(file, TARGET)) {
      assertThat(journal.alreadyStored("c.jpg", 3, 3)).isTrue();
      assertThat(journal.storedCount()).isEqualTo(2);
    }
  }

  @Test
  void aJournalForAnotherTarget_isRefused() {
    Path file = dir.resolve("j");
    ImportJournal.open(file, TARGET).close();
    ImportJournal.Target other = new ImportJournal.Target("shop-assets", "product-image",
        "media/product-images/", "directory /srv/other");
    assertThatThrownBy(() -> ImportJournal.open(file, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("journal '" + file + "' was written for bucket 'shop-assets', kind "
            + "product-image, prefix 'media/product-images/', source directory /srv/catalog; this "
            + "import is for bucket 'shop-assets', kind product-image, prefix "
            + "'media/product-images/', source directory /srv/other: use another journal file");
  }

  @Test
  void aFileThatIsNotAJournal_orALineThatDoesNotParse_isRefused_namingTheLine() throws IOException {
    Path notJournal = Files.writeString(dir.resolve("notes.txt"), "hello\n");
    assertThatThrownBy(() -> ImportJournal.open(notJournal, TARGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("journal '" + notJournal + "' is not a Stockroom import journal (first line "
            + "'stockroom-import-1' expected)");

    Path file = dir.resolve("j");
    ImportJournal.open(file, TARGET).close();
    Files.writeString(file, "S\ta.jpg\tten\t1\t-\te\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> ImportJournal.open(file, TARGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("journal '" + file + "' line 3 has 'ten' where a number belongs");

    Path other = dir.resolve("k");
    ImportJournal.open(other, TARGET).close();
    Files.writeString(other, "X\tsomething\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> ImportJournal.open(other, TARGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("journal '" + other + "' line 3 is not a journal line: 'X\\u0009something'");
  }

  @Test
  void aHugeLine_isRefused_notReadWhole() throws IOException {
    Path file = dir.resolve("j");
    ImportJournal.open(file, TARGET).close();
    Files.writeString(file, "S\t" + "a".repeat(20_000) + "\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);
    assertThatThrownBy(() -> ImportJournal.open(file, TARGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("journal '" + file + "' line 3 is longer than 16384 bytes");
  }

  @Test
  void aLinkOrADirectory_isNoJournal() throws IOException {
    Path target = Files.writeString(dir.resolve("elsewhere"), "x");
    Path link = Files.createSymbolicLink(dir.resolve("link"), target);
    assertThatThrownBy(() -> ImportJournal.open(link, TARGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("journal must not be a symbolic link, but was '" + link + "'");
    assertThatThrownBy(() -> ImportJournal.open(dir, TARGET))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("journal must be a file, but '" + dir + "' is a directory");
  }
}
