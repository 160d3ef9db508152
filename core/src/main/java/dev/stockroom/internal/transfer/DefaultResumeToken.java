package dev.stockroom.internal.transfer;

import dev.stockroom.policy.DataKind;
import dev.stockroom.transfer.ResumeToken;
import dev.stockroom.validation.Printable;
import java.nio.file.Path;

/** A signed resume token: what it says, and its text. */
record DefaultResumeToken(ResumeTokens.Fields fields, String asString) implements ResumeToken {

  @Override
  public DataKind kind() {
    return fields.kind();
  }

  @Override
  public String bucket() {
    return fields.bucket();
  }

  @Override
  public String key() {
    return fields.key();
  }

  @Override
  public Path file() {
    return fields.file();
  }

  @Override
  public String toString() {
    return "ResumeToken{kind=" + kind() + ", bucket=" + bucket() + ", key="
        + Printable.of(key()) + ", file=" + Printable.of(file()) + '}';
  }
}
