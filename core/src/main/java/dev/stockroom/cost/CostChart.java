package dev.stockroom.cost;

import dev.stockroom.validation.Require;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Draws a {@link CostComparison} as a PNG: monthly cost stacked by storage class, the policy on
 * the left and everything in STANDARD on the right, on the same scale and in the same colours.
 *
 * <p>This is the only class in Stockroom that uses XChart ({@code org.knowm.xchart:xchart}), an
 * optional dependency of {@code stockroom-core}: add it to your build to draw charts. Every other
 * cost class works without it. Rendering runs headless (no display needed).
 */
public final class CostChart {

  private static final Map<StorageClass, Color> COLORS = Map.of(
      StorageClass.STANDARD, new Color(0xD6, 0x27, 0x28),
      StorageClass.INTELLIGENT_TIERING, new Color(0x94, 0x67, 0xBD),
      StorageClass.STANDARD_IA, new Color(0xFF, 0x7F, 0x0E),
      StorageClass.ONEZONE_IA, new Color(0xBC, 0xBD, 0x22),
      StorageClass.GLACIER_IR, new Color(0x17, 0xBE, 0xCF),
      StorageClass.GLACIER, new Color(0x1F, 0x77, 0xB4),
      StorageClass.DEEP_ARCHIVE, new Color(0x2C, 0x3E, 0x50));

  private final CostComparison comparison;
  private final int width;
  private final int height;

  private CostChart(CostComparison comparison, int width, int height) {
    this.comparison = comparison;
    this.width = width;
    this.height = height;
  }

  /** Returns a chart of {@code comparison}, 800 × 500 pixels per panel. */
  public static CostChart of(CostComparison comparison) {
    return new CostChart(Require.nonNull(comparison, "comparison"), 800, 500);
  }

  /**
   * Returns this chart with panels of {@code width} × {@code height} pixels.
   *
   * @throws IllegalArgumentException if a dimension is below 200 or above 4000
   */
  public CostChart size(int width, int height) {
    Require.argument(width >= 200 && width <= 4000, "width must be between 200 and 4000, but was %s",
        width);
    Require.argument(height >= 200 && height <= 4000,
        "height must be between 200 and 4000, but was %s", height);
    return new CostChart(comparison, width, height);
  }

  /**
   * Returns the chart as PNG bytes.
   *
   * @throws IOException if encoding fails
   */
  public byte[] png() throws IOException {
    double top = 0;
    for (int m = 1; m <= comparison.months(); m++) {
      top = Math.max(top, Math.max(comparison.policy().month(m),
          comparison.allStandard().month(m)));
    }
    List<CategoryChart> panels = List.of(panel(comparison.policy(), top),
        panel(comparison.allStandard(), top));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    BitmapEncoder.saveBitmap(panels, 1, 2, out, BitmapEncoder.BitmapFormat.PNG);
    return out.toByteArray();
  }

  /**
   * Writes the chart to {@code file} as PNG, replacing it.
   *
   * @throws IOException if encoding or writing fails
   */
  public void writePng(Path file) throws IOException {
    Require.nonNull(file, "file");
    Files.write(file, png());
  }

  private CategoryChart panel(CostProjection projection, double top) {
    CategoryChart chart = new CategoryChartBuilder().width(width).height(height)
        .title(projection.scenario() + ": " + Usd.format(projection.total()) + " over "
            + projection.months() + " months")
        .xAxisTitle("month").yAxisTitle("USD per month").build();
    chart.getStyler().setStacked(true).setLegendPosition(Styler.LegendPosition.InsideNW)
        .setChartBackgroundColor(Color.WHITE);
    chart.getStyler().setYAxisMax(top > 0 ? top * 1.05 : 1).setYAxisMin(0.0)
        .setYAxisDecimalPattern("$#,##0.##").setXAxisMaxLabelCount(12)
        .setXAxisLabelRotation(0);
    List<Integer> months = new ArrayList<>();
    for (int m = 1; m <= projection.months(); m++) {
      months.add(m);
    }
    Set<StorageClass> classes = projection.storageClasses();
    for (StorageClass storageClass : classes.isEmpty() ? Set.of(StorageClass.STANDARD) : classes) {
      addSeries(chart, projection, storageClass, months);
    }
    return chart;
  }

  private static void addSeries(CategoryChart chart, CostProjection projection,
      StorageClass storageClass, List<Integer> months) {
    List<Double> costs = new ArrayList<>();
    months.forEach(m -> costs.add(projection.month(m, storageClass)));
    chart.addSeries(storageClass.toString(), months, costs)
        .setFillColor(COLORS.getOrDefault(storageClass, Color.GRAY));
  }

  @Override
  public String toString() {
    return "CostChart{" + width + "x" + height + ", " + comparison + '}';
  }
}
