package dev.stockroom.validation;

import java.util.List;
import java.util.regex.Pattern;

/**
 * S3's rules for general-purpose bucket names, as S3's bucket naming rules page lists them
 * (checked 2026-11-22), plus the DNS label rule virtual-hosted addressing needs.
 */
public final class BucketNames {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");
  /** Reserved by S3: punycode, S3's own, and its documentation examples. */
  private static final List<String> RESERVED_PREFIXES = List.of("xn--", "sthree-",
      "amzn-s3-demo-");
  /**
   * Reserved by S3 for access point aliases, Object Lambda access point aliases, Multi-Region
   * Access Points, directory buckets and table buckets.
   */
  private static final List<String> RESERVED_SUFFIXES = List.of("-s3alias", "--ol-s3", ".mrap",
      "--x-s3", "--table-s3");

  private BucketNames() {}

  /**
   * Checks {@code bucket} against S3's naming rules.
   *
   * @throws IllegalArgumentException naming the bucket and the rule it breaks
   */
  public static String check(String bucket) {
    return check(bucket, "bucket");
  }

  /**
   * Checks {@code bucket}, the value of setting {@code field}, against S3's naming rules.
   *
   * @throws IllegalArgumentException naming the field, the bucket and the rule it breaks
   */
  public static String check(String bucket, String field) {
    Require.nonNull(bucket, field);
    Require.argument(VALID.matcher(bucket).matches(), field + " must be 3 to 63 characters of "
        + "lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, "
        + "but was '%s'", bucket);
    Require.argument(!bucket.contains("..") && !bucket.contains(".-") && !bucket.contains("-."),
        field + " must not contain '..', '.-' or '-.', but was '%s'", bucket);
    Require.argument(!IP_ADDRESS.matcher(bucket).matches(),
        field + " must not be formatted as an IP address, but was '%s'", bucket);
    for (String prefix : RESERVED_PREFIXES) {
      Require.argument(!bucket.startsWith(prefix), field + " must not start with '%s' (reserved "
          + "by S3), but was '%s'", prefix, bucket);
    }
    for (String suffix : RESERVED_SUFFIXES) {
      Require.argument(!bucket.endsWith(suffix), field + " must not end with '%s' (reserved by "
          + "S3), but was '%s'", suffix, bucket);
    }
    return bucket;
  }
}
