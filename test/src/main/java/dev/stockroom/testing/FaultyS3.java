package dev.stockroom.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A WireMock proxy in front of the shared S3Mock that injects faults: a share of requests is
 * answered with 503 SlowDown, 500 InternalError, a connection reset, or garbage and a closed
 * connection, or is delayed; requests matching a rule can be made to fail every time. Faulted
 * requests never reach S3Mock, so a retry is the only way through.
 */
public final class FaultyS3 implements AutoCloseable {

  private final WireMockServer server;
  private final Chaos chaos = new Chaos();

  public FaultyS3() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
        .extensions(chaos).disableRequestJournal());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse()
        .proxiedFrom(SharedS3Mock.endpoint().toString())));
  }

  /** Returns the proxy's endpoint, to use instead of S3Mock's. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /** Faults about {@code rate} (0 to 1) of all requests, chosen by a seeded random. */
  public FaultyS3 faultRate(double rate, long seed) {
    chaos.configure(rate, seed);
    return this;
  }

  /** Fails every request matching {@code rule} with 503 SlowDown. */
  public FaultyS3 alwaysFail(Predicate<Request> rule) {
    chaos.alwaysFail = rule;
    return this;
  }

  /**
   * Holds every request matching {@code rule} in the proxy, before it reaches S3Mock, until {@link
   * #release()} (or 60 seconds): the client sees an upload in flight, and none of its threads is
   * blocked.
   */
  public FaultyS3 hold(Predicate<Request> rule) {
    chaos.hold = rule;
    return this;
  }

  /** Lets every held request, and any later one, through. */
  public void release() {
    chaos.released.countDown();
  }

  /**
   * Waits until at least {@code count} requests are held.
   *
   * @throws AssertionError if they are not within 30 seconds
   */
  public void awaitHeld(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (chaos.held.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("expected " + count + " held requests, got " + chaos.held.get());
      }
      Thread.sleep(10);
    }
  }

  /** Returns whether the request is an UploadPart. */
  public static Predicate<Request> uploadPart() {
    return uploadPartFrom(1);
  }

  /** Returns whether the request is a single-request PutObject (not a part). */
  public static Predicate<Request> putObject() {
    return request -> request.getMethod().getName().equals("PUT")
        && !request.queryParameter("partNumber").isPresent()
        && !request.queryParameter("uploadId").isPresent();
  }

  /**
   * Answers 503 SlowDown to the first PutObject of each of the first {@code keys} distinct keys:
   * every such file is throttled once, and its retry goes through.
   */
  public FaultyS3 slowDownOncePerKey(int keys) {
    chaos.slowDownKeys = keys;
    return this;
  }

  /** Returns how many faults were injected (delays not counted). */
  public int faultsInjected() {
    return chaos.injected.get();
  }

  /** Returns whether the request is an UploadPart with a part number of at least {@code n}. */
  public static Predicate<Request> uploadPartFrom(int n) {
    return request -> {
      String partNumber = request.queryParameter("partNumber").isPresent()
          ? request.queryParameter("partNumber").firstValue() : null;
      return partNumber != null && Integer.parseInt(partNumber) >= n;
    };
  }

  @Override
  public void close() {
    server.stop();
  }

  /** Decides, per request, whether to proxy it or to answer with a fault. */
  private static final class Chaos implements ResponseDefinitionTransformerV2 {
    private Random random = new Random(0);
    private double rate;
    private volatile Predicate<Request> alwaysFail = request -> false;
    private volatile Predicate<Request> hold = request -> false;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private volatile int slowDownKeys;
    private final java.util.Set<String> slowedDown = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final AtomicInteger injected = new AtomicInteger();

    synchronized void configure(double rate, long seed) {
      this.rate = rate;
      this.random = new Random(seed);
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      if (hold.test(request) && released.getCount() > 0) {
        held.incrementAndGet();
        try {
          released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (slowDownKeys > 0 && putObject().test(request) && slowedDown.size() < slowDownKeys
          && slowedDown.add(request.getUrl())) {
        injected.incrementAndGet();
        return slowDown();
      }
      if (alwaysFail.test(request)) {
        injected.incrementAndGet();
        return slowDown();
      }
      int pick;
      synchronized (this) {
        pick = random.nextDouble() < rate ? random.nextInt(5) : -1;
      }
      ResponseDefinition proxied = event.getResponseDefinition();
      if (pick < 0) {
        return proxied;
      }
      if (pick == 4) {
        // a slow answer: held here, then proxied as it is (a rebuilt proxy definition would lose
        // the request it proxies)
        sleep(300);
        return proxied;
      }
      injected.incrementAndGet();
      return switch (pick) {
        case 0 -> slowDown();
        case 1 -> error(500, "InternalError", "We encountered an internal error.");
        case 2 -> ResponseDefinitionBuilder.responseDefinition()
            .withFault(Fault.CONNECTION_RESET_BY_PEER).build();
        default -> ResponseDefinitionBuilder.responseDefinition()
            .withFault(Fault.RANDOM_DATA_THEN_CLOSE).build();
      };
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static ResponseDefinition slowDown() {
      return error(503, "SlowDown", "Please reduce your request rate.");
    }

    private static ResponseDefinition error(int status, String code, String message) {
      return ResponseDefinitionBuilder.responseDefinition().withStatus(status)
          .withHeader("Content-Type", "application/xml")
          .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code
              + "</Code><Message>" + message + "</Message></Error>").build();
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public String getName() {
      return "chaos";
    }
  }
}
