package dev.stockroom.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;

/**
 * A loopback stand-in for the S3 Batch Operations calls of S3 Control (REST-XML): CreateJob
 * (idempotent by its ClientRequestToken), DescribeJob and UpdateJobStatus. Jobs stay {@code
 * Active} until a test ends them with {@link #end}; what a job did is the test's to write (its
 * completion report, in S3's format, into the bucket). Records each request's body.
 *
 * <p>S3 Control puts the account id in the host name ({@code <account>.s3-control…}); the client
 * this gives sends every request to the loopback address whatever that host is.
 */
public final class S3ControlStandIn implements AutoCloseable {

  /**
   * Writes a completion report for job {@code jobId} into {@code bucket} as S3 Batch Operations
   * writes one: a results CSV of {@code rows} (see {@link #reportRow}) under {@code reportPrefix +
   * "job-<id>/results/"}, and beside it the {@code manifest.json} (format Report_CSV_20180820)
   * naming that file, relative to the report prefix, with its MD5. Returns the results file's key.
   */
  public static String writeReport(S3Client admin, String bucket, String reportPrefix,
      String jobId, List<String> rows) {
    String root = "job-" + jobId + "/";
    String results = root + "results/6217b0fab0de85c408b4be96aeaca9b195a7daa5.csv";
    byte[] csv = String.join("", rows).getBytes(StandardCharsets.UTF_8);
    String md5;
    try {
      md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(csv));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has MD5", e);
    }
    admin.putObject(b -> b.bucket(bucket).key(reportPrefix + results),
        RequestBody.fromBytes(csv));
    admin.putObject(b -> b.bucket(bucket).key(reportPrefix + root + "manifest.json"),
        RequestBody.fromString("{\"Format\":\"Report_CSV_20180820\",\"ReportCreationDate\":"
            + "\"2026-12-07T17:48:39.725Z\",\"Results\":[{\"TaskExecutionStatus\":\"succeeded\","
            + "\"Bucket\":\"" + bucket + "\",\"MD5Checksum\":\"" + md5 + "\",\"Key\":\""
            + results + "\"}],\"ReportSchema\":\"Bucket, Key, VersionId, TaskStatus, ErrorCode, "
            + "HTTPStatusCode, ResultMessage\"}"));
    return reportPrefix + results;
  }

  /**
   * Returns one line of a completion report: the bucket, the key URL-encoded as S3 writes it, no
   * version id, then {@code rest} (TaskStatus, HTTP status, error code, message).
   */
  public static String reportRow(String bucket, String key, String rest) {
    return bucket + "," + URLEncoder.encode(key, StandardCharsets.UTF_8).replace("+", "%20")
        + ",," + rest + "\n";
  }

  /** One request received: its method, path and body. */
  public record Received(String method, String path, String body) {}

  private static final Pattern JOB = Pattern.compile("/v20180820/jobs/([A-Za-z0-9-]+)(/status)?");
  private static final Pattern TOKEN = Pattern.compile("<ClientRequestToken>([^<]*)<");

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, String> jobsByToken = new ConcurrentHashMap<>();
  private final Map<String, String> statuses = new ConcurrentHashMap<>();
  private final Map<String, String> progress = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final AtomicInteger ids = new AtomicInteger();

  /**
   * Starts the stand-in on a free loopback port.
   *
   * @throws IOException if it cannot listen there
   */
  public S3ControlStandIn() throws IOException {
    server = Loopback.serve(this::handle);
  }

  /** Returns the id the {@code n}-th job created gets (from 1): ids are predictable. */
  public static String jobId(int n) {
    return String.format("00000000-0000-4000-8000-%012d", n);
  }

  /** Returns every request received so far, in order. */
  public List<Received> received() {
    return List.copyOf(received);
  }

  /** Returns the CreateJob requests received so far. */
  public List<Received> createJobs() {
    return received.stream().filter(r -> r.method().equals("POST")
        && r.path().equals("/v20180820/jobs")).toList();
  }

  /**
   * Ends job {@code id} with {@code status} ({@code Complete}, {@code Failed} or {@code
   * Cancelled}), its task counts, and failure reasons as code-reason pairs.
   */
  public void end(String id, String status, long total, long succeeded, long failed,
      String... codesAndReasons) {
    statuses.put(id, status);
    progress.put(id, "<ProgressSummary><TotalNumberOfTasks>" + total + "</TotalNumberOfTasks>"
        + "<NumberOfTasksSucceeded>" + succeeded + "</NumberOfTasksSucceeded>"
        + "<NumberOfTasksFailed>" + failed + "</NumberOfTasksFailed></ProgressSummary>");
    StringBuilder reasons = new StringBuilder();
    for (int i = 0; i + 1 < codesAndReasons.length; i += 2) {
      reasons.append("<member><FailureCode>").append(codesAndReasons[i])
          .append("</FailureCode><FailureReason>").append(codesAndReasons[i + 1])
          .append("</FailureReason></member>");
    }
    failures.put(id, reasons.length() == 0 ? "" : "<FailureReasons>" + reasons
        + "</FailureReasons>");
  }

  /**
   * Returns a new real S3 Control client pointed at this stand-in, with {@code interceptors}
   * added to see what it sends; the caller closes it.
   */
  public S3ControlClient client(ExecutionInterceptor... interceptors) {
    URI uri = Loopback.uri(server);
    return S3ControlClient.builder().region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS)
        .endpointOverride(URI.create("http://localhost:" + uri.getPort()))
        .overrideConfiguration(o -> {
          o.addExecutionInterceptor(new ToLoopback(uri));
          List.of(interceptors).forEach(o::addExecutionInterceptor);
        })
        .build();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    received.add(new Received(method, path, body));
    Matcher job = JOB.matcher(path);
    if (method.equals("POST") && path.equals("/v20180820/jobs")) {
      create(exchange, body);
    } else if (method.equals("GET") && job.matches() && job.group(2) == null) {
      describe(exchange, job.group(1));
    } else if (method.equals("POST") && job.matches() && job.group(2) != null) {
      statuses.put(job.group(1), "Cancelled");
      reply(exchange, 200, "<UpdateJobStatusResult><JobId>" + job.group(1) + "</JobId>"
          + "<Status>Cancelling</Status></UpdateJobStatusResult>");
    } else {
      reply(exchange, 404, "<Error><Code>NoSuchResource</Code></Error>");
    }
  }

  private void create(HttpExchange exchange, String body) throws IOException {
    Matcher token = TOKEN.matcher(body);
    String key = token.find() ? token.group(1) : "";
    String id = jobsByToken.computeIfAbsent(key, k -> jobId(ids.incrementAndGet()));
    statuses.putIfAbsent(id, "Active");
    reply(exchange, 200, "<CreateJobResult><JobId>" + id + "</JobId></CreateJobResult>");
  }

  private void describe(HttpExchange exchange, String id) throws IOException {
    String status = statuses.get(id);
    if (status == null) {
      reply(exchange, 404, "<Error><Code>NoSuchJob</Code><Message>job " + id + " not found"
          + "</Message></Error>");
      return;
    }
    reply(exchange, 200, "<DescribeJobResult><Job><JobId>" + id + "</JobId><Status>" + status
        + "</Status>" + progress.getOrDefault(id, "") + failures.getOrDefault(id, "")
        + "</Job></DescribeJobResult>");
  }

  private static void reply(HttpExchange exchange, int status, String xml) throws IOException {
    Loopback.reply(exchange, status, "application/xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + xml);
  }

  /** Stops the stand-in. */
  @Override
  public void close() {
    server.stop(0);
  }

  /** Sends requests for {@code <account>.localhost} to the stand-in's loopback address. */
  private record ToLoopback(URI target) implements ExecutionInterceptor {

    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context,
        ExecutionAttributes attributes) {
      return context.httpRequest().toBuilder().host(target.getHost()).port(target.getPort())
          .build();
    }
  }
}
