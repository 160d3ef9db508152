package dev.stockroom.internal.protection;

import dev.stockroom.internal.OpenGuard;
import dev.stockroom.policy.PolicyCatalog;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.protection.DataProtection;
import dev.stockroom.protection.ErasurePlan;
import dev.stockroom.protection.ErasureRequest;
import dev.stockroom.protection.LockConflict;
import dev.stockroom.protection.ObjectVersion;
import dev.stockroom.transfer.KindObjects;
import dev.stockroom.validation.Require;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/** Erasure of data subjects in one bucket and its backups. */
public final class DefaultDataProtection implements DataProtection {

  /**
   * What data protection is wired with.
   *
   * @param bucket the bucket
   * @param policies the policy in force (its erasable kinds give the subject's prefixes)
   * @param s3 the bucket's client
   * @param auditLogs where erasure receipts are stored
   * @param protectionKey the secret receipts' hashes are keyed with, or null for a random one
   * @param clock the clock
   * @param executor where async calls run
   * @param guard whether Stockroom is open
   */
  public record Wiring(String bucket, PolicyCatalog policies, S3AsyncClient s3,
      KindObjects auditLogs, byte[] protectionKey, Clock clock, Executor executor,
      OpenGuard guard) {}

  private final Wiring wiring;
  private final KeyHasher hasher;
  private final ErasureRun erasure;

  public DefaultDataProtection(Wiring wiring) {
    this.wiring = wiring;
    this.hasher = wiring.protectionKey() == null ? KeyHasher.ephemeral()
        : KeyHasher.of(wiring.protectionKey());
    this.erasure = new ErasureRun(wiring.bucket(), hasher, wiring.auditLogs(), wiring.clock(),
        wiring.guard());
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
    return CompletableFuture.supplyAsync(() -> planErasure(request), wiring.executor());
  }

  /** Returns where the subject's objects are: its prefix of each erasable kind, and the keys. */
  private List<SearchTarget> targets(ErasureRequest request) {
    List<String> prefixes = subjectPrefixes(request.subject());
    List<SearchTarget> targets = new ArrayList<>();
    targets.add(new SearchTarget(wiring.s3(), wiring.bucket(), prefixes, request.keys()));
    return targets;
  }

  private List<String> subjectPrefixes(String subject) {
    return wiring.policies().policies().stream().filter(StoragePolicy::erasable)
        .map(policy -> policy.prefix() + subject + "/").toList();
  }

  @Override
  public String toString() {
    return "DataProtection{bucket='" + wiring.bucket() + "'}";
  }
}
