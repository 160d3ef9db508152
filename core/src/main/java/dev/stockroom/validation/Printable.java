package dev.stockroom.validation;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a value a caller passed appears in a message: control characters escaped (a CR/LF in an
 * argument can never forge a log line), signatures, policies, credentials and PEM bodies elided
 * (a signed URL passed back in as a key never repeats its signature), and long values cut.
 */
public final class Printable {

  /** The most characters of one value a message repeats. */
  static final int MAX_CHARS = 256;

  /**
   * Query parameters and cookie values that authorize a request: CloudFront's signed URLs and
   * cookies, and SigV4 presigned URLs. Their values are replaced by {@value #ELIDED}.
   */
  private static final Pattern SECRET_PARAMETER = Pattern.compile(
      "(?i)((?:^|[?&;\\s])(?:CloudFront-)?(?:Signature|Policy|Key-Pair-Id|X-Amz-Signature"
          + "|X-Amz-Credential|X-Amz-Security-Token)=)[^&;\\s]*");
  private static final String PEM_BEGIN = "-----BEGIN ";
  static final String ELIDED = "(elided)";

  private Printable() {}

  /** Returns {@code value} as a message may show it; "null" for null. */
  public static String of(Object value) {
    if (value == null) {
      return "null";
    }
    String text = elideSecrets(String.valueOf(value));
    return escape(text.length() > MAX_CHARS
        ? text.substring(0, MAX_CHARS) + "…(" + text.length() + " characters)" : text);
  }

  private static String elideSecrets(String text) {
    int pem = text.indexOf(PEM_BEGIN);
    if (pem >= 0) {
      text = text.substring(0, pem) + "(PEM text elided)";
    }
    if (text.indexOf('=') < 0) {
      return text;
    }
    Matcher secret = SECRET_PARAMETER.matcher(text);
    return secret.find() ? secret.replaceAll("$1" + ELIDED) : text;
  }

  /** Escapes C0 and C1 control characters, DEL and line/paragraph separators as {@code \\uXXXX}. */
  private static String escape(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isControl(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        out.append(String.format("\\u%04x", (int) c));
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** Returns whether {@code c} is a control character (C0, DEL, C1) or a line separator. */
  public static boolean isControl(int c) {
    return c < 0x20 || c >= 0x7f && c <= 0x9f || c == 0x2028 || c == 0x2029;
  }
}
