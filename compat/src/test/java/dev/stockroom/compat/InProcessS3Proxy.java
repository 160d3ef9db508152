package dev.stockroom.compat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.stockroom.Stockroom;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * S3Proxy 4 in this JVM, started once per test class on a free loopback port: its in-memory blob
 * store ({@code transient-nio2}, a Jimfs file system) behind AWS signature checks with fixed
 * credentials. Register it with {@code @RegisterExtension static final InProcessS3Proxy s3proxy =
 * new InProcessS3Proxy();}.
 *
 * <p>S3Proxy answers a header or sub-resource it does not implement with 501 NotImplemented, and
 * names it only in its own log ("Unknown header x-amz-tagging with URI ..."): this extension reads
 * that log, so that a test can say which header was refused.
 */
public final class InProcessS3Proxy implements BeforeAllCallback, AfterAllCallback {

  static final String ACCESS_KEY = "compat-access";
  static final String SECRET_KEY = "compat-secret";
  static final Region REGION = Region.US_EAST_1;

  private static final Pattern REFUSAL =
      Pattern.compile("Unknown (?:header|parameters) (\\S+) with URI");

  private final boolean ignoreUnknownHeaders;
  private final Refusals refusals = new Refusals();
  private S3Proxy proxy;
  private URI endpoint;
  private S3Client client;

  /** S3Proxy as it ships: headers it does not implement are refused with 501. */
  public InProcessS3Proxy() {
    this(false);
  }

  private InProcessS3Proxy(boolean ignoreUnknownHeaders) {
    this.ignoreUnknownHeaders = ignoreUnknownHeaders;
  }

  /**
   * S3Proxy with {@code s3proxy.ignore-unknown-headers=true}: headers it does not implement are
   * accepted and dropped.
   */
  public static InProcessS3Proxy ignoringUnknownHeaders() {
    return new InProcessS3Proxy(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    refusals.start();
    handlerLog().addAppender(refusals);
    proxy = S3Proxy.builder()
        .blobStore(new TransientNio2BlobStore())
        .endpoint(URI.create("http://127.0.0.1:0"))
        .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
        .ignoreUnknownHeaders(ignoreUnknownHeaders)
        .jettyMaxThreads(32)
        .build();
    proxy.start();
    if (!"STARTED".equals(proxy.getState())) {
      throw new IllegalStateException("S3Proxy did not start: " + proxy.getState());
    }
    endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    client = S3Client.builder().region(REGION).endpointOverride(endpoint).forcePathStyle(true)
        .credentialsProvider(credentials()).build();
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    try {
      if (client != null) {
        client.close();
      }
      if (proxy != null) {
        proxy.stop();
      }
    } finally {
      handlerLog().detachAppender(refusals);
      refusals.stop();
    }
  }

  /** Returns the endpoint, {@code http://127.0.0.1:<port>}. */
  public URI endpoint() {
    return endpoint;
  }

  /** Returns the credentials S3Proxy checks signatures with. */
  public static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY));
  }

  /** Returns a plain S3 client on S3Proxy, to create buckets and read results back. */
  public S3Client client() {
    return client;
  }

  /** Creates {@code bucket} and returns its name. */
  public String createBucket(String bucket) {
    client.createBucket(b -> b.bucket(bucket));
    return bucket;
  }

  /** Returns a Stockroom builder pointed at S3Proxy, for {@code bucket}. */
  public Stockroom.Builder stockroom(String bucket) {
    return Stockroom.builder().bucket(bucket).region(REGION).endpointOverride(endpoint)
        .forcePathStyle(true).credentialsProvider(credentials());
  }

  /**
   * Returns the headers and sub-resources S3Proxy refused with 501 since the last {@link
   * #clearRefusals()}, in order, e.g. {@code x-amz-server-side-encryption} or {@code lifecycle}.
   */
  public List<String> refusals() {
    return refusals.names.stream().toList();
  }

  /** Forgets the refusals seen so far. */
  public void clearRefusals() {
    refusals.names.clear();
  }

  private static Logger handlerLog() {
    return (Logger) LoggerFactory.getLogger("org.gaul.s3proxy.S3ProxyHandler");
  }

  /** Reads S3Proxy's log for what it refused. */
  private static final class Refusals extends AppenderBase<ILoggingEvent> {
    private final Queue<String> names = new ConcurrentLinkedQueue<>();

    @Override
    protected void append(ILoggingEvent event) {
      Matcher refusal = REFUSAL.matcher(event.getFormattedMessage());
      if (refusal.find()) {
        names.add(refusal.group(1));
      }
    }
  }
}
