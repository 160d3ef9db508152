package dev.stockroom.internal.metrics;

import dev.stockroom.policy.DataKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stockroom's meters in a Micrometer registry, named as Micrometer's conventions ask (lower-case,
 * dotted, base units) and tagged with the bucket. With an {@link ObservationRegistry}, each upload
 * is an Observation named {@code stockroom.upload} (so traces show it, and the registry's handlers
 * make its timer); without one, Stockroom times uploads with a Timer of the same name.
 *
 * <p>Loaded only when the builder is given a registry: Stockroom runs without Micrometer.
 */
public final class MicrometerMeters implements Meters {

  /** Uploads: count and latency, by kind and outcome ({@code stored}, {@code failed}, …). */
  public static final String UPLOAD = "stockroom.upload";
  /** Bytes stored by uploads, by kind. */
  public static final String UPLOAD_BYTES = "stockroom.upload.bytes";
  /** Slow-down answers from S3 (503 SlowDown, 503, 429). */
  public static final String THROTTLED = "stockroom.s3.throttled";
  /** Requests the SDK sent again after a failed attempt. */
  public static final String RETRIES = "stockroom.s3.retries";
  /** Links and cookies handed out, by type and whether the cache answered. */
  public static final String LINKS = "stockroom.links";
  /** Owned lifecycle rules the last plan would add, change or remove. */
  public static final String DRIFT = "stockroom.lifecycle.drift";
  /** KMS key checks (DescribeKey), by result. */
  public static final String KMS_CHECKS = "stockroom.kms.checks";

  private final MeterRegistry registry;
  private final ObservationRegistry observations;
  private final String bucket;
  private final Tags tags;
  private final Counter throttled;
  private final Counter retries;
  private final AtomicInteger drift = new AtomicInteger();
  /** Links are the hot path (a cache hit costs microseconds): their counters are made once. */
  private final Map<String, Counter> links = new ConcurrentHashMap<>();

  /** Records into {@code registry} (and {@code observations}, if not null) for {@code bucket}. */
  public MicrometerMeters(MeterRegistry registry, ObservationRegistry observations,
      String bucket) {
    this.registry = registry;
    this.observations = observations;
    this.bucket = bucket;
    this.tags = Tags.of("bucket", bucket);
    this.throttled = Counter.builder(THROTTLED).tags(tags).baseUnit("responses")
        .description("Slow-down answers from S3 (503 SlowDown, 503, 429)").register(registry);
    this.retries = Counter.builder(RETRIES).tags(tags).baseUnit("requests")
        .description("Requests to S3 sent again after a failed attempt").register(registry);
    registry.gauge(DRIFT, tags, drift);
  }

  @Override
  public UploadTiming uploadStarted(DataKind kind) {
    if (observations != null && !observations.isNoop()) {
      Observation observation = Observation.createNotStarted(UPLOAD, observations)
          .lowCardinalityKeyValue("bucket", bucket)
          .lowCardinalityKeyValue("kind", kind.id())
          .contextualName("stockroom upload " + kind.id()).start();
      return new ObservedUpload(kind, observation);
    }
    return new TimedUpload(kind, Timer.start(registry));
  }

  @Override
  public void throttled() {
    throttled.increment();
  }

  @Override
  public void retried() {
    retries.increment();
  }

  @Override
  public void link(String type, boolean cached) {
    String cache = cached ? "hit" : "miss";
    links.computeIfAbsent(type + cache, k -> Counter.builder(LINKS).tags(tags).tag("type", type)
        .tag("cache", cache).description("Signed links and cookies handed out")
        .register(registry)).increment();
  }

  @Override
  public void lifecycleDrift(int changes) {
    drift.set(changes);
  }

  @Override
  public void kmsChecked(String result) {
    Counter.builder(KMS_CHECKS).tags(tags).tag("result", result)
        .description("KMS key checks (DescribeKey)").register(registry).increment();
  }

  private void bytes(DataKind kind, long bytes) {
    DistributionSummary.builder(UPLOAD_BYTES).tags(tags).tag("kind", kind.id()).baseUnit("bytes")
        .description("Bytes stored by uploads").register(registry).record(bytes);
  }

  /** An upload timed with a Timer of this registry. */
  private final class TimedUpload implements UploadTiming {

    private final AtomicBoolean ended = new AtomicBoolean();
    private final DataKind kind;
    private final Timer.Sample sample;

    TimedUpload(DataKind kind, Timer.Sample sample) {
      this.kind = kind;
      this.sample = sample;
    }

    @Override
    public void stored(long bytes) {
      if (ended.compareAndSet(false, true)) {
        stop("stored");
        bytes(kind, bytes);
      }
    }

    @Override
    public void ended(String outcome, Throwable failure) {
      if (ended.compareAndSet(false, true)) {
        stop(outcome);
      }
    }

    private void stop(String outcome) {
      sample.stop(Timer.builder(UPLOAD).tags(tags).tag("kind", kind.id()).tag("outcome", outcome)
          .description("Uploads, by kind and outcome").register(registry));
    }
  }

  /** An upload as an Observation, for traces; the registry's handlers make its timer. */
  private final class ObservedUpload implements UploadTiming {

    private final AtomicBoolean ended = new AtomicBoolean();
    private final DataKind kind;
    private final Observation observation;

    ObservedUpload(DataKind kind, Observation observation) {
      this.kind = kind;
      this.observation = observation;
    }

    @Override
    public void stored(long bytes) {
      if (ended.compareAndSet(false, true)) {
        observation.lowCardinalityKeyValue("outcome", "stored").stop();
        bytes(kind, bytes);
      }
    }

    @Override
    public void ended(String outcome, Throwable failure) {
      if (!ended.compareAndSet(false, true)) {
        return;
      }
      observation.lowCardinalityKeyValue("outcome", outcome);
      if (failure != null) {
        observation.error(failure);
      }
      observation.stop();
    }
  }
}
