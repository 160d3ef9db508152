package dev.stockroom.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErasureRequestTest {

  private static final String RULE = "subject must be 1 to 128 ASCII letters, digits or '.', '_', "
      + "'-', '@', '+', '=', starting with a letter or digit (no '/', '..', spaces or control "
      + "characters), but was '%s'";

  @Test
  void subjectsThatCouldLeaveTheirPrefix_areRefused_namingFieldAndValue() {
    for (String bad : List.of("c-1/../c-2", "c/1", "..", "c..1", ".hidden", "", "a b", "-x")) {
      assertThatThrownBy(() -> ErasureRequest.subject(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(RULE, bad);
    }
    assertThatThrownBy(() -> ErasureRequest.subject("c\n1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(RULE, "c\\u000a1");
    String long129 = "c".repeat(129);
    assertThatThrownBy(() -> ErasureRequest.subject(long129))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("subject must be 1 to 128");
    assertThatThrownBy(() -> ErasureRequest.subject(null))
        .isInstanceOf(NullPointerException.class).hasMessage("subject must not be null");
    assertThat(ErasureRequest.subject("c".repeat(128)).subject()).hasSize(128);
    assertThat(ErasureRequest.subject("jane.doe+shop@example.com").subject())
        .isEqualTo("jane.doe+shop@example.com");
  }

  @Test
  void namedKeys_areCheckedLikeAnyKey_andNoneIsAddedWhenOneIsRefused() {
    ErasureRequest.Builder builder = ErasureRequest.builder().subject("c-1");
    assertThatThrownBy(() -> builder.keys(List.of("transactional/orders/1.json",
        "transactional/../media/x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key must not contain '..' segments, but was 'transactional/../media/x'");
    assertThat(builder.build().keys()).isEmpty();
    assertThatThrownBy(() -> builder.key("/etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key must not start with '/', but was '/etc/passwd'");
    assertThatThrownBy(() -> builder.reference("ticket 42"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("reference must be 1 to 128 printable ASCII characters without spaces, but "
            + "was 'ticket 42'");
    assertThatThrownBy(() -> ErasureRequest.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessage("erasure subject must be set");
  }

  @Test
  void toString_showsNeitherTheSubjectNorTheKeys() {
    ErasureRequest request = ErasureRequest.builder().subject("c-1001")
        .key("transactional/orders/c-1001-order.json").reference("DSR-42").build();

    assertThat(request.toString()).doesNotContain("c-1001").isEqualTo("erasure of one data "
        + "subject and 1 named key(s), reference DSR-42, backups included");
  }
}
