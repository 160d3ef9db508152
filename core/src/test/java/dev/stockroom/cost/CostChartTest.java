package dev.stockroom.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.policy.PolicyCatalog;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CostChartTest {

  @Test
  void writePng_drawsTwoPanelsSideBySide(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("cost.png");

    CostChart.of(CostTableTest.oneImageForFourMonths()).size(400, 300).writePng(file);

    BufferedImage image = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(file)));
    assertThat(image.getWidth()).isEqualTo(800);
    assertThat(image.getHeight()).isEqualTo(300);
  }

  @Test
  void png_ofAnEmptyWorkload_isStillAnImage() throws IOException {
    CostComparison nothing = CostModel.builder().months(2).workload(Workload.builder().build())
        .build().compare(PolicyCatalog.defaults());

    byte[] png = CostChart.of(nothing).png();

    assertThat(ImageIO.read(new ByteArrayInputStream(png)).getWidth()).isEqualTo(1600);
  }

  @Test
  void size_outOfRange_isRefused() {
    assertThatThrownBy(() -> CostChart.of(CostTableTest.oneImageForFourMonths()).size(100, 300))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("width must be between 200 and 4000, but was 100");
  }
}
