package dev.stockroom.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.StorageException;
import dev.stockroom.exception.TransferFailedException;
import dev.stockroom.transfer.StoredObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * How the quickstart fits its Stockroom to a store that refuses a header: each refusal, as the
 * store gives it, scripted per attempt (no store is called).
 */
class FittedStockroomTest {

  private static final StoredObject STORED = (StoredObject) Proxy.newProxyInstance(
      StoredObject.class.getClassLoader(), new Class<?>[] {StoredObject.class},
      (proxy, method, args) -> null);

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final Stockroom.Builder builder = Stockroom.builder().bucket("shop")
      .region(Region.US_EAST_1).endpointOverride(URI.create("http://127.0.0.1:9"))
      .forcePathStyle(true).credentialsProvider(AnonymousCredentialsProvider.create());

  @Test
  void a501_thenTakenWithoutSse_keepsThatStockroom_andSaysSoInOneLine() {
    Attempts attempts = new Attempts(refusal(501, "NotImplemented"), null);
    try (FittedStockroom fitted = fitted()) {
      Stockroom first = fitted.get();

      assertThat(fitted.firstUpload(attempts)).isSameAs(STORED);
      assertThat(fitted.get()).isNotSameAs(first).isSameAs(attempts.seen.get(1));
    }
    assertThat(printed()).isEqualTo("(the store does not take server-side encryption headers: "
        + "it answered NotImplemented (HTTP 501); uploads go on without them, as with "
        + "uploadHeaders(h -> h.serverSideEncryption(false)))\n");
  }

  @Test
  void aConnectionClosedWithoutAnswer_isTriedWithoutTheHeadersToo() {
    Attempts attempts = new Attempts(closed(), null);
    try (FittedStockroom fitted = fitted()) {
      fitted.firstUpload(attempts);
    }
    assertThat(printed()).startsWith("(the store does not take server-side encryption headers: "
        + "it closed the connection without an answer; ");
  }

  @Test
  void aStoreTakingItOnlyWithoutChecksums_isToldApart() {
    Attempts attempts = new Attempts(refusal(400, "InvalidArgument"),
        refusal(400, "InvalidArgument"), null);
    try (FittedStockroom fitted = fitted()) {
      fitted.firstUpload(attempts);
    }
    assertThat(printed()).startsWith("(the store does not take CRC32C checksums: it answered "
        + "InvalidArgument (HTTP 400); ").endsWith("as with uploadHeaders(h -> "
        + "h.checksums(false)))\n");
  }

  @Test
  void aStoreTakingNone_getsTheFirstRefusalBack_afterEveryFallback() {
    TransferFailedException first = refusal(501, "NotImplemented");
    Attempts attempts = new Attempts(first, refusal(501, "NotImplemented"),
        refusal(501, "NotImplemented"), refusal(501, "NotImplemented"));
    try (FittedStockroom fitted = fitted()) {
      assertThatThrownBy(() -> fitted.firstUpload(attempts)).isSameAs(first);
    }
    assertThat(attempts.seen).hasSize(4);
    assertThat(printed()).isEmpty();
  }

  @Test
  void aFailureThatIsNoHeaderRefusal_isNotTriedAgain() {
    TransferFailedException denied = refusal(403, "AccessDenied");
    Attempts attempts = new Attempts(denied);
    try (FittedStockroom fitted = fitted()) {
      assertThatThrownBy(() -> fitted.firstUpload(attempts)).isSameAs(denied);
    }
    assertThat(attempts.seen).hasSize(1);
    assertThat(printed()).isEmpty();
  }

  private FittedStockroom fitted() {
    return new FittedStockroom(builder, new PrintStream(printed, true, StandardCharsets.UTF_8));
  }

  private String printed() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  private static TransferFailedException refusal(int status, String code) {
    return new TransferFailedException("shop", "media/product-images/a.jpg", S3Exception.builder()
        .statusCode(status).message("refused")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("refused").build())
        .build());
  }

  private static TransferFailedException closed() {
    return new TransferFailedException("shop", "media/product-images/a.jpg",
        SdkClientException.create("Unable to execute HTTP request: The connection was closed "
            + "during the request."));
  }

  /** Fails each attempt with the next scripted failure; a null stands for a stored object. */
  private static final class Attempts implements Function<Stockroom, StoredObject> {
    private final List<StorageException> script;
    private final List<Stockroom> seen = new ArrayList<>();

    Attempts(StorageException... script) {
      this.script = java.util.Arrays.asList(script);
    }

    @Override
    public StoredObject apply(Stockroom stockroom) {
      seen.add(stockroom);
      StorageException failure = script.get(seen.size() - 1);
      if (failure != null) {
        throw failure;
      }
      return STORED;
    }
  }
}
