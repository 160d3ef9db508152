package dev.stockroom.examples.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The restore drill example, run as its README command runs it: with no endpoint configured it
 * seeds an in-process S3Mock with 200 orders, backs them up, restores the backup into a scratch
 * prefix, verifies every object and cleans up; the report names no key.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class RestoreDrillTest {

  @Test
  void theDailyDrill_restoresAndVerifiesEveryOrder() {
    PrintStream out = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      RestoreDrill.main(new String[] {"daily"});
    } finally {
      System.setOut(out);
    }
    String text = printed.toString(StandardCharsets.UTF_8);
    out.print(text);

    assertThat(text).contains("PASSED", "200 restored of 200 in the manifest",
        "recovery time (RTO)", "200 versions deleted").doesNotContain("order-0001");
  }
}
