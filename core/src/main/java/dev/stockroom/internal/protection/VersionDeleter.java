package dev.stockroom.internal.protection;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.protection.ObjectVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Error;

/**
 * Deletes versions and delete markers by version id with DeleteObjects, at most 1,000 a call (S3's
 * limit), and reads each call's answer key by key: a version counts as deleted only when S3 lists
 * it as deleted; an error names its code.
 */
final class VersionDeleter {

  /** S3 deletes at most this many objects in one DeleteObjects call. */
  static final int BATCH = 1000;

  /** Stands for "no version id": the object of an unversioned bucket, deleted by its key. */
  static final String NO_VERSION = "-";

  /** A version, as DeleteObjects names it. */
  record Id(String key, String versionId) {}

  /**
   * What S3 answered.
   *
   * @param deleted the versions S3 said it deleted
   * @param errors S3's error code for each version it did not delete
   */
  record Result(Set<Id> deleted, Map<Id, String> errors) {}

  private VersionDeleter() {}

  /**
   * Deletes {@code versions} (all of one bucket) and returns S3's answers.
   *
   * @throws StorageException if a DeleteObjects call itself fails; the versions of earlier calls
   *     stay deleted
   */
  static Result delete(S3AsyncClient s3, String bucket, List<ObjectVersion> versions) {
    Set<Id> deleted = new HashSet<>();
    Map<Id, String> errors = new HashMap<>();
    for (int start = 0; start < versions.size(); start += BATCH) {
      List<ObjectIdentifier> batch = new ArrayList<>();
      for (ObjectVersion version : versions.subList(start, Math.min(versions.size(),
          start + BATCH))) {
        batch.add(ObjectIdentifier.builder().key(version.key())
            .versionId(NO_VERSION.equals(version.versionId()) ? null : version.versionId())
            .build());
      }
      DeleteObjectsResponse answer;
      try {
        answer = Futures.join(s3.deleteObjects(b -> b.bucket(bucket)
            .delete(d -> d.objects(batch).quiet(false))));
      } catch (RuntimeException e) {
        throw new StorageException("DeleteObjects", bucket, null, Futures.unwrap(e));
      }
      answer.deleted().forEach(d -> deleted.add(new Id(d.key(), version(d.versionId()))));
      for (S3Error error : answer.errors()) {
        errors.put(new Id(error.key(), version(error.versionId())), error.code() == null
            ? "unknown" : error.code());
      }
    }
    return new Result(deleted, errors);
  }

  private static String version(String versionId) {
    return versionId == null ? NO_VERSION : versionId;
  }
}
