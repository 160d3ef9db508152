package dev.stockroom.internal.protection;

import java.util.Base64;
import software.amazon.awssdk.checksums.DefaultChecksumAlgorithm;
import software.amazon.awssdk.checksums.SdkChecksum;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CopyObjectResult;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * The full-object checksums a manifest records, as {@code <ALGORITHM>:<base64>}: the one S3
 * computed for a copy (CopyObject with a checksum algorithm answers it), preferring CRC32C. A
 * composite checksum (of a multipart object's parts, suffixed {@code -<parts>}) describes no
 * byte stream a reader can recompute, and is not recorded.
 */
final class Checksums {

  private Checksums() {}

  /** Returns the copy's full-object checksum, or null if S3 gave none. */
  static String of(CopyObjectResult result) {
    if (result == null || result.checksumType() == ChecksumType.COMPOSITE) {
      return null;
    }
    return first(result.checksumCRC32C(), result.checksumCRC64NVME(), result.checksumCRC32(),
        result.checksumSHA256(), result.checksumSHA1());
  }

  /** Returns the object's full-object checksum (asked with checksum mode on), or null. */
  static String of(HeadObjectResponse head) {
    if (head.checksumType() == ChecksumType.COMPOSITE) {
      return null;
    }
    return first(head.checksumCRC32C(), head.checksumCRC64NVME(), head.checksumCRC32(),
        head.checksumSHA256(), head.checksumSHA1());
  }

  private static String first(String crc32c, String crc64, String crc32, String sha256,
      String sha1) {
    String[] names = {"CRC32C", "CRC64NVME", "CRC32", "SHA256", "SHA1"};
    String[] values = {crc32c, crc64, crc32, sha256, sha1};
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null && !values[i].contains("-")) {
        return names[i] + ":" + values[i];
      }
    }
    return null;
  }

  /** Returns a fresh checksum of the algorithm {@code checksum} names. */
  static SdkChecksum start(String checksum) {
    String algorithm = checksum.substring(0, checksum.indexOf(':'));
    return SdkChecksum.forAlgorithm(switch (algorithm) {
      case "CRC32C" -> DefaultChecksumAlgorithm.CRC32C;
      case "CRC64NVME" -> DefaultChecksumAlgorithm.CRC64NVME;
      case "CRC32" -> DefaultChecksumAlgorithm.CRC32;
      case "SHA256" -> DefaultChecksumAlgorithm.SHA256;
      case "SHA1" -> DefaultChecksumAlgorithm.SHA1;
      default -> throw new IllegalArgumentException("not a checksum algorithm: " + algorithm);
    });
  }

  /** Returns {@code computed} in the form {@code checksum} has, to compare them. */
  static String finish(String checksum, SdkChecksum computed) {
    return checksum.substring(0, checksum.indexOf(':') + 1)
        + Base64.getEncoder().encodeToString(computed.getChecksumBytes());
  }
}
