package dev.stockroom.internal.protection;

import dev.stockroom.exception.BackupException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.batch.JobDriver;
import dev.stockroom.internal.lifecycle.DefaultBucketLifecycle;
import dev.stockroom.internal.metrics.Meters;
import dev.stockroom.internal.s3.BucketClient;
import dev.stockroom.internal.s3.PartCopy;
import dev.stockroom.lifecycle.BucketLifecycle;
import dev.stockroom.policy.DataClass;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.protection.Backup;
import dev.stockroom.protection.BackupMode;
import dev.stockroom.protection.BackupResult;
import dev.stockroom.protection.BackupSettings;
import dev.stockroom.protection.BackupTier;
import dev.stockroom.protection.DataProtection;
import dev.stockroom.protection.ErasurePlan;
import dev.stockroom.protection.ErasureRequest;
import dev.stockroom.protection.LockConflict;
import dev.stockroom.protection.ObjectVersion;
import dev.stockroom.protection.RestoreReport;
import dev.stockroom.protection.RestoreTarget;
import dev.stockroom.transfer.KindObjects;
import dev.stockroom.validation.Require;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** Erasure of data subjects, and backups, of one bucket. */
public final class DefaultDataProtection implements DataProtection {

  /**
   * What data protection is wired with.
   *
   * @param bucket the bucket
   * @param policies the policy in force (its erasable kinds give the subject's prefixes)
   * @param s3 the bucket's client
   * @param auditLogs where erasure receipts are stored
   * @param protectionKey the secret receipts' hashes are keyed with and manifests signed with,
   *     or null (then receipts use a random key, and backups are not configured)
   * @param backups the backup settings, or null
   * @param kmsKeyId Stockroom's KMS key, the backups' default
   * @param checksums whether copies ask S3 for a checksum
   * @param jobs the Batch Operations job driver, or null when they are not configured
   * @param clock the clock
   * @param executor where async calls run
   * @param guard whether Stockroom is open
   */
  public record Wiring(String bucket, PolicyCatalog policies, S3AsyncClient s3,
      KindObjects auditLogs, byte[] protectionKey, BackupSettings backups, String kmsKeyId,
      boolean checksums, JobDriver jobs, Clock clock, Executor executor, OpenGuard guard) {}

  /** The longest one call waits for a job. */
  private static final Duration MAX_WAIT = Duration.ofDays(7);

  private final Wiring wiring;
  private final ErasureRun erasure;
  private final BackupWiring backups;

  public DefaultDataProtection(Wiring wiring) {
    this.wiring = wiring;
    KeyHasher hasher = wiring.protectionKey() == null ? KeyHasher.ephemeral()
        : KeyHasher.of(wiring.protectionKey());
    this.backups = wiring.backups() == null ? null : backups(wiring);
    this.erasure = new ErasureRun(wiring.bucket(), hasher, wiring.auditLogs(), wiring.clock(),
        wiring.guard(), backups == null ? null : new ManifestScrub(backups.layout(),
            backups.manifests()), this::erasedKeys);
  }

  private static BackupWiring backups(Wiring wiring) {
    BackupLayout layout = new BackupLayout(wiring.backups(), wiring.s3(), wiring.kmsKeyId());
    Map<String, BucketLifecycle> lifecycles = new LinkedHashMap<>();
    for (TierPlace place : layout.places()) {
      lifecycles.computeIfAbsent(place.bucket(), bucket -> new DefaultBucketLifecycle(bucket,
          BackupRules.ruleSet(layout, bucket), BucketClient.of(place.s3()), wiring.guard(), Meters.NONE));
    }
    return new BackupWiring(wiring.bucket(), wiring.s3(), wiring.policies(), layout,
        new ManifestStore(layout, wiring.bucket(), wiring.policies(),
            ManifestFile.signingKey(wiring.protectionKey())),
        new BackupCopier(wiring.bucket(), wiring.s3(), layout, wiring.checksums(),
            PartCopy.COPY_LIMIT),
        wiring.jobs(), lifecycles::get, wiring.clock(), wiring.guard());
  }

  @Override
  public ErasurePlan planErasure(ErasureRequest request) {
    Require.nonNull(request, "request");
    wiring.guard().check();
    Instant planned = wiring.clock().instant();
    List<SearchTarget> targets = targets(request);
    List<ObjectVersion> versions = new ArrayList<>();
    List<LockConflict> conflicts = new ArrayList<>();
    LockReader locks = new LockReader(wiring.clock());
    for (SearchTarget target : targets) {
      List<ObjectVersion> found = VersionSearch.find(target);
      versions.addAll(found);
      conflicts.addAll(locks.conflicts(target.s3(), found));
    }
    return new DefaultErasurePlan(request, planned, targets, versions, conflicts,
        erasure::apply, wiring.executor());
  }

  @Override
  public CompletableFuture<ErasurePlan> planErasureAsync(ErasureRequest request) {
    return Futures.supplyAsync(() -> planErasure(request), wiring.executor());
  }

  /**
   * Returns where the subject's objects are: in the bucket, its prefix of each erasable kind and
   * the keys; in each backup bucket, the copies of those of a transactional kind (one target per
   * bucket, whichever tiers it holds).
   */
  private List<SearchTarget> targets(ErasureRequest request) {
    List<SearchTarget> targets = new ArrayList<>();
    targets.add(new SearchTarget(wiring.s3(), wiring.bucket(),
        subjectPrefixes(request.subject(), false), request.keys()));
    if (backups == null || !request.includeBackups()) {
      return targets;
    }
    List<String> prefixes = subjectPrefixes(request.subject(), true);
    List<String> keys = request.keys().stream().filter(this::transactional).toList();
    Map<String, SearchTarget> byBucket = new LinkedHashMap<>();
    BackupLayout layout = backups.layout();
    for (TierPlace place : layout.places()) {
      List<String> copyPrefixes = prefixes.stream()
          .map(prefix -> layout.copyKey(place.tier(), prefix)).toList();
      List<String> copyKeys = keys.stream().map(key -> layout.copyKey(place.tier(), key))
          .toList();
      byBucket.merge(place.bucket(), new SearchTarget(place.s3(), place.bucket(), copyPrefixes,
          copyKeys), (a, b) -> new SearchTarget(a.s3(), a.bucket(), concat(a.prefixes(),
          b.prefixes()), concat(a.keys(), b.keys())));
    }
    targets.addAll(byBucket.values());
    return targets;
  }

  /** Returns whether a source key is one the request erases from the backups. */
  private Predicate<String> erasedKeys(ErasureRequest request) {
    List<String> prefixes = subjectPrefixes(request.subject(), true);
    Set<String> keys = Set.copyOf(request.keys());
    return key -> keys.contains(key) || prefixes.stream().anyMatch(key::startsWith);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private boolean transactional(String key) {
    return wiring.policies().find(key).filter(p -> p.dataClass() == DataClass.TRANSACTIONAL)
        .isPresent();
  }

  private List<String> subjectPrefixes(String subject, boolean backedUp) {
    return wiring.policies().policies().stream().filter(StoragePolicy::erasable)
        .filter(policy -> !backedUp || policy.dataClass() == DataClass.TRANSACTIONAL)
        .map(policy -> policy.prefix() + subject + "/").toList();
  }

  @Override
  public BackupResult backup(BackupTier tier, BackupMode mode) {
    Require.nonNull(tier, "tier");
    Require.nonNull(mode, "mode");
    return new BackupRun(configured()).run(tier, mode);
  }

  @Override
  public CompletableFuture<BackupResult> backupAsync(BackupTier tier, BackupMode mode) {
    return Futures.supplyAsync(() -> backup(tier, mode), wiring.executor());
  }

  @Override
  public BackupResult awaitBackup(BackupResult submitted, Duration timeout) {
    Require.nonNull(submitted, "submitted");
    Require.nonNull(timeout, "timeout");
    Require.argument(!timeout.isNegative() && timeout.compareTo(MAX_WAIT) <= 0, "timeout must be "
        + "between 0 and %s, but was %s", MAX_WAIT, timeout);
    BackupWiring configured = configured();
    Require.state(configured.jobs() != null, "Batch Operations are not configured for bucket "
        + "'%s'", wiring.bucket());
    wiring.guard().check();
    return new BackupJob(configured).await(submitted, timeout);
  }

  @Override
  public List<Backup> backups(BackupTier tier) {
    Require.nonNull(tier, "tier");
    BackupWiring configured = configured();
    wiring.guard().check();
    return configured.manifests().list(configured.layout().place(tier));
  }

  @Override
  public RestoreReport restore(Backup backup, RestoreTarget target) {
    Require.nonNull(backup, "backup");
    Require.nonNull(target, "target");
    return new RestoreRun(configured(), wiring.kmsKeyId()).run(backup, target);
  }

  @Override
  public CompletableFuture<RestoreReport> restoreAsync(Backup backup, RestoreTarget target) {
    return Futures.supplyAsync(() -> restore(backup, target), wiring.executor());
  }

  @Override
  public RestoreReport drill(BackupTier tier, RestoreTarget target) {
    Require.nonNull(target, "target");
    Backup latest = backups(tier).stream().findFirst().orElseThrow(() -> new BackupException(
        "the " + tier + " tier has no backup to drill: run protection().backup(" + tier
            + ") first", configured().layout().place(tier).bucket(), null, null));
    return restore(latest, target);
  }

  @Override
  public List<BucketLifecycle> backupLifecycles() {
    BackupWiring configured = configured();
    return configured.layout().places().stream().map(TierPlace::bucket).distinct()
        .map(configured.lifecycles()).toList();
  }

  private BackupWiring configured() {
    Require.state(backups != null, "backups are not configured for bucket '%s': set "
        + "backups(...) on the Stockroom builder", wiring.bucket());
    return backups;
  }

  @Override
  public String toString() {
    return "DataProtection{bucket='" + wiring.bucket() + "'" + (wiring.backups() == null ? ""
        : ", " + wiring.backups()) + "}";
  }
}
