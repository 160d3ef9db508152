package dev.stockroom.testing;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where {@link FaultyS3} places its random faults: a pure function of the seed, the request (its
 * method, object path and query names, and the part number) and the attempt, so that a run can
 * be replayed whatever order concurrent requests arrive in. One request gets at most {@link
 * #MAX_FAULTS_PER_REQUEST} faults, so the SDK's retries always get it through.
 */
final class FaultPlan {

  /** The most faults one request meets, across its attempts (the SDK makes at least three). */
  static final int MAX_FAULTS_PER_REQUEST = 2;

  /** What happens to one attempt. */
  enum Fault {
    NONE, SLOW_DOWN, INTERNAL_ERROR, CONNECTION_RESET, GARBAGE_THEN_CLOSE, DELAY
  }

  private static final Fault[] PICKS = {Fault.SLOW_DOWN, Fault.INTERNAL_ERROR,
      Fault.CONNECTION_RESET, Fault.GARBAGE_THEN_CLOSE, Fault.DELAY};

  private final double rate;
  private final long seed;
  private final Map<String, AtomicInteger> faulted = new ConcurrentHashMap<>();

  FaultPlan(double rate, long seed) {
    this.rate = rate;
    this.seed = seed;
  }

  /** Returns what happens to {@code attempt} (0 first) of the request {@code id}. */
  Fault decide(String id, int attempt) {
    if (rate <= 0 || unit(id, attempt, "fault") >= rate) {
      return Fault.NONE;
    }
    Fault pick = PICKS[(int) (unit(id, attempt, "kind") * PICKS.length)];
    if (pick == Fault.DELAY) {
      return pick;
    }
    AtomicInteger count = faulted.computeIfAbsent(id, k -> new AtomicInteger());
    return count.getAndIncrement() < MAX_FAULTS_PER_REQUEST ? pick : Fault.NONE;
  }

  /** Returns a number in [0, 1) drawn from the SHA-256 of the seed, request, attempt and use. */
  private double unit(String id, int attempt, String use) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((seed + "\n" + id + "\n"
          + attempt + "\n" + use).getBytes(StandardCharsets.UTF_8));
      return (ByteBuffer.wrap(digest).getLong() >>> 11) * 0x1.0p-53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
