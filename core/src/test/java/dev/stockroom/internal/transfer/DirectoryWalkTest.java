package dev.stockroom.internal.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.policy.DataKind;
import dev.stockroom.policy.PolicyCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file found by the walk is checked again just before its upload. */
class DirectoryWalkTest {

  @TempDir
  Path dir;

  private DirectoryWalk walk(Path root) {
    return DirectoryWalk.of(root, PolicyCatalog.defaults().policy(DataKind.PRODUCT_IMAGE));
  }

  @Test
  void aFileReplacedByALinkAfterTheWalk_isNotUploaded() throws IOException {
    Path secret = Files.writeString(dir.resolve("secret.pem"), "PRIVATE");
    Path root = Files.createDirectories(dir.resolve("catalog"));
    Path file = Files.writeString(root.resolve("a.jpg"), "a");
    DirectoryWalk walk = walk(root);
    DirectoryWalk.Entry entry = walk.files().get(0);
    assertThat(walk.changedSinceWalk(entry)).isNull();

    Files.delete(file);
    Files.createSymbolicLink(file, secret);

    assertThat(walk.changedSinceWalk(entry))
        .isEqualTo("became a symbolic link (not followed) after it was found");
  }

  @Test
  void aParentReplacedByALinkAfterTheWalk_isNotFollowedOutOfTheDirectory() throws IOException {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("a.jpg"), "outside");
    Path root = Files.createDirectories(dir.resolve("catalog"));
    Path sub = Files.createDirectories(root.resolve("sku-1"));
    Files.writeString(sub.resolve("a.jpg"), "inside");
    DirectoryWalk walk = walk(root);
    DirectoryWalk.Entry entry = walk.files().get(0);

    Files.delete(sub.resolve("a.jpg"));
    Files.delete(sub);
    Files.createSymbolicLink(sub, outside);

    assertThat(walk.changedSinceWalk(entry))
        .isEqualTo("resolves outside the directory (a parent was replaced by a link)");
  }

  @Test
  void aVanishedFile_isReported() throws IOException {
    Path root = Files.createDirectories(dir.resolve("catalog"));
    Path file = Files.writeString(root.resolve("a.jpg"), "a");
    DirectoryWalk walk = walk(root);
    Files.delete(file);
    assertThat(walk.changedSinceWalk(walk.files().get(0))).isEqualTo("vanished after it was found");
  }
}
