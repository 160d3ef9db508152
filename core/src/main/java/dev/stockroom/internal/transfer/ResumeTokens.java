package dev.stockroom.internal.transfer;

import dev.stockroom.policy.DataKind;
import dev.stockroom.validation.Require;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Writes and reads resume tokens: a versioned list of {@code name=value} lines (values
 * percent-encoded), closed by an HMAC-SHA256 over everything before it with the instance's token
 * key. A token read back is untrusted input: its text is bounded, every field is checked, and one
 * whose signature does not match (edited, unsigned, or signed with another key) is refused before
 * any of its fields is used. The signature only proves the token is one this key signed; the
 * resume still rebuilds the request from the policy in force and checks the file.
 */
public final class ResumeTokens {

  static final String FORMAT = "stockroom-resume-2";
  /** The most text a token may have: keys, paths and metadata are bounded well below it. */
  static final int MAX_CHARS = 64 * 1024;
  /** The least bytes of token key: HMAC-SHA256's own output size. */
  public static final int MIN_KEY_BYTES = 32;
  private static final String SIGNATURE = "signature";
  private static final String METADATA = "metadata.";
  private static final Set<String> FIELDS = Set.of("bucket", "kind", "key", "file", "size",
      "modified", "content-type", "upload-id", "part-size", "total-parts", "transferred-parts", "headers");

  private final SecretKeySpec key;

  /**
   * @throws IllegalArgumentException if the key is shorter than {@value #MIN_KEY_BYTES} bytes
   */
  public ResumeTokens(byte[] key) {
    Require.nonNull(key, "resumeTokenKey");
    Require.argument(key.length >= MIN_KEY_BYTES, "resumeTokenKey must be at least %s bytes, but "
        + "was %s", MIN_KEY_BYTES, key.length);
    this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
  }

  /**
   * What a token says.
   *
   * @param uploadId the multipart upload id, null when no part was sent
   * @param headers the fingerprint of the request the multipart upload was created with
   */
  record Fields(String bucket, DataKind kind, String key, Path file, long size,
      Instant modified, String contentType, Map<String, String> metadata, String uploadId,
      long partSize, long totalParts, long transferredParts, String headers) {}

  String write(Fields token) {
    Map<String, String> lines = new LinkedHashMap<>();
    lines.put("bucket", token.bucket());
    lines.put("kind", token.kind().id());
    lines.put("key", token.key());
    lines.put("file", token.file().toAbsolutePath().toString());
    lines.put("size", Long.toString(token.size()));
    lines.put("modified", token.modified().toString());
    lines.put("content-type", token.contentType());
    token.metadata().forEach((name, value) -> lines.put(METADATA + name, value));
    if (token.uploadId() != null) {
      lines.put("upload-id", token.uploadId());
      lines.put("part-size", Long.toString(token.partSize()));
      lines.put("total-parts", Long.toString(token.totalParts()));
      lines.put("transferred-parts", Long.toString(token.transferredParts()));
      lines.put("headers", token.headers());
    }
    StringBuilder text = new StringBuilder(FORMAT).append('\n');
    lines.forEach((name, value) -> text.append(name).append('=')
        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('\n'));
    String signature = sign(text.toString());
    return text.append(SIGNATURE).append('=').append(signature).append('\n').toString();
  }

  /**
   * Reads and verifies a token.
   *
   * @throws IllegalArgumentException naming what is wrong: not a token, too long, unsigned,
   *     altered or signed with another key, a missing, repeated or unknown field, a bad value
   */
  Fields read(String text) {
    Require.nonNull(text, "token");
    Require.argument(text.length() <= MAX_CHARS, "token must be at most %s characters, but was %s",
        MAX_CHARS, text.length());
    Require.argument(text.startsWith(FORMAT + "\n"), "token must be a saved Stockroom resume "
        + "token (first line '%s')", FORMAT);
    int signatureAt = text.lastIndexOf("\n" + SIGNATURE + "=");
    Require.argument(signatureAt > 0, "token is not signed: resume only tokens from "
        + "FileTransfer.pause()");
    String signed = text.substring(0, signatureAt + 1);
    String signature = text.substring(signatureAt + SIGNATURE.length() + 2).strip();
    Require.argument(MessageDigest.isEqual(sign(signed).getBytes(StandardCharsets.US_ASCII),
        signature.getBytes(StandardCharsets.US_ASCII)), "token's signature does not match: it was "
        + "altered, or signed by a Stockroom with another resumeTokenKey (set the same key on both "
        + "to resume in another process)");
    return fields(parse(signed));
  }

  private static Map<String, String> parse(String signed) {
    Map<String, String> values = new LinkedHashMap<>();
    String[] lines = signed.split("\n", -1);
    for (int i = 1; i < lines.length - 1; i++) {
      String line = lines[i];
      int equals = line.indexOf('=');
      Require.argument(equals > 0, "token line %s is not name=value", i + 1);
      String name = line.substring(0, equals);
      Require.argument(FIELDS.contains(name) || name.startsWith(METADATA),
          "token holds an unknown field '%s'", name);
      String value;
      try {
        value = URLDecoder.decode(line.substring(equals + 1), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(Require.format("token field '%s' is not percent-encoded",
            name), e);
      }
      Require.argument(values.put(name, value) == null, "token field '%s' is repeated", name);
    }
    return values;
  }

  private static Fields fields(Map<String, String> values) {
    Map<String, String> metadata = new LinkedHashMap<>();
    values.forEach((name, value) -> {
      if (name.startsWith(METADATA)) {
        metadata.put(name.substring(METADATA.length()), value);
      }
    });
    String uploadId = values.get("upload-id");
    return new Fields(required(values, "bucket"), DataKind.fromId(required(values, "kind")),
        required(values, "key"), path(required(values, "file")),
        number(values, "size"), instant(required(values, "modified")),
        required(values, "content-type"), metadata, uploadId,
        uploadId == null ? 0 : number(values, "part-size"),
        uploadId == null ? 0 : number(values, "total-parts"),
        uploadId == null ? 0 : number(values, "transferred-parts"),
        uploadId == null ? null : required(values, "headers"));
  }

  private static String required(Map<String, String> values, String name) {
    String value = values.get(name);
    Require.argument(value != null && !value.isEmpty(), "token lacks the field '%s'", name);
    return value;
  }

  private static long number(Map<String, String> values, String name) {
    String text = required(values, name);
    try {
      long number = Long.parseLong(text);
      Require.argument(number >= 0, "token field '%s' must not be negative, but was %s", name,
          number);
      return number;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(Require.format("token field '%s' must be a number, but "
          + "was '%s'", name, text), e);
    }
  }

  private static Instant instant(String text) {
    try {
      return Instant.parse(text);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(Require.format("token field 'modified' must be an "
          + "instant, but was '%s'", text), e);
    }
  }

  private static Path path(String text) {
    try {
      Path path = Path.of(text);
      Require.argument(path.isAbsolute(), "token field 'file' must be an absolute path, but was "
          + "'%s'", text);
      return path;
    } catch (java.nio.file.InvalidPathException e) {
      throw new IllegalArgumentException(Require.format("token field 'file' is not a path: '%s'",
          text), e);
    }
  }

  private String sign(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(
          mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("every Java platform has HmacSHA256", e);
    }
  }

  @Override
  public String toString() {
    return "ResumeTokens{key=(hidden)}";
  }
}
