package dev.stockroom.internal;

import java.util.regex.Pattern;

/** S3's rules for general-purpose bucket names. */
public final class BucketNames {

  private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern IP_ADDRESS = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

  private BucketNames() {}

  /**
   * Checks {@code bucket} against S3's naming rules.
   *
   * @throws IllegalArgumentException naming the bucket and the rule it breaks
   */
  public static String check(String bucket) {
    Require.nonNull(bucket, "bucket");
    Require.argument(VALID.matcher(bucket).matches(), "bucket must be 3 to 63 characters of "
        + "lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, "
        + "but was '%s'", bucket);
    Require.argument(!bucket.contains("..") && !bucket.contains(".-") && !bucket.contains("-."),
        "bucket must not contain '..', '.-' or '-.', but was '%s'", bucket);
    Require.argument(!IP_ADDRESS.matcher(bucket).matches(),
        "bucket must not be formatted as an IP address, but was '%s'", bucket);
    return bucket;
  }
}
