package dev.stockroom.examples.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.Testing;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The catalog import example, run twice on a small catalog against S3Mock through a proxy that
 * records every request: the first run stores every image, the second sends nothing that is
 * already stored.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CatalogBatchTest {

  private static final int IMAGES = 12;

  /** The example's settings, as a user would pass them (-D), and the SDK's credentials. */
  private final Map<String, String> previous = new HashMap<>();
  private final FaultyS3 proxy = new FaultyS3();
  private String bucket;

  @TempDir
  Path dir;

  @BeforeEach
  void setUp() {
    bucket = SharedS3Mock.newBucket();
    set("stockroom.endpoint", proxy.endpoint().toString());
    set("stockroom.bucket", bucket);
    set("aws.accessKeyId", "catalog");
    set("aws.secretAccessKey", "catalog");
  }

  @AfterEach
  void tearDown() {
    previous.forEach((name, value) -> {
      if (value == null) {
        System.clearProperty(name);
      } else {
        System.setProperty(name, value);
      }
    });
    proxy.close();
  }

  @Test
  void aSecondRun_sendsNothingTheFirstStored() throws Exception {
    Path images = dir.resolve("images");
    for (int i = 0; i < IMAGES; i++) {
      Path image = images.resolve("sku-" + i + "/front.jpg");
      Files.createDirectories(image.getParent());
      Testing.randomFile(image, 1_000 + 100L * i, i);
    }
    String[] args = {images.toString(), dir.resolve("images.journal").toString()};

    String first = run(args);

    List<FaultyS3.Received> firstRun = proxy.received();
    assertThat(firstRun).filteredOn(FaultyS3.Received::isPutObject)
        .extracting(FaultyS3.Received::path).doesNotHaveDuplicates().hasSize(IMAGES);
    for (int i = 0; i < IMAGES; i++) {
      Path image = images.resolve("sku-" + i + "/front.jpg");
      String key = "media/product-images/sku-" + i + "/front.jpg";
      assertThat(Testing.sha256(SharedS3Mock.admin().getObject(g -> g.bucket(bucket).key(key))))
          .as(key).isEqualTo(Testing.sha256(Files.newInputStream(image)));
    }
    assertThat(first).contains("stored " + IMAGES + " ").contains("already stored 0,");

    String second = run(args);

    List<FaultyS3.Received> secondRun = proxy.received().subList(firstRun.size(),
        proxy.received().size());
    assertThat(secondRun).as("requests of the second run")
        .noneMatch(r -> r.method().equals("PUT") || r.method().equals("POST"));
    assertThat(second).contains("stored 0 ").contains("already stored " + IMAGES + ",");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).contains("images.journal");
    }
  }

  /** Runs the example's main and returns what it printed. */
  private static String run(String[] args) throws Exception {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      CatalogBatch.main(args);
    } finally {
      System.setOut(out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    out.print(text);
    return text;
  }

  private void set(String name, String value) {
    previous.put(name, System.getProperty(name));
    System.setProperty(name, value);
  }
}
