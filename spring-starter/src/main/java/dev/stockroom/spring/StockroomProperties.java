package dev.stockroom.spring;

import dev.stockroom.links.HashAlgorithm;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Stockroom's settings under {@code stockroom.*}. JavaBean getters and setters (unlike the core
 * API) because Spring binds them. A property left unset is null here and is not passed to the
 * Stockroom builder, so it keeps core's default; the javadoc of each says what that default is.
 */
@ConfigurationProperties(StockroomProperties.PREFIX)
public class StockroomProperties {

  /** The prefix of every Stockroom property. */
  public static final String PREFIX = "stockroom";

  /** Whether to auto-configure a Stockroom bean. */
  private boolean enabled = true;

  /** The S3 bucket Stockroom stores into (required). */
  private String bucket;

  /**
   * The AWS region of the clients Stockroom creates. Unset: the application's AwsRegionProvider
   * bean if there is one, else AWS_REGION, aws.region or the profile. Refused when Stockroom
   * creates no client (the application's own S3AsyncClient, and its KmsClient or no KMS key).
   */
  private String region;

  /**
   * An S3-compatible endpoint (S3Mock, MinIO, LocalStack) to use instead of AWS. Unset: AWS.
   * Refused next to the application's own S3AsyncClient.
   */
  private URI endpoint;

  /**
   * Whether to address the bucket in the path (most S3-compatible endpoints need it). Unset: off,
   * as in core. Refused when true next to the application's own S3AsyncClient.
   */
  private Boolean pathStyle;

  /**
   * Whether uploads use S3 Transfer Acceleration (turned off, with a warning, under an endpoint).
   * Unset: off, as in core.
   */
  private Boolean accelerate;

  /**
   * How long closing Stockroom (with the application context) lets uploads in flight finish
   * before it stops them, 0 to 1h. Unset: core's default, 30 seconds.
   */
  private Duration shutdownGracePeriod;

  /**
   * The key resume tokens are signed with, as base64 of at least 32 random bytes (e.g. the output
   * of "openssl rand -base64 32"); keep it in a secret store. Every instance that resumes another
   * one's uploads needs the same key. Unset: core's default, a random key per instance, so tokens
   * resume only in the instance that paused them. Never shown in reports or logs.
   */
  private String resumeTokenKey;

  /**
   * The key (base64 of at least 32 secret bytes) that signs backup manifests and keys the hashes
   * of erasure receipts; needed for backups and erasure. Never shown in reports or logs.
   */
  private String protectionKey;

  /** Backups of the transactional data (see docs/protection.md). */
  private final Backups backups = new Backups();

  /** SSE-KMS settings. */
  private final Kms kms = new Kms();

  /** CloudFront signed links and cookies. */
  private final CloudFront cloudFront = new CloudFront();

  /** Bucket lifecycle settings. */
  private final Lifecycle lifecycle = new Lifecycle();

  /** Upload part size, threshold and parallelism. */
  private final Transfer transfer = new Transfer();

  /** Which optional headers uploads carry: one off for an S3-compatible store that refuses it. */
  private final UploadHeaders uploadHeaders = new UploadHeaders();

  /** The health indicator. */
  private final Health health = new Health();

  /** S3 Batch Operations, for repairs too large for one process. */
  private final BatchOperations batchOperations = new BatchOperations();

  /** Per-kind policy overrides, keyed by kind id (product-image, user-upload, error-log, ...). */
  private final Map<String, Policy> policies = new LinkedHashMap<>();

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public String getBucket() {
    return bucket;
  }

  public void setBucket(String bucket) {
    this.bucket = bucket;
  }

  public String getRegion() {
    return region;
  }

  public void setRegion(String region) {
    this.region = region;
  }

  public URI getEndpoint() {
    return endpoint;
  }

  public void setEndpoint(URI endpoint) {
    this.endpoint = endpoint;
  }

  public Boolean getPathStyle() {
    return pathStyle;
  }

  public void setPathStyle(Boolean pathStyle) {
    this.pathStyle = pathStyle;
  }

  public Boolean getAccelerate() {
    return accelerate;
  }

  public void setAccelerate(Boolean accelerate) {
    this.accelerate = accelerate;
  }

  public Duration getShutdownGracePeriod() {
    return shutdownGracePeriod;
  }

  public void setShutdownGracePeriod(Duration shutdownGracePeriod) {
    this.shutdownGracePeriod = shutdownGracePeriod;
  }

  public String getResumeTokenKey() {
    return resumeTokenKey;
  }

  public String getProtectionKey() {
    return protectionKey;
  }

  public void setProtectionKey(String protectionKey) {
    this.protectionKey = protectionKey;
  }

  public Backups getBackups() {
    return backups;
  }

  /** Where the transactional data is backed up: set bucket to enable backups. */
  public static class Backups {

    /** The backup bucket (versioned; Stockroom keeps its stockroom.backup.* lifecycle rules). */
    private String bucket;

    /** Where backups go in the bucket (default stockroom-backups/). */
    private String prefix;

    /** The backup bucket's KMS key (default: the one of stockroom.kms.key-id). */
    private String kmsKeyId;

    public String getBucket() {
      return bucket;
    }

    public void setBucket(String bucket) {
      this.bucket = bucket;
    }

    public String getPrefix() {
      return prefix;
    }

    public void setPrefix(String prefix) {
      this.prefix = prefix;
    }

    public String getKmsKeyId() {
      return kmsKeyId;
    }

    public void setKmsKeyId(String kmsKeyId) {
      this.kmsKeyId = kmsKeyId;
    }
  }

  public void setResumeTokenKey(String resumeTokenKey) {
    this.resumeTokenKey = resumeTokenKey;
  }

  public Kms getKms() {
    return kms;
  }

  public CloudFront getCloudFront() {
    return cloudFront;
  }

  public Lifecycle getLifecycle() {
    return lifecycle;
  }

  public Transfer getTransfer() {
    return transfer;
  }

  public UploadHeaders getUploadHeaders() {
    return uploadHeaders;
  }

  public Health getHealth() {
    return health;
  }

  public BatchOperations getBatchOperations() {
    return batchOperations;
  }

  /**
   * S3 Batch Operations: set account-id and role-arn to let repairs above in-process-limit
   * objects run as jobs.
   */
  public static class BatchOperations {

    /** The AWS account that owns the jobs (12 digits). */
    private String accountId;

    /** The IAM role S3 Batch Operations assume (arn:aws:iam::<account>:role/<name>). */
    private String roleArn;

    /** Where job manifests and completion reports go in the bucket (default stockroom-batch/). */
    private String workPrefix;

    /** The most objects a repair changes in-process; above it, it runs as jobs (default 100000). */
    private Long inProcessLimit;

    /** How often a job's status is asked while waiting for it (default 30s). */
    private Duration pollInterval;

    public String getAccountId() {
      return accountId;
    }

    public void setAccountId(String accountId) {
      this.accountId = accountId;
    }

    public String getRoleArn() {
      return roleArn;
    }

    public void setRoleArn(String roleArn) {
      this.roleArn = roleArn;
    }

    public String getWorkPrefix() {
      return workPrefix;
    }

    public void setWorkPrefix(String workPrefix) {
      this.workPrefix = workPrefix;
    }

    public Long getInProcessLimit() {
      return inProcessLimit;
    }

    public void setInProcessLimit(Long inProcessLimit) {
      this.inProcessLimit = inProcessLimit;
    }

    public Duration getPollInterval() {
      return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
      this.pollInterval = pollInterval;
    }
  }

  public Map<String, Policy> getPolicies() {
    return policies;
  }

  /** SSE-KMS settings. */
  public static class Kms {

    /**
     * The KMS key id, alias or ARN for SSE-KMS; transactional uploads are refused without it.
     * Unset: no KMS key (media and logs get SSE-S3).
     */
    private String keyId;

    /**
     * Whether to check the key through KMS DescribeKey before the first SSE-KMS upload. Unset:
     * on, as in core.
     */
    private Boolean keyCheck;

    /**
     * How long the answers of the KMS key and Object Lock checks are kept. Unset: core's
     * default, 15 minutes.
     */
    private Duration checkInterval;

    public String getKeyId() {
      return keyId;
    }

    public void setKeyId(String keyId) {
      this.keyId = keyId;
    }

    public Boolean getKeyCheck() {
      return keyCheck;
    }

    public void setKeyCheck(Boolean keyCheck) {
      this.keyCheck = keyCheck;
    }

    public Duration getCheckInterval() {
      return checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
      this.checkInterval = checkInterval;
    }
  }

  /**
   * CloudFront signed links and cookies; configured when a domain is set. Give one key pair with
   * key-pair-id and private-key, or several (for rotation) with key-pairs, never both.
   */
  public static class CloudFront {

    /** The distribution's domain, e.g. d111111abcdef8.cloudfront.net. */
    private String domain;

    /** The id of the CloudFront public key that verifies private-key (the one-key-pair form). */
    private String keyPairId;

    /**
     * The PEM private key (PKCS#8, PKCS#1 or SEC 1) of key-pair-id, e.g.
     * file:/run/secrets/cloudfront.pem (the one-key-pair form).
     */
    private Resource privateKey;

    /**
     * Several key pairs, for key rotation: each with an id and a private-key. The one named by
     * active-key-pair-id signs; the others stay configured so that rotateTo can switch to them.
     */
    private final List<KeyPair> keyPairs = new ArrayList<>();

    /** The id of the key pair that signs. Unset: the first key pair given. */
    private String activeKeyPairId;

    /**
     * The window link expiries are rounded up to: one signature per object per window. Unset:
     * core's default, 10 minutes.
     */
    private Duration linkWindow;

    /** The longest lifetime of links to user uploads. Unset: core's default, 15 minutes. */
    private Duration maximumLifetime;

    /** The least lifetime a link is handed out with. Unset: core's default, 1 minute. */
    private Duration minimumRemainingLifetime;

    /** The most signed links kept in memory. Unset: core's default, 100,000. */
    private Long cacheSize;

    /** The Domain attribute of signed cookies. Unset: the distribution's domain. */
    private String cookieDomain;

    /** The Path attribute of signed cookies. Unset: core's default, "/". */
    private String cookiePath;

    /** The distribution id, needed for invalidations. Unset: invalidations are refused. */
    private String distributionId;

    /**
     * How long invalidations are gathered into one CloudFront request. Unset: core's default,
     * 1 second.
     */
    private Duration invalidationDelay;

    /** The hash links and cookies are signed with: SHA1 (CloudFront's default) or SHA256. */
    private HashAlgorithm hashAlgorithm;

    public HashAlgorithm getHashAlgorithm() {
      return hashAlgorithm;
    }

    public void setHashAlgorithm(HashAlgorithm hashAlgorithm) {
      this.hashAlgorithm = hashAlgorithm;
    }

    public String getDomain() {
      return domain;
    }

    public void setDomain(String domain) {
      this.domain = domain;
    }

    public String getKeyPairId() {
      return keyPairId;
    }

    public void setKeyPairId(String keyPairId) {
      this.keyPairId = keyPairId;
    }

    public Resource getPrivateKey() {
      return privateKey;
    }

    public void setPrivateKey(Resource privateKey) {
      this.privateKey = privateKey;
    }

    public List<KeyPair> getKeyPairs() {
      return keyPairs;
    }

    public String getActiveKeyPairId() {
      return activeKeyPairId;
    }

    public void setActiveKeyPairId(String activeKeyPairId) {
      this.activeKeyPairId = activeKeyPairId;
    }

    public Duration getLinkWindow() {
      return linkWindow;
    }

    public void setLinkWindow(Duration linkWindow) {
      this.linkWindow = linkWindow;
    }

    public Duration getMaximumLifetime() {
      return maximumLifetime;
    }

    public void setMaximumLifetime(Duration maximumLifetime) {
      this.maximumLifetime = maximumLifetime;
    }

    public Duration getMinimumRemainingLifetime() {
      return minimumRemainingLifetime;
    }

    public void setMinimumRemainingLifetime(Duration minimumRemainingLifetime) {
      this.minimumRemainingLifetime = minimumRemainingLifetime;
    }

    public Long getCacheSize() {
      return cacheSize;
    }

    public void setCacheSize(Long cacheSize) {
      this.cacheSize = cacheSize;
    }

    public String getCookieDomain() {
      return cookieDomain;
    }

    public void setCookieDomain(String cookieDomain) {
      this.cookieDomain = cookieDomain;
    }

    public String getCookiePath() {
      return cookiePath;
    }

    public void setCookiePath(String cookiePath) {
      this.cookiePath = cookiePath;
    }

    public String getDistributionId() {
      return distributionId;
    }

    public void setDistributionId(String distributionId) {
      this.distributionId = distributionId;
    }

    public Duration getInvalidationDelay() {
      return invalidationDelay;
    }

    public void setInvalidationDelay(Duration invalidationDelay) {
      this.invalidationDelay = invalidationDelay;
    }
  }

  /** One CloudFront key pair of {@code stockroom.cloud-front.key-pairs}. */
  public static class KeyPair {

    /** The id of the CloudFront public key that verifies private-key. */
    private String id;

    /** The PEM private key (PKCS#8, PKCS#1 or SEC 1), e.g. file:/run/secrets/cloudfront-2.pem. */
    private Resource privateKey;

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id;
    }

    public Resource getPrivateKey() {
      return privateKey;
    }

    public void setPrivateKey(Resource privateKey) {
      this.privateKey = privateKey;
    }
  }

  /** Bucket lifecycle settings. */
  public static class Lifecycle {

    /** Whether to apply the lifecycle plan when the application starts (one writer at a time). */
    private boolean applyOnStartup;

    public boolean isApplyOnStartup() {
      return applyOnStartup;
    }

    public void setApplyOnStartup(boolean applyOnStartup) {
      this.applyOnStartup = applyOnStartup;
    }
  }

  /**
   * Upload settings. Part size, threshold and connections configure the S3 client Stockroom
   * creates, and are refused next to the application's own S3AsyncClient.
   */
  public static class Transfer {

    /** The size of each part of a multipart upload, 5MB to 5GB. Unset: core's default, 8 MiB. */
    private DataSize partSize;

    /** Objects from this size are uploaded in parts. Unset: core's default, 16 MiB. */
    private DataSize multipartThreshold;

    /** The most HTTP connections to S3. Unset: core's default, 64. */
    private Integer maxConnections;

    /** The most files of a directory upload in flight. Unset: core's default, 64. */
    private Integer maxConcurrentFiles;

    public DataSize getPartSize() {
      return partSize;
    }

    public void setPartSize(DataSize partSize) {
      this.partSize = partSize;
    }

    public DataSize getMultipartThreshold() {
      return multipartThreshold;
    }

    public void setMultipartThreshold(DataSize multipartThreshold) {
      this.multipartThreshold = multipartThreshold;
    }

    public Integer getMaxConnections() {
      return maxConnections;
    }

    public void setMaxConnections(Integer maxConnections) {
      this.maxConnections = maxConnections;
    }

    public Integer getMaxConcurrentFiles() {
      return maxConcurrentFiles;
    }

    public void setMaxConcurrentFiles(Integer maxConcurrentFiles) {
      this.maxConcurrentFiles = maxConcurrentFiles;
    }
  }

  /**
   * Which optional headers uploads carry. The defaults suit S3; a store that refuses a header
   * (MinIO without KMS, a store without tagging, checksums or Object Lock) is served by turning
   * that header off. Transactional data is SSE-KMS or refused whatever these say.
   */
  public static class UploadHeaders {

    /**
     * Whether kinds that do not require KMS carry an SSE header. Unset: core's default, true; off,
     * the store's default encryption applies.
     */
    private Boolean serverSideEncryption;

    /**
     * Whether audit logs check the bucket's Object Lock and carry a COMPLIANCE retention. Unset:
     * core's default, true.
     */
    private Boolean objectLockRetention;

    /** Whether uploads carry a CRC32C checksum for the store to verify. Unset: core's default. */
    private Boolean checksums;

    /** Whether each object is tagged stockroom-kind=&lt;kind&gt;. Unset: core's default, false. */
    private Boolean kindTag;

    public Boolean getServerSideEncryption() {
      return serverSideEncryption;
    }

    public void setServerSideEncryption(Boolean serverSideEncryption) {
      this.serverSideEncryption = serverSideEncryption;
    }

    public Boolean getObjectLockRetention() {
      return objectLockRetention;
    }

    public void setObjectLockRetention(Boolean objectLockRetention) {
      this.objectLockRetention = objectLockRetention;
    }

    public Boolean getChecksums() {
      return checksums;
    }

    public void setChecksums(Boolean checksums) {
      this.checksums = checksums;
    }

    public Boolean getKindTag() {
      return kindTag;
    }

    public void setKindTag(Boolean kindTag) {
      this.kindTag = kindTag;
    }
  }

  /** The {@code stockroom} health indicator (off with management.health.stockroom.enabled). */
  public static class Health {

    /**
     * How long a health result is reused before S3 (and KMS) are asked again; 0 asks on every
     * probe. A minute keeps frequent probes (load balancers, Kubernetes, several replicas) from
     * turning into S3 requests while an outage still shows within a minute.
     */
    private Duration cacheInterval = Duration.ofMinutes(1);

    public Duration getCacheInterval() {
      return cacheInterval;
    }

    public void setCacheInterval(Duration cacheInterval) {
      this.cacheInterval = cacheInterval;
    }
  }

  /**
   * Overrides of one kind's policy; unset fields keep the default. Applied one at a time in the
   * order of the fields below, each checked against the policy's invariants.
   */
  public static class Policy {

    /** The key prefix of the kind's objects (ending with '/'). */
    private String prefix;

    /** The Cache-Control header of the kind's objects. */
    private String cacheControl;

    /** When objects move to STANDARD_IA (whole days, at least 30d; a bare number is days). */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration transitionToIa;

    /**
     * When objects move to the archive class (whole days; a bare number is days). Kinds without
     * an archive step get one, to GLACIER unless archive-class says otherwise.
     */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration transitionToArchive;

    /** The archive class: GLACIER, GLACIER_IR or DEEP_ARCHIVE. */
    private String archiveClass;

    /** When objects are deleted (whole days; a bare number is days). */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration expiration;

    /** When noncurrent versions are deleted (whole days; a bare number is days). */
    @DurationUnit(ChronoUnit.DAYS)
    private Duration noncurrentExpiration;

    public String getPrefix() {
      return prefix;
    }

    public void setPrefix(String prefix) {
      this.prefix = prefix;
    }

    public String getCacheControl() {
      return cacheControl;
    }

    public void setCacheControl(String cacheControl) {
      this.cacheControl = cacheControl;
    }

    public Duration getTransitionToIa() {
      return transitionToIa;
    }

    public void setTransitionToIa(Duration transitionToIa) {
      this.transitionToIa = transitionToIa;
    }

    public Duration getTransitionToArchive() {
      return transitionToArchive;
    }

    public void setTransitionToArchive(Duration transitionToArchive) {
      this.transitionToArchive = transitionToArchive;
    }

    public String getArchiveClass() {
      return archiveClass;
    }

    public void setArchiveClass(String archiveClass) {
      this.archiveClass = archiveClass;
    }

    public Duration getExpiration() {
      return expiration;
    }

    public void setExpiration(Duration expiration) {
      this.expiration = expiration;
    }

    public Duration getNoncurrentExpiration() {
      return noncurrentExpiration;
    }

    public void setNoncurrentExpiration(Duration noncurrentExpiration) {
      this.noncurrentExpiration = noncurrentExpiration;
    }
  }
}
