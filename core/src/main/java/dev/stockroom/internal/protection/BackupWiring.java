package dev.stockroom.internal.protection;

import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.batch.JobDriver;
import dev.stockroom.lifecycle.BucketLifecycle;
import dev.stockroom.policy.DataClass;
import dev.stockroom.policy.PolicyCatalog;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * What backups are wired with.
 *
 * @param source the bucket backed up
 * @param s3 its client
 * @param policies the policy in force (its transactional kinds' prefixes are backed up)
 * @param layout where backups put things
 * @param manifests the manifests
 * @param copier the in-process copies
 * @param jobs the Batch Operations job driver, or null when they are not configured
 * @param lifecycles the lifecycle of each backup bucket, by name
 * @param clock the clock
 * @param guard whether Stockroom is open
 */
record BackupWiring(String source, S3AsyncClient s3, PolicyCatalog policies, BackupLayout layout,
    ManifestStore manifests, BackupCopier copier, JobDriver jobs,
    Function<String, BucketLifecycle> lifecycles, Clock clock, OpenGuard guard) {

  /** Returns the prefixes backups copy: those of the transactional kinds. */
  List<String> prefixes() {
    return policies.policies().stream()
        .filter(policy -> policy.dataClass() == DataClass.TRANSACTIONAL)
        .map(policy -> policy.prefix()).toList();
  }
}
