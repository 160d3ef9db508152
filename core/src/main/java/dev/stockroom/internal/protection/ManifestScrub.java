package dev.stockroom.internal.protection;

import dev.stockroom.exception.StockroomException;
import dev.stockroom.protection.Backup;
import dev.stockroom.protection.ObjectVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Takes an erased subject's keys out of the backups' manifests: each manifest that names one is
 * written again without those lines (signed anew), and every earlier version of it is deleted,
 * so no manifest still names the subject's objects. Every manifest of every tier is read: an
 * erasure costs a GET of each kept manifest.
 */
final class ManifestScrub {

  /**
   * What became of one manifest that named the subject.
   *
   * @param bucket its bucket
   * @param key its key
   * @param deleted the earlier versions deleted (confirmed by S3)
   * @param failure why it could not be rewritten, or null
   * @param failedVersion the version left when it could not be, or null
   */
  record Outcome(String bucket, String key, List<ObjectVersion> deleted, String failure,
      String failedVersion) {}

  private final BackupLayout layout;
  private final ManifestStore manifests;

  ManifestScrub(BackupLayout layout, ManifestStore manifests) {
    this.layout = layout;
    this.manifests = manifests;
  }

  /** Rewrites each manifest naming a key {@code erased} accepts; returns what it did. */
  List<Outcome> scrub(Predicate<String> erased) {
    List<Outcome> outcomes = new ArrayList<>();
    for (TierPlace place : layout.places()) {
      for (Backup backup : manifests.list(place)) {
        scrub(place, backup, erased).ifPresent(outcomes::add);
      }
    }
    return outcomes;
  }

  private java.util.Optional<Outcome> scrub(TierPlace place, Backup backup,
      Predicate<String> erased) {
    String key = backup.manifestKey();
    try (ManifestStore.Opened rows = manifests.open(place, backup);
        ManifestFile.Writer out = new ManifestFile.Writer()) {
      boolean named = false;
      while (rows.hasNext()) {
        ManifestRow row = rows.next();
        if (erased.test(row.key())) {
          named = true;
        } else {
          out.add(row);
        }
      }
      if (!named) {
        return java.util.Optional.empty();
      }
      List<ObjectVersion> before = VersionSearch.find(new SearchTarget(place.s3(),
          place.bucket(), List.of(), List.of(key)));
      manifests.put(place, key, out.sign(rows.header(), manifests.signingKey()));
      VersionDeleter.Result result = VersionDeleter.delete(place.s3(), place.bucket(), before);
      List<ObjectVersion> deleted = before.stream().filter(v -> result.deleted().contains(
          new VersionDeleter.Id(v.key(), v.versionId()))).toList();
      return java.util.Optional.of(new Outcome(place.bucket(), key, deleted, null, null));
    } catch (IllegalArgumentException | StockroomException e) {
      // an altered manifest is not rewritten (nor signed anew): reported, the erasure goes on
      return java.util.Optional.of(new Outcome(place.bucket(), key, List.of(),
          "manifest not rewritten: " + e.getMessage(), "current"));
    }
  }
}
