package dev.stockroom.internal.protection;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.protection.ObjectVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.model.DeleteMarkerEntry;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;

/**
 * Finds every version and delete marker of a {@link SearchTarget} with ListObjectVersions, page by
 * page (1,000 a page). A prefix is listed exactly: {@code transactional/customers/c-1/} never
 * matches {@code c-10/}, and a named key lists only itself, not the keys it begins.
 */
final class VersionSearch {

  private VersionSearch() {}

  /**
   * Returns every version and delete marker in {@code target}.
   *
   * @throws StorageException if a listing fails (the keys are not named: they are personal data)
   */
  static List<ObjectVersion> find(SearchTarget target) {
    List<ObjectVersion> found = new ArrayList<>();
    for (String prefix : target.prefixes()) {
      list(target, prefix, key -> true, found);
    }
    for (String key : target.keys()) {
      list(target, key, key::equals, found);
    }
    return found;
  }

  private static Instant time(Instant lastModified) {
    return lastModified == null ? Instant.EPOCH : lastModified;
  }

  private static void list(SearchTarget target, String prefix, Predicate<String> keep,
      List<ObjectVersion> found) {
    String keyMarker = null;
    String versionMarker = null;
    do {
      String keyFrom = keyMarker;
      String versionFrom = versionMarker;
      ListObjectVersionsResponse page;
      try {
        page = Futures.join(target.s3().listObjectVersions(b -> b.bucket(target.bucket())
            .prefix(prefix).keyMarker(keyFrom).versionIdMarker(versionFrom)));
      } catch (RuntimeException e) {
        throw new StorageException("ListObjectVersions", target.bucket(), null,
            Futures.unwrap(e));
      }
      page.versions().stream().filter(v -> keep.test(v.key())).forEach(v -> found.add(
          new ObjectVersion(target.bucket(), v.key(), v.versionId(), false,
              v.size() == null ? 0 : v.size(), time(v.lastModified()))));
      for (DeleteMarkerEntry marker : page.deleteMarkers()) {
        if (keep.test(marker.key())) {
          found.add(new ObjectVersion(target.bucket(), marker.key(), marker.versionId(), true, 0,
              time(marker.lastModified())));
        }
      }
      boolean more = Boolean.TRUE.equals(page.isTruncated());
      keyMarker = more ? page.nextKeyMarker() : null;
      versionMarker = more ? page.nextVersionIdMarker() : null;
    } while (keyMarker != null);
  }
}
