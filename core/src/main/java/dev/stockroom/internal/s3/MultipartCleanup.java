package dev.stockroom.internal.s3;

import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** Picks, from a listing, the incomplete uploads a failed upload of one key left behind. */
final class MultipartCleanup {

  private MultipartCleanup() {}

  static List<MultipartUpload> orphans(ListMultipartUploadsResponse listing, String key,
      Instant since) {
    return listing.uploads().stream()
        .filter(upload -> key.equals(upload.key()))
        .filter(upload -> upload.initiated() == null || !upload.initiated().isBefore(since))
        .toList();
  }
}
