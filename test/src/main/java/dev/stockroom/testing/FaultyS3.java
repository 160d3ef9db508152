package dev.stockroom.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A WireMock proxy in front of the shared S3Mock that injects faults: a share of requests is
 * answered with 503 SlowDown, 500 InternalError, a connection reset, or garbage and a closed
 * connection, or is delayed; requests matching a rule can be refused with a fixed S3 error every
 * time, held until released, or have their answer's ETag taken away. Faulted requests never
 * reach S3Mock, so a retry is the only way through.
 *
 * <p>Random faults are placed deterministically: each attempt of each request is decided from a
 * hash of the seed, the request (method, object path, query names and part number; the bucket,
 * whose name each test draws at random, is left out) and the attempt number, never from a shared
 * random generator, so the same requests meet the same faults in every run whatever order they
 * arrive in. A request meets at most two of them, so the SDK's retries always get it through.
 * Every request the proxy receives and every fault it injects is recorded.
 */
public final class FaultyS3 implements AutoCloseable {

  /** One request as the proxy received it. */
  public record Received(String method, String path, String query, int attempt) {

    /** Returns whether this is an UploadPart. */
    public boolean isUploadPart() {
      return method.equals("PUT") && query.contains("partNumber=");
    }

    /** Returns whether this is a single-request PutObject. */
    public boolean isPutObject() {
      return method.equals("PUT") && (query.isEmpty() || query.equals("x-id"));
    }

    @Override
    public String toString() {
      return method + " " + path + (query.isEmpty() ? "" : "?" + query) + " #" + attempt;
    }
  }

  /** A fault the proxy answered a request with, instead of S3Mock's answer. */
  public record Injected(Received request, String fault) {}

  private final WireMockServer server;
  private final Chaos chaos = new Chaos();
  private final WithoutETag withoutETag = new WithoutETag();

  public FaultyS3() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
        .extensions(chaos, withoutETag).disableRequestJournal());
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse()
        .proxiedFrom(SharedS3Mock.endpoint().toString())));
  }

  /** Returns the proxy's endpoint, to use instead of S3Mock's. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  /**
   * Faults about {@code rate} (0 to 1) of all attempts, placed by {@code seed}: the same seed
   * faults the same attempts of the same requests in every run. No request is faulted more than
   * twice.
   */
  public FaultyS3 faultRate(double rate, long seed) {
    chaos.plan = new FaultPlan(rate, seed);
    return this;
  }

  /** Fails every request matching {@code rule} with 503 SlowDown. */
  public FaultyS3 alwaysFail(Predicate<Request> rule) {
    chaos.alwaysFail = rule;
    return this;
  }

  /**
   * Answers every request matching {@code rule} with HTTP {@code status} and the S3 error
   * {@code code} (e.g. 403 AccessDenied), without passing it on to S3Mock. Several rules may be
   * set; the first that matches answers.
   */
  public FaultyS3 refuse(Predicate<Request> rule, int status, String code) {
    chaos.refusals.add(new Refusal(rule, status, code));
    return this;
  }

  /**
   * Passes requests matching {@code rule} on to S3Mock, but takes the ETag out of its answer
   * (the header and the XML element): a 2xx that does not show the object was stored, as a
   * broken proxy would answer.
   */
  public FaultyS3 withoutETag(Predicate<Request> rule) {
    withoutETag.rule = rule;
    return this;
  }

  /**
   * Holds every request matching {@code rule} in the proxy, before it reaches S3Mock, until {@link
   * #release()} or {@link #failHeld()} (or 60 seconds): the client sees an upload in flight, and
   * none of its threads is blocked.
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
   * Answers every held request with a connection reset, so that none of them reaches S3Mock
   * (as the requests of a transfer the client stopped); later requests go through.
   */
  public void failHeld() {
    chaos.failHeld = true;
    chaos.released.countDown();
  }

  /** Returns how many requests have been held so far. */
  public int held() {
    return chaos.held.get();
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

  /** Returns whether the request is a single-request PutObject (not a part, nor a sub-resource). */
  public static Predicate<Request> putObject() {
    return request -> request.getMethod().getName().equals("PUT")
        && queryNames(request.getUrl()).stream().allMatch(name -> name.equals("x-id"));
  }

  /** Returns whether the request is a PutBucketLifecycleConfiguration. */
  public static Predicate<Request> putLifecycle() {
    return request -> request.getMethod().getName().equals("PUT")
        && queryNames(request.getUrl()).contains("lifecycle");
  }

  /** Returns whether the request asks for the bucket's Object Lock configuration. */
  public static Predicate<Request> objectLockConfiguration() {
    return request -> request.getMethod().getName().equals("GET")
        && queryNames(request.getUrl()).contains("object-lock");
  }

  /** Returns whether the request is an AbortMultipartUpload. */
  public static Predicate<Request> abortMultipartUpload() {
    return request -> request.getMethod().getName().equals("DELETE")
        && queryNames(request.getUrl()).contains("uploadId");
  }

  /** Returns whether the request is a CompleteMultipartUpload. */
  public static Predicate<Request> completeMultipartUpload() {
    return request -> request.getMethod().getName().equals("POST")
        && queryNames(request.getUrl()).contains("uploadId");
  }

  /** Returns whether the request's object key (path-style, bucket left out) ends with the text. */
  public static Predicate<Request> keyEndsWith(String suffix) {
    return request -> objectPath(request.getUrl()).endsWith(suffix);
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
    return chaos.injected.size();
  }

  /** Returns every fault injected so far, in order (delays not counted). */
  public List<Injected> faults() {
    return List.copyOf(chaos.injected);
  }

  /** Returns every request received so far, in order of arrival. */
  public List<Received> received() {
    return List.copyOf(chaos.received);
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

  /** Returns the path of a path-style URL without its first segment (the bucket). */
  private static String objectPath(String url) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    int slash = path.indexOf('/', 1);
    return slash < 0 ? "/" : path.substring(slash);
  }

  private static List<String> queryNames(String url) {
    String query = canonicalQuery(url);
    return query.isEmpty() ? List.of() : List.of(query.split("&")).stream()
        .map(pair -> pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair).toList();
  }

  /** Returns the query's names, sorted, with the part number's value: never a random value. */
  private static String canonicalQuery(String url) {
    if (!url.contains("?")) {
      return "";
    }
    TreeMap<String, String> names = new TreeMap<>();
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
      names.put(name, name.equals("partNumber") ? pair : name);
    }
    return String.join("&", names.values());
  }

  /** A fixed error for the requests a rule matches. */
  private record Refusal(Predicate<Request> rule, int status, String code) {}

  /** Decides, per request, whether to proxy it or to answer with a fault. */
  private static final class Chaos implements ResponseDefinitionTransformerV2 {
    private volatile FaultPlan plan = new FaultPlan(0, 0);
    private volatile Predicate<Request> alwaysFail = request -> false;
    private final List<Refusal> refusals = new CopyOnWriteArrayList<>();
    private volatile Predicate<Request> hold = request -> false;
    private volatile boolean failHeld;
    private final CountDownLatch released = new CountDownLatch(1);
    private final AtomicInteger held = new AtomicInteger();
    private volatile int slowDownKeys;
    private final Set<String> slowedDown = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<Injected> injected = new CopyOnWriteArrayList<>();

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      Request request = event.getRequest();
      String id = request.getMethod().getName() + " " + objectPath(request.getUrl()) + "?"
          + canonicalQuery(request.getUrl());
      Received arrived = new Received(request.getMethod().getName(),
          objectPath(request.getUrl()), canonicalQuery(request.getUrl()),
          attempts.computeIfAbsent(id, k -> new AtomicInteger()).getAndIncrement());
      received.add(arrived);
      if (hold.test(request) && released.getCount() > 0) {
        held.incrementAndGet();
        try {
          released.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (failHeld) {
          return inject(arrived, "held, then reset", reset(Fault.CONNECTION_RESET_BY_PEER));
        }
      }
      for (Refusal refused : refusals) {
        if (refused.rule().test(request)) {
          return inject(arrived, refused.status() + " " + refused.code(),
              error(refused.status(), refused.code(), "Refused by the test's proxy."));
        }
      }
      if (slowDownKeys > 0 && putObject().test(request) && slowedDown.size() < slowDownKeys
          && slowedDown.add(request.getUrl())) {
        return inject(arrived, "503 SlowDown", slowDown());
      }
      if (alwaysFail.test(request)) {
        return inject(arrived, "503 SlowDown", slowDown());
      }
      ResponseDefinition proxied = event.getResponseDefinition();
      return switch (plan.decide(id, arrived.attempt())) {
        case NONE -> proxied;
        case DELAY -> {
          // a slow answer: held here, then proxied as it is (a rebuilt proxy definition would
          // lose the request it proxies)
          sleep(300);
          yield proxied;
        }
        case SLOW_DOWN -> inject(arrived, "503 SlowDown", slowDown());
        case INTERNAL_ERROR -> inject(arrived, "500 InternalError",
            error(500, "InternalError", "We encountered an internal error."));
        case CONNECTION_RESET -> inject(arrived, "connection reset",
            reset(Fault.CONNECTION_RESET_BY_PEER));
        case GARBAGE_THEN_CLOSE -> inject(arrived, "garbage, then close",
            reset(Fault.RANDOM_DATA_THEN_CLOSE));
      };
    }

    private ResponseDefinition inject(Received request, String fault,
        ResponseDefinition answer) {
      injected.add(new Injected(request, fault));
      return answer;
    }

    private static void sleep(long millis) {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static ResponseDefinition reset(Fault fault) {
      return ResponseDefinitionBuilder.responseDefinition().withFault(fault).build();
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

  /** Takes the ETag out of the answers to the requests a rule matches. */
  private static final class WithoutETag implements ResponseTransformerV2 {
    private volatile Predicate<Request> rule = request -> false;

    @Override
    public Response transform(Response response, ServeEvent event) {
      if (!rule.test(event.getRequest()) || response.getStatus() / 100 != 2) {
        return response;
      }
      byte[] body = response.getBodyAsString().replaceAll("<ETag>[^<]*</ETag>", "")
          .getBytes(StandardCharsets.UTF_8);
      List<HttpHeader> kept = new ArrayList<>(response.getHeaders().all().stream()
          .filter(header -> !header.keyEquals("ETag") && !header.keyEquals("Content-Length")
              && !header.keyEquals("Transfer-Encoding"))
          .toList());
      kept.add(new HttpHeader("Content-Length", String.valueOf(body.length)));
      return Response.Builder.like(response).but().headers(new HttpHeaders(kept))
          .body(body).build();
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public String getName() {
      return "without-etag";
    }
  }
}
