package dev.stockroom.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command, run in the build: every part of its story shows up. */
class QuickstartTest {

  @Test
  void theQuickstart_showsLifecycleObjectsLinksAndARefusal() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    new Quickstart(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("10 to add, 0 to change, 0 to remove")
        .contains("== Apply again: nothing left to change, nothing written");
    assertThat(out).containsPattern("media/product-images/sku-1001/front.jpg +STANDARD +aws:kms +"
        + "public, max-age=31536000, immutable +image/jpeg")
        .containsPattern("transactional/orders/2026/11/22/order-1001.json +STANDARD +aws:kms +"
            + "private, no-store +application/json")
        .containsPattern("logs/audit/2026/11/22/admin.log +GLACIER +aws:kms +private, no-store")
        .contains("(audit log sent with an Object Lock COMPLIANCE retention until 2033-");
    assertThat(out.split("signature valid: true", -1)).hasSize(3);
    assertThat(out).contains("PolicyViolationException: links are refused for ORDER objects");
    assertThat(out).as("no signature is printed").doesNotContain("Signature=")
        .doesNotContain("CloudFront-Signature=");
  }
}
