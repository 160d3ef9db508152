package dev.stockroom.spring;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Stockroom's settings under {@code stockroom.*}. JavaBean getters and setters (unlike the core
 * API) because Spring binds them.
 */
@ConfigurationProperties(StockroomProperties.PREFIX)
public class StockroomProperties {

  /** The prefix of every Stockroom property. */
  public static final String PREFIX = "stockroom";

  /** Whether to auto-configure a Stockroom bean. */
  private boolean enabled = true;

  /** The S3 bucket Stockroom stores into (required). */
  private String bucket;

  /** The AWS region; defaults to the region of the application's AWS setup or environment. */
  private String region;

  /** An S3-compatible endpoint (S3Mock, MinIO, LocalStack) to use instead of AWS. */
  private URI endpoint;

  /** Whether to address the bucket in the path (most S3-compatible endpoints need it). */
  private boolean pathStyle;

  /** Whether uploads use S3 Transfer Acceleration (off under an endpoint override). */
  private boolean accelerate;

  /** SSE-KMS settings. */
  private final Kms kms = new Kms();

  /** CloudFront signed links and cookies. */
  private final CloudFront cloudFront = new CloudFront();

  /** Bucket lifecycle settings. */
  private final Lifecycle lifecycle = new Lifecycle();

  /** Upload part size, threshold and parallelism. */
  private final Transfer transfer = new Transfer();

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

  public boolean isPathStyle() {
    return pathStyle;
  }

  public void setPathStyle(boolean pathStyle) {
    this.pathStyle = pathStyle;
  }

  public boolean isAccelerate() {
    return accelerate;
  }

  public void setAccelerate(boolean accelerate) {
    this.accelerate = accelerate;
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

  public Map<String, Policy> getPolicies() {
    return policies;
  }

  /** SSE-KMS settings. */
  public static class Kms {

    /** The KMS key id, alias or ARN for SSE-KMS; transactional uploads are refused without it. */
    private String keyId;

    /** Whether to check the key through KMS DescribeKey before the first SSE-KMS upload. */
    private boolean keyCheck = true;

    /** How long the answers of the KMS key and Object Lock checks are kept. */
    private Duration checkInterval = Duration.ofMinutes(15);

    public String getKeyId() {
      return keyId;
    }

    public void setKeyId(String keyId) {
      this.keyId = keyId;
    }

    public boolean isKeyCheck() {
      return keyCheck;
    }

    public void setKeyCheck(boolean keyCheck) {
      this.keyCheck = keyCheck;
    }

    public Duration getCheckInterval() {
      return checkInterval;
    }

    public void setCheckInterval(Duration checkInterval) {
      this.checkInterval = checkInterval;
    }
  }

  /** CloudFront signed links and cookies; configured when a domain is set. */
  public static class CloudFront {

    /** The distribution's domain, e.g. d111111abcdef8.cloudfront.net. */
    private String domain;

    /** The id of the CloudFront public key that verifies the private key below. */
    private String keyPairId;

    /** The PEM private key (PKCS#8, PKCS#1 or SEC 1), e.g. file:/run/secrets/cloudfront.pem. */
    private Resource privateKey;

    /** The window link expiries are rounded up to: one signature per object per window. */
    private Duration linkWindow = Duration.ofMinutes(10);

    /** The longest lifetime of links to user uploads. */
    private Duration maximumLifetime = Duration.ofMinutes(15);

    /** The least lifetime a link is handed out with. */
    private Duration minimumRemainingLifetime = Duration.ofMinutes(1);

    /** The most signed links kept in memory. */
    private long cacheSize = 100_000;

    /** The Domain attribute of signed cookies; defaults to the distribution's domain. */
    private String cookieDomain;

    /** The distribution id, needed for invalidations. */
    private String distributionId;

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

    public long getCacheSize() {
      return cacheSize;
    }

    public void setCacheSize(long cacheSize) {
      this.cacheSize = cacheSize;
    }

    public String getCookieDomain() {
      return cookieDomain;
    }

    public void setCookieDomain(String cookieDomain) {
      this.cookieDomain = cookieDomain;
    }

    public String getDistributionId() {
      return distributionId;
    }

    public void setDistributionId(String distributionId) {
      this.distributionId = distributionId;
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

  /** Upload settings. */
  public static class Transfer {

    /** The size of each part of a multipart upload (5MB to 5GB). */
    private DataSize partSize = DataSize.ofMegabytes(8);

    /** Objects from this size are uploaded in parts. */
    private DataSize multipartThreshold = DataSize.ofMegabytes(16);

    /** The most HTTP connections to S3. */
    private int maxConnections = 64;

    /** The most files of a directory upload in flight. */
    private int maxConcurrentFiles = 64;

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

    public int getMaxConnections() {
      return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
      this.maxConnections = maxConnections;
    }

    public int getMaxConcurrentFiles() {
      return maxConcurrentFiles;
    }

    public void setMaxConcurrentFiles(int maxConcurrentFiles) {
      this.maxConcurrentFiles = maxConcurrentFiles;
    }
  }

  /** Overrides of one kind's policy; unset fields keep the default. */
  public static class Policy {

    /** The key prefix of the kind's objects (ending with '/'). */
    private String prefix;

    /** The Cache-Control header of the kind's objects. */
    private String cacheControl;

    /** When objects move to STANDARD_IA (whole days, at least 30d). */
    private Duration transitionToIa;

    /** When objects move to the archive class (whole days). */
    private Duration transitionToArchive;

    /** The archive class: GLACIER, GLACIER_IR or DEEP_ARCHIVE. */
    private String archiveClass;

    /** When objects are deleted (whole days). */
    private Duration expiration;

    /** When noncurrent versions are deleted (whole days). */
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
