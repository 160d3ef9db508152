package dev.stockroom.batch;

import dev.stockroom.validation.ObjectKeys;
import dev.stockroom.validation.Require;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * How Stockroom runs S3 Batch Operations jobs: the AWS account that owns them, the IAM role S3
 * assumes to run them, the prefix in the bucket where Stockroom writes their manifests and S3
 * writes their completion reports, and above how many objects work leaves the process for a job.
 * Its {@code toString()} shows no secret (there is none here: the role is a name, not a key).
 */
public final class BatchOperations {

  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern ROLE = Pattern.compile(
      "arn:aws[a-z-]*:iam::(\\d{12}):role/[\\w+=,.@/-]{1,512}");
  /** The default working prefix: outside every kind's prefix, so no policy ever applies to it. */
  public static final String DEFAULT_WORK_PREFIX = "stockroom-batch/";
  /** The default threshold: repairs of more objects than this run as jobs. */
  public static final long DEFAULT_IN_PROCESS_LIMIT = 100_000;

  private final String accountId;
  private final String roleArn;
  private final String workPrefix;
  private final long inProcessLimit;
  private final int priority;
  private final Duration pollInterval;
  private final S3ControlClient s3ControlClient;

  private BatchOperations(Builder builder) {
    this.accountId = builder.accountId;
    this.roleArn = builder.roleArn;
    this.workPrefix = builder.workPrefix;
    this.inProcessLimit = builder.inProcessLimit;
    this.priority = builder.priority;
    this.pollInterval = builder.pollInterval;
    this.s3ControlClient = builder.s3ControlClient;
  }

  /** Returns a new builder; account id and role are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the AWS account that owns the jobs (12 digits). */
  public String accountId() {
    return accountId;
  }

  /** Returns the ARN of the IAM role S3 Batch Operations assumes to run the jobs. */
  public String roleArn() {
    return roleArn;
  }

  /** Returns the key prefix in the bucket for job manifests and completion reports. */
  public String workPrefix() {
    return workPrefix;
  }

  /** Returns the most objects a repair changes in-process; above it, {@code AUTO} uses jobs. */
  public long inProcessLimit() {
    return inProcessLimit;
  }

  /** Returns the priority the jobs are created with (higher runs first). */
  public int priority() {
    return priority;
  }

  /** Returns how often a job's status is asked while waiting for it. */
  public Duration pollInterval() {
    return pollInterval;
  }

  /** Returns the caller's S3 Control client, if one was given (used as is, never closed). */
  public Optional<S3ControlClient> s3ControlClient() {
    return Optional.ofNullable(s3ControlClient);
  }

  /** Returns a builder holding these settings. */
  public Builder toBuilder() {
    Builder builder = new Builder();
    builder.accountId = accountId;
    builder.roleArn = roleArn;
    builder.workPrefix = workPrefix;
    builder.inProcessLimit = inProcessLimit;
    builder.priority = priority;
    builder.pollInterval = pollInterval;
    builder.s3ControlClient = s3ControlClient;
    return builder;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof BatchOperations other && accountId.equals(other.accountId)
        && roleArn.equals(other.roleArn) && workPrefix.equals(other.workPrefix)
        && inProcessLimit == other.inProcessLimit && priority == other.priority
        && pollInterval.equals(other.pollInterval)
        && Objects.equals(s3ControlClient, other.s3ControlClient);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accountId, roleArn, workPrefix, inProcessLimit, priority, pollInterval,
        s3ControlClient);
  }

  @Override
  public String toString() {
    return "BatchOperations[account " + accountId + ", role " + roleArn + ", work prefix '"
        + workPrefix + "', in-process up to " + inProcessLimit + " objects, priority " + priority
        + (s3ControlClient != null ? ", the caller's S3 Control client" : "") + "]";
  }

  /** Builds {@link BatchOperations}; each setter checks its value. */
  public static final class Builder {

    private String accountId;
    private String roleArn;
    private String workPrefix = DEFAULT_WORK_PREFIX;
    private long inProcessLimit = DEFAULT_IN_PROCESS_LIMIT;
    private int priority = 10;
    private Duration pollInterval = Duration.ofSeconds(30);
    private S3ControlClient s3ControlClient;

    private Builder() {}

    /**
     * Sets the AWS account that owns the jobs.
     *
     * @throws IllegalArgumentException unless 12 digits
     */
    public Builder accountId(String accountId) {
      Require.nonNull(accountId, "accountId");
      Require.argument(ACCOUNT.matcher(accountId).matches(), "accountId must be 12 digits, but "
          + "was '%s'", accountId);
      this.accountId = accountId;
      return this;
    }

    /**
     * Sets the IAM role S3 assumes to run the jobs ({@code arn:aws:iam::<account>:role/<name>}):
     * it needs to read the manifest, read and write the objects (and use the KMS key), and write
     * the completion report; docs/audit.md lists the policy.
     *
     * @throws IllegalArgumentException if not an IAM role ARN
     */
    public Builder roleArn(String roleArn) {
      Require.nonNull(roleArn, "roleArn");
      Require.argument(ROLE.matcher(roleArn).matches(), "roleArn must be an IAM role ARN "
          + "(arn:aws:iam::<account>:role/<name>), but was '%s'", roleArn);
      this.roleArn = roleArn;
      return this;
    }

    /**
     * Sets the prefix in the bucket for manifests and completion reports (default {@value
     * BatchOperations#DEFAULT_WORK_PREFIX}). It must end with {@code /}; Stockroom's audits pass
     * over it, and {@code Stockroom.build()} refuses one under a kind's prefix.
     *
     * @throws IllegalArgumentException if not a key prefix ending with {@code /}
     */
    public Builder workPrefix(String prefix) {
      Require.nonNull(prefix, "workPrefix");
      Require.argument(prefix.endsWith("/") && prefix.length() > 1, "workPrefix must end with "
          + "'/', but was '%s'", prefix);
      ObjectKeys.prefixProblem(prefix).ifPresent(problem -> {
        throw new IllegalArgumentException("workPrefix " + problem);
      });
      this.workPrefix = prefix;
      return this;
    }

    /**
     * Sets the most objects a repair in {@code AUTO} mode changes in-process (default {@value
     * BatchOperations#DEFAULT_IN_PROCESS_LIMIT}); above it the repair runs as jobs.
     *
     * @throws IllegalArgumentException if negative
     */
    public Builder inProcessLimit(long objects) {
      Require.argument(objects >= 0, "inProcessLimit must not be negative, but was %s", objects);
      this.inProcessLimit = objects;
      return this;
    }

    /**
     * Sets the jobs' priority (default 10).
     *
     * @throws IllegalArgumentException unless 0 ≤ priority ≤ 2,147,483,647
     */
    public Builder priority(int priority) {
      Require.argument(priority >= 0, "priority must not be negative, but was %s", priority);
      this.priority = priority;
      return this;
    }

    /**
     * Sets how often a job's status is asked while waiting for it (default 30 seconds).
     *
     * @throws IllegalArgumentException unless between 1 millisecond and 1 hour
     */
    public Builder pollInterval(Duration interval) {
      Require.nonNull(interval, "pollInterval");
      Require.argument(!interval.isNegative() && !interval.isZero()
          && interval.compareTo(Duration.ofHours(1)) <= 0, "pollInterval must be between 1 ms "
          + "and 1 hour, but was %s", interval);
      this.pollInterval = interval;
      return this;
    }

    /**
     * Uses the caller's S3 Control client (never closed by Stockroom). Without it Stockroom
     * creates one with its region and credentials when the first job is created; with an
     * endpoint override (an S3-compatible store, which has no Batch Operations) it must be given.
     */
    public Builder s3ControlClient(S3ControlClient client) {
      this.s3ControlClient = Require.nonNull(client, "s3ControlClient");
      return this;
    }

    /**
     * Returns the settings.
     *
     * @throws IllegalStateException if the account id or the role is not set, or the role
     *     belongs to another account
     */
    public BatchOperations build() {
      Require.state(accountId != null, "batchOperations accountId must be set");
      Require.state(roleArn != null, "batchOperations roleArn must be set");
      var role = ROLE.matcher(roleArn);
      Require.state(role.matches() && role.group(1).equals(accountId), "batchOperations roleArn "
          + "'%s' belongs to another account than %s", roleArn, accountId);
      return new BatchOperations(this);
    }
  }
}
