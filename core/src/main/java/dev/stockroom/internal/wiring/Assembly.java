package dev.stockroom.internal.wiring;

import dev.stockroom.audit.Audit;
import dev.stockroom.batch.BatchJobs;
import dev.stockroom.crypto.KmsKey;
import dev.stockroom.internal.IoThreads;
import dev.stockroom.internal.LazyClient;
import dev.stockroom.internal.OpenGuard;
import dev.stockroom.internal.audit.DefaultAudit;
import dev.stockroom.internal.batch.JobDriver;
import dev.stockroom.internal.crypto.DefaultKmsKey;
import dev.stockroom.internal.lifecycle.DefaultBucketLifecycle;
import dev.stockroom.internal.links.DefaultInvalidations;
import dev.stockroom.internal.links.DefaultLinks;
import dev.stockroom.internal.metrics.RetryWatch;
import dev.stockroom.internal.protection.DefaultDataProtection;
import dev.stockroom.internal.s3.S3Clients;
import dev.stockroom.internal.transfer.ClassObjects;
import dev.stockroom.internal.transfer.DefaultKindObjects;
import dev.stockroom.internal.transfer.InFlight;
import dev.stockroom.internal.transfer.ResumeTokens;
import dev.stockroom.internal.transfer.Resumption;
import dev.stockroom.internal.transfer.Sender;
import dev.stockroom.internal.transfer.UploadPipeline;
import dev.stockroom.lifecycle.BucketLifecycle;
import dev.stockroom.links.Invalidations;
import dev.stockroom.links.Links;
import dev.stockroom.policy.DataClass;
import dev.stockroom.policy.DataKind;
import dev.stockroom.protection.DataProtection;
import dev.stockroom.transfer.KindObjects;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.transfer.s3.S3TransferManager;

/**
 * The pieces of one Stockroom instance, wired from its {@link Setup}, and their shutdown in
 * order: stop admitting work, let uploads in flight finish within the grace period (then stop
 * them and abort their parts), send pending invalidations, then close what Stockroom created.
 */
public final class Assembly {

  private final Setup setup;
  private final OpenGuard guard = new OpenGuard();
  private final S3Clients s3;
  private final LazyClient<KmsClient> kms;
  private final LazyClient<CloudFrontClient> cloudFront;
  private final LazyClient<S3ControlClient> s3Control;
  private final JobDriver jobs;
  private final ExecutorService ownedIo;
  private final S3TransferManager transferManager;
  private final InFlight inFlight;
  private final KmsKey kmsKey;
  private final BucketLifecycle lifecycle;
  private final DefaultLinks links;
  private final DefaultInvalidations invalidations;
  private final Map<DataKind, DefaultKindObjects> kinds = new EnumMap<>(DataKind.class);
  private final Resumption resumption;
  private final DefaultAudit audit;
  private final DefaultDataProtection protection;

  public Assembly(Setup setup) {
    this.setup = setup;
    String bucket = setup.bucket();
    this.s3 = S3Clients.create(setup.s3AsyncClient(), setup.s3Client(), new S3Clients.Settings(
        setup.region(), setup.endpointOverride(), setup.forcePathStyle(), setup.credentials(),
        setup.accelerate(), setup.transferSettings(), setup.s3ClientCustomizer(),
        setup.uploadHeaders().checksums(), new RetryWatch(setup.meters())));
    this.kms = new LazyClient<>(setup.kmsClient(),
        () -> AwsClients.kms(setup.region(), setup.credentials()));
    this.cloudFront = new LazyClient<>(setup.cloudFront() == null ? null
        : setup.cloudFront().cloudFrontClient().orElse(null),
        () -> AwsClients.cloudFront(setup.credentials()));
    this.s3Control = new LazyClient<>(setup.batchOperations() == null ? null
        : setup.batchOperations().s3ControlClient().orElse(null),
        () -> AwsClients.s3Control(setup.s3Region().orElseThrow(), setup.credentials()));
    this.jobs = setup.batchOperations() == null ? null : new JobDriver(bucket,
        partition(setup), setup.batchOperations(), s3Control, s3.async(), guard);
    this.ownedIo = setup.executor() == null ? IoThreads.create(IoThreads.defaultSize()) : null;
    Executor io = ownedIo != null ? ownedIo : setup.executor();
    this.transferManager = S3TransferManager.builder().s3Client(s3.async()).build();
    this.inFlight = new InFlight(bucket, guard);
    this.kmsKey = new DefaultKmsKey(bucket, setup.kmsKeyId(), setup.kmsKeyCheck(), kms,
        setup.awsCheckInterval(), io, guard, setup.clock(), setup.meters());
    this.lifecycle = new DefaultBucketLifecycle(bucket, setup.policies(), s3.bucketClient(), guard,
        setup.meters());
    this.links = setup.cloudFront() == null ? null
        : new DefaultLinks(bucket, setup.cloudFront(), setup.policies(), setup.clock(), guard,
            setup.meters(), cloudFront, setup.awsCheckInterval());
    this.invalidations = setup.cloudFront() == null ? null
        : setup.cloudFront().distributionId().map(id -> new DefaultInvalidations(bucket, id,
            cloudFront, setup.cloudFront().invalidationDelay(), guard, setup.clock()))
            .orElse(null);
    ResumeTokens tokens = new ResumeTokens(setup.resumeTokenKey() != null
        ? setup.resumeTokenKey() : randomKey());
    UploadPipeline pipeline = new UploadPipeline(bucket, new Sender(transferManager, io,
        setup.transferSettings().multipartThreshold()), kmsKey,
        s3.bucketClient(), setup.awsCheckInterval(), io, inFlight, setup.clock(), tokens,
        setup.uploadHeaders(), s3.throttles().map(watch -> (LongSupplier) watch::throttled)
            .orElse(() -> 0L), setup.meters());
    setup.policies().policies().forEach(policy -> kinds.put(policy.kind(), new DefaultKindObjects(
        pipeline, policy, setup.transferSettings().maxConcurrentFiles(), false)));
    this.resumption = new Resumption(bucket, tokens, kinds::get);
    this.audit = new DefaultAudit(new DefaultAudit.Wiring(bucket, setup.policies(), s3.async(),
        s3.bucketClient(), setup.kmsKeyId(), kmsKey, setup.uploadHeaders(), jobs,
        setup.clock(), io, guard));
    this.protection = new DefaultDataProtection(new DefaultDataProtection.Wiring(bucket,
        setup.policies(), s3.async(), kinds.get(DataKind.AUDIT_LOG), setup.protectionKey(),
        setup.backups(), setup.kmsKeyId(), setup.uploadHeaders().checksums(), jobs,
        setup.clock(), io, guard));
  }

  /** Returns the AWS partition of the bucket's region ({@code aws}, {@code aws-cn}, …) for ARNs. */
  private static String partition(Setup setup) {
    return setup.s3Region().map(region -> PartitionMetadata.of(region).id()).orElse("aws");
  }

  private static byte[] randomKey() {
    byte[] key = new byte[ResumeTokens.MIN_KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return key;
  }

  public OpenGuard guard() {
    return guard;
  }

  public boolean accelerated() {
    return s3.accelerated();
  }

  public KmsKey kmsKey() {
    return kmsKey;
  }

  public BucketLifecycle lifecycle() {
    return lifecycle;
  }

  public Optional<Links> links() {
    return Optional.ofNullable(links);
  }

  public Optional<Invalidations> invalidations() {
    return Optional.ofNullable(invalidations);
  }

  public KindObjects kind(DataKind kind) {
    return kinds.get(kind);
  }

  /** Returns the facade of one data class. */
  public ClassObjects dataClass(DataClass dataClass) {
    return new ClassObjects(dataClass, kinds::get);
  }

  public Audit audit() {
    return audit;
  }

  public DataProtection protection() {
    return protection;
  }

  public Optional<BatchJobs> batchJobs() {
    return Optional.ofNullable(jobs);
  }

  public Resumption resumption() {
    return resumption;
  }

  /** Returns how many uploads are in flight (for tests and metrics). */
  public int uploadsInFlight() {
    return inFlight.size();
  }

  /** Shuts down, in order; call once, after the guard is closed. */
  public void close() {
    inFlight.shutDown(setup.shutdownGracePeriod());
    if (invalidations != null) {
      invalidations.close();
    }
    transferManager.close();
    s3.close();
    kms.close();
    cloudFront.close();
    s3Control.close();
    if (ownedIo != null) {
      ownedIo.shutdown();
      awaitQuietly(ownedIo, Duration.ofSeconds(5));
    }
  }

  private static void awaitQuietly(ExecutorService pool, Duration limit) {
    try {
      if (!pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pool.shutdownNow();
    }
  }
}
