package dev.stockroom.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.testing.InventoryFixture;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inventories and findings files are untrusted: each way of breaking one fails the audit or the
 * plan with the file, line, field and value, and an audit that fails leaves no findings file.
 */
class AuditInputsIT {

  private static Stockroom stockroom;

  @TempDir
  Path dir;

  @BeforeAll
  static void start() {
    var admin = dev.stockroom.testing.SharedS3Mock.admin();
    if (admin.listBuckets().buckets().stream().noneMatch(b -> b.name().equals("shop-assets"))) {
      admin.createBucket(b -> b.bucket("shop-assets"));
    }
    stockroom = InventoryAuditIT.stockroom("shop-assets");
  }

  @AfterAll
  static void stop() {
    stockroom.close();
  }

  @Test
  void alteredDataFile_failsItsChecksum() throws IOException {
    Path manifest = InventoryAuditIT.writeInventory(dir);
    String json = Files.readString(manifest);
    String md5 = json.replaceAll("(?s).*?\"MD5checksum\" : \"([0-9a-f]{32})\".*", "$1");
    rewriteManifest(manifest, json.replace(md5, "0".repeat(32)));

    assertRefused(manifest, "has MD5 " + md5 + " where the manifest says 00000000");
  }

  @Test
  void truncatedDataFile_isRefusedBeforeItIsParsed() throws IOException {
    Path manifest = InventoryAuditIT.writeInventory(dir);
    Path data = dir.resolve("data-0.csv.gz");
    byte[] bytes = Files.readAllBytes(data);
    Files.write(data, java.util.Arrays.copyOf(bytes, bytes.length - 10));

    assertRefused(manifest, "inventory data file 'inventory/data/data-0.csv.gz' is "
        + (bytes.length - 10) + " bytes where the manifest says " + bytes.length);
  }

  @Test
  void manifestNotMatchingItsChecksumFile_isRefused() throws IOException {
    Path manifest = InventoryAuditIT.writeInventory(dir);
    Files.writeString(manifest, Files.readString(manifest).replace("\"version\"", "\"versions\""));

    assertRefused(manifest, "does not match its manifest.checksum");
  }

  @Test
  void manifestOfAnotherBucket_isRefused() throws IOException {
    Path manifest = InventoryAuditIT.writeInventory(dir);
    rewriteManifest(manifest, Files.readString(manifest).replace("\"sourceBucket\" : "
        + "\"shop-assets\"", "\"sourceBucket\" : \"other-shop\""));

    assertRefused(manifest, "lists bucket 'other-shop', not 'shop-assets'");
  }

  @Test
  void orcInventory_isRefusedByName() throws IOException {
    Path manifest = InventoryAuditIT.writeInventory(dir);
    rewriteManifest(manifest, Files.readString(manifest).replace("\"CSV\"", "\"ORC\""));

    assertRefused(manifest, "has fileFormat 'ORC': Stockroom reads CSV inventories");
  }

  @Test
  void badFieldValues_nameTheFileLineColumnAndValue() {
    assertRefused(oneRow("\"shop-assets\",\"media/pages/a.html\",\"12\",\"AES\""),
        "inventory data file 'inventory/data/data-0.csv.gz' line 1 has EncryptionStatus 'AES'");
    assertRefused(oneRow("\"shop-assets\",\"media/pages/a.html\",\"-1\",\"SSE-S3\""),
        "line 1 has Size '-1' where a byte count belongs");
    assertRefused(oneRow("\"shop-assets\",\"media/pages/%zz.html\",\"1\",\"SSE-S3\""),
        "line 1 has Key 'media/pages/%zz.html' where a URL-encoded key of 1 to 1,024 UTF-8 bytes "
            + "belongs");
    assertRefused(oneRow("\"shop-assets\",\"media/pages/a.html\",\"1\""),
        "line 1 has 3 columns where the manifest's fileSchema has 4");
    assertRefused(oneRow("\"other-shop\",\"media/pages/a.html\",\"1\",\"SSE-S3\""),
        "line 1 lists bucket 'other-shop', not 'shop-assets'");
    assertRefused(oneRow("\"shop-assets\",\"" + "a".repeat(70_000) + "\",\"1\",\"SSE-S3\""),
        "has a line longer than 65536 characters");
  }

  @Test
  void dataFileThatIsALink_isNotFollowed() throws IOException {
    Path manifest = InventoryAuditIT.writeInventory(dir);
    Path data = dir.resolve("data-0.csv.gz");
    Path elsewhere = Files.move(data, dir.resolve("elsewhere.gz"));
    Files.createSymbolicLink(data, elsewhere);

    assertRefused(manifest, "is not a regular file (links and special files are not read)");
  }

  @Test
  void findingsFile_thatWasTamperedWith_isRefusedWithItsLineColumnAndValue() throws IOException {
    Path findings = findingsFile();
    String text = Files.readString(findings);
    Path tampered = dir.resolve("tampered.csv");

    Files.writeString(tampered, text.replaceFirst("ENCRYPTION", "DELETE_EVERYTHING"));
    assertPlanRefused(tampered, "line 5 has findings 'DELETE_EVERYTHING");
    Files.writeString(tampered, text.replace("# bucket: shop-assets", "# bucket: other-shop"));
    assertPlanRefused(tampered, "is of bucket 'other-shop', not 'shop-assets'");
    Files.writeString(tampered, text.replace("# Stockroom audit findings", "key,value"));
    assertPlanRefused(tampered, "not a file a Stockroom audit wrote");
    Files.writeString(tampered, text.replaceFirst(",1000,", ",many,"));
    assertPlanRefused(tampered, "line 5 has size 'many' where a byte count belongs");
  }

  @Test
  void findingsFile_changedAfterThePlan_isNotApplied() throws IOException {
    Path findings = findingsFile();
    RepairPlan plan = stockroom.audit().plan(findings, RepairRequest.defaults());
    Files.writeString(findings, Files.readString(findings) + "\n");

    assertThatThrownBy(plan::apply).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("changed since the plan was made: plan again");
  }

  @Test
  void findingsFile_thatIsALink_isNotRead() throws IOException {
    Path link = Files.createSymbolicLink(dir.resolve("link.csv"), findingsFile());

    assertPlanRefused(link, "is not a regular file");
  }

  private Path findingsFile() {
    Path findings = dir.resolve("findings.csv");
    stockroom.audit().run(AuditRequest.inventory(InventoryAuditIT.writeInventory(
        Files.isDirectory(dir.resolve("inventory")) ? dir.resolve("inventory") : mkdir("inventory")))
        .findingsFile(findings).build());
    return findings;
  }

  private Path mkdir(String name) {
    try {
      return Files.createDirectories(dir.resolve(name));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void assertRefused(Path manifest, String message) {
    Path findings = dir.resolve("refused-findings.csv");
    assertThatThrownBy(() -> stockroom.audit().run(AuditRequest.inventory(manifest)
        .findingsFile(findings).build())).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
    assertThat(findings).doesNotExist();
    try (var files = Files.list(dir)) {
      assertThat(files.map(Path::getFileName).map(Path::toString))
          .noneMatch(name -> name.startsWith(".stockroom-findings-"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private void assertPlanRefused(Path findings, String message) {
    assertThatThrownBy(() -> stockroom.audit().plan(findings, RepairRequest.defaults()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
  }

  /** Writes a one-row inventory whose only row is {@code csvLine}, checksums correct. */
  private Path oneRow(String csvLine) {
    try {
      Path sub = Files.createTempDirectory(dir, "one");
      Path data = sub.resolve("data-0.csv.gz");
      try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(data))) {
        out.write((csvLine + "\n").getBytes(StandardCharsets.UTF_8));
      }
      try (InventoryFixture fixture = InventoryFixture.create(sub, "shop-assets",
          "Bucket, Key, Size, EncryptionStatus", 10)) {
        Path manifest = fixture.finish();
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest
            .getInstance("MD5").digest(Files.readAllBytes(data)));
        rewriteManifest(manifest, Files.readString(manifest).replace("\"files\" : [  ]",
            "\"files\" : [ { \"key\" : \"inventory/data/data-0.csv.gz\", \"size\" : "
                + Files.size(data) + ", \"MD5checksum\" : \"" + md5 + "\" } ]"));
        return manifest;
      }
    } catch (IOException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Replaces the manifest and its checksum file, as a report's author could. */
  private static void rewriteManifest(Path manifest, String json) throws IOException {
    Files.writeString(manifest, json);
    try {
      Files.writeString(manifest.resolveSibling("manifest.checksum"), java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("MD5")
              .digest(json.getBytes(StandardCharsets.UTF_8))));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
