package dev.stockroom.internal.protection;

import dev.stockroom.exception.StorageException;
import dev.stockroom.internal.Futures;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The current objects under a set of prefixes (that do not overlap), in S3's listing order across
 * them: the prefixes in UTF-8 order, each listed a page (1,000 keys) at a time, so memory stays
 * flat. A store that lists out of that order is refused rather than merged wrongly.
 */
final class SourceListing implements Iterator<S3Object> {

  private final S3AsyncClient s3;
  private final String bucket;
  private final Deque<String> prefixes;
  private final Deque<S3Object> page = new ArrayDeque<>();
  private String prefix;
  private String token;
  private boolean prefixDone = true;
  private String last;

  SourceListing(S3AsyncClient s3, String bucket, List<String> prefixes) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefixes = new ArrayDeque<>(prefixes.stream().sorted(Utf8Order.INSTANCE).toList());
  }

  @Override
  public boolean hasNext() {
    while (page.isEmpty()) {
      if (prefixDone) {
        if (prefixes.isEmpty()) {
          return false;
        }
        prefix = prefixes.poll();
        token = null;
      }
      fetch();
    }
    return true;
  }

  private void fetch() {
    String from = token;
    String under = prefix;
    ListObjectsV2Response answer;
    try {
      answer = Futures.join(s3.listObjectsV2(b -> b.bucket(bucket).prefix(under)
          .continuationToken(from)));
    } catch (RuntimeException e) {
      throw new StorageException("ListObjectsV2", bucket, null, Futures.unwrap(e));
    }
    page.addAll(answer.contents());
    boolean more = Boolean.TRUE.equals(answer.isTruncated());
    token = more ? answer.nextContinuationToken() : null;
    prefixDone = !more;
  }

  @Override
  public S3Object next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    S3Object object = page.poll();
    if (last != null && Utf8Order.INSTANCE.compare(last, object.key()) >= 0) {
      throw new IllegalStateException("bucket '" + bucket + "' lists keys out of UTF-8 binary "
          + "order, as S3 never does: a backup cannot compare them with its last manifest");
    }
    last = object.key();
    return object;
  }
}
