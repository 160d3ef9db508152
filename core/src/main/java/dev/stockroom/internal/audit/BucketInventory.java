package dev.stockroom.internal.audit;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.S3Answers;
import dev.stockroom.validation.Require;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inventory report in its destination bucket. S3 writes the manifest at {@code
 * <prefix>/<source bucket>/<config>/<date>/manifest.json} and the data files under {@code
 * <prefix>/<source bucket>/<config>/data/}: a data file outside {@code <prefix>/<source
 * bucket>/<config>/} is refused, so a manifest cannot point the audit at other objects.
 */
final class BucketInventory implements InventoryLocation {

  private final S3AsyncClient s3;
  private final String bucket;
  private final String manifestKey;
  private final String reportRoot;

  BucketInventory(S3AsyncClient s3, String bucket, String manifestKey) {
    this.s3 = s3;
    this.bucket = bucket;
    this.manifestKey = manifestKey;
    this.reportRoot = parent(parent(manifestKey));
  }

  private static String parent(String key) {
    int slash = key.lastIndexOf('/', key.endsWith("/") ? key.length() - 2 : key.length() - 1);
    return slash < 0 ? "" : key.substring(0, slash + 1);
  }

  @Override
  public String describe() {
    return "s3://" + bucket + "/" + manifestKey;
  }

  @Override
  public byte[] manifest() {
    try (InputStream in = get(manifestKey)) {
      return in.readNBytes(InventoryManifest.MAX_BYTES + 1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + describe(), e);
    }
  }

  @Override
  public Optional<String> manifestChecksum() {
    String key = parent(manifestKey) + "manifest.checksum";
    try (InputStream in = get(key)) {
      return Optional.of(new String(in.readNBytes(64), StandardCharsets.US_ASCII).strip());
    } catch (StorageException e) {
      if (S3Answers.notFound(e.getCause())) {
        return Optional.empty();
      }
      throw e;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read s3://" + bucket + "/" + key, e);
    }
  }

  @Override
  public Opened open(InventoryManifest.DataFile file) {
    Require.argument(file.key().startsWith(reportRoot) && !file.key().contains("/../"),
        "inventory manifest %s names data file '%s', outside the report's prefix '%s'",
        describe(), file.key(), reportRoot);
    ResponseInputStream<GetObjectResponse> in = get(file.key());
    Long size = in.response().contentLength();
    return new Opened(in, size == null ? -1 : size);
  }

  @Override
  public void check(byte[] manifestJson) {
    JsonNode destination = JsonMapper.builder().build().readTree(manifestJson)
        .get("destinationBucket");
    String arn = destination == null || !destination.isString() ? "" : destination.stringValue();
    Require.argument(arn.endsWith(":::" + bucket), "inventory manifest %s names destinationBucket "
        + "'%s', not the bucket it was read from", describe(), arn);
  }

  private ResponseInputStream<GetObjectResponse> get(String key) {
    GetObjectRequest request = GetObjectRequest.builder().bucket(bucket).key(key).build();
    try {
      return Futures.join(s3.getObject(request, AsyncResponseTransformer.toBlockingInputStream()));
    } catch (RuntimeException e) {
      throw new StorageException("GetObject", bucket, key, Futures.unwrap(e));
    }
  }
}
