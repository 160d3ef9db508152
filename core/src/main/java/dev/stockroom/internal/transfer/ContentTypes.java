package dev.stockroom.internal.transfer;

import dev.stockroom.validation.Require;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Content types of the files a shop stores, by extension. A fixed table rather than the platform's
 * file-type detection, which differs between machines and is empty on minimal images.
 */
public final class ContentTypes {

  public static final String DEFAULT = "application/octet-stream";
  /**
   * The longest Content-Type accepted: RFC 6838 bounds type and subtype names at 127 characters
   * each; a few parameters fit in the rest.
   */
  static final int MAX_LENGTH = 512;

  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+");

  private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
      Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"),
      Map.entry("png", "image/png"), Map.entry("gif", "image/gif"),
      Map.entry("webp", "image/webp"), Map.entry("avif", "image/avif"),
      Map.entry("svg", "image/svg+xml"), Map.entry("ico", "image/x-icon"),
      Map.entry("mp4", "video/mp4"), Map.entry("webm", "video/webm"),
      Map.entry("mov", "video/quicktime"), Map.entry("m3u8", "application/vnd.apple.mpegurl"),
      Map.entry("html", "text/html; charset=utf-8"), Map.entry("htm", "text/html; charset=utf-8"),
      Map.entry("css", "text/css; charset=utf-8"), Map.entry("js", "text/javascript; charset=utf-8"),
      Map.entry("json", "application/json"), Map.entry("ndjson", "application/x-ndjson"),
      Map.entry("jsonl", "application/x-ndjson"), Map.entry("xml", "application/xml"),
      Map.entry("txt", "text/plain; charset=utf-8"), Map.entry("log", "text/plain; charset=utf-8"),
      Map.entry("csv", "text/csv; charset=utf-8"), Map.entry("pdf", "application/pdf"),
      Map.entry("gz", "application/gzip"), Map.entry("zip", "application/zip"),
      Map.entry("woff2", "font/woff2"), Map.entry("woff", "font/woff"));

  private ContentTypes() {}

  /** Returns the content type for the file or key name, or {@value #DEFAULT}. */
  public static String forName(String name) {
    int slash = name.lastIndexOf('/');
    int dot = name.lastIndexOf('.');
    if (dot <= slash + 1) {
      return DEFAULT;
    }
    return BY_EXTENSION.getOrDefault(name.substring(dot + 1).toLowerCase(Locale.ROOT), DEFAULT);
  }

  /**
   * Checks that {@code contentType} is {@code type/subtype} with optional parameters.
   *
   * @throws IllegalArgumentException naming the value otherwise
   */
  static String check(String contentType) {
    Require.nonNull(contentType, "contentType");
    Require.argument(contentType.length() <= MAX_LENGTH, "contentType must be at most %s "
        + "characters, but was %s characters ('%s')", MAX_LENGTH, contentType.length(),
        contentType);
    String mediaType = contentType.split(";", 2)[0].trim();
    String[] parts = mediaType.split("/", -1);
    Require.argument(parts.length == 2 && TOKEN.matcher(parts[0]).matches()
        && TOKEN.matcher(parts[1]).matches()
        && contentType.chars().allMatch(c -> c >= 0x20 && c < 0x7f),
        "contentType must be of the form type/subtype, but was '%s'", contentType);
    return contentType;
  }
}
