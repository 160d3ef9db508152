package dev.stockroom.internal.protection;

import dev.stockroom.internal.AwsAnswers;
import dev.stockroom.internal.Futures;
import dev.stockroom.internal.s3.PartCopy;
import dev.stockroom.internal.s3.S3Answers;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * Copies one source object into a backup tier, server-side, through the client of the tier's
 * region: CopyObject up to 5 GiB (metadata and tags kept, a CRC32C computed by S3 as it copies),
 * part by part above. The source is read on condition of the ETag the listing gave, so the
 * manifest never describes bytes other than those copied. Every copy is SSE-KMS with the tier's
 * key and an S3 Bucket Key. The future never fails: its outcome says.
 */
final class BackupCopier {

  /** What became of one copy: a manifest row, or why not. */
  record Outcome(ManifestRow row, String failure, boolean gone) {

    static Outcome copied(ManifestRow row) {
      return new Outcome(row, null, false);
    }
  }

  /** The part size of copies above 5 GiB: large parts keep them under 10,000 parts. */
  static final long PART_SIZE = 512L * 1024 * 1024;

  private final String source;
  private final S3AsyncClient sourceClient;
  private final BackupLayout layout;
  private final boolean checksums;
  private final long copyLimit;
  private final long partSize;

  /**
   * Copies from {@code source}, whose own client {@code sourceClient} reads its headers (a
   * client of another region would be redirected).
   */
  BackupCopier(String source, S3AsyncClient sourceClient, BackupLayout layout, boolean checksums,
      long copyLimit) {
    this(source, sourceClient, layout, checksums, copyLimit, PART_SIZE);
  }

  /** For tests: copies above {@code copyLimit} go in parts of {@code partSize}. */
  BackupCopier(String source, S3AsyncClient sourceClient, BackupLayout layout, boolean checksums,
      long copyLimit, long partSize) {
    this.partSize = partSize;
    this.source = source;
    this.sourceClient = sourceClient;
    this.layout = layout;
    this.checksums = checksums;
    this.copyLimit = copyLimit;
  }

  CompletableFuture<Outcome> copy(TierPlace place, S3Object object) {
    String target = layout.copyKey(place.tier(), object.key());
    long size = object.size() == null ? 0 : object.size();
    CompletableFuture<ManifestRow> copied = size > copyLimit
        ? parts(place, object, target, size)
        : whole(place, object, target, size);
    return copied.handle((row, failure) -> {
      if (failure == null) {
        return row.backupVersion() == null ? new Outcome(null, "the backup bucket gave no "
            + "version id: is its versioning suspended?", false) : Outcome.copied(row);
      }
      if (S3Answers.notFound(failure)) {
        return new Outcome(null, null, true);
      }
      if (S3Answers.preconditionFailed(failure)) {
        return new Outcome(null, "written while the backup ran: the next backup copies it",
            false);
      }
      return new Outcome(null, AwsAnswers.shortReason(failure), false);
    });
  }

  private CompletableFuture<ManifestRow> whole(TierPlace place, S3Object object, String target,
      long size) {
    CopyObjectRequest.Builder copy = CopyObjectRequest.builder()
        .sourceBucket(source).sourceKey(object.key()).copySourceIfMatch(object.eTag())
        .destinationBucket(place.bucket()).destinationKey(target)
        .metadataDirective(MetadataDirective.COPY).taggingDirective(TaggingDirective.COPY)
        .storageClass(place.storageClass())
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(place.kmsKeyId())
        .bucketKeyEnabled(true);
    if (checksums) {
      copy.checksumAlgorithm(ChecksumAlgorithm.CRC32_C);
    }
    return Futures.capture(() -> place.s3().copyObject(copy.build()))
        .thenApply(answer -> new ManifestRow(object.key(), answer.copySourceVersionId(), size,
            object.eTag(), Checksums.of(answer.copyObjectResult()), answer.versionId()));
  }

  /** A copy above 5 GiB: the headers a multipart upload does not copy are read and set. */
  private CompletableFuture<ManifestRow> parts(TierPlace place, S3Object object, String target,
      long size) {
    return Futures.capture(() -> sourceClient.headObject(b -> b.bucket(source).key(object.key())
            .ifMatch(object.eTag())))
        .thenCompose(head -> new PartCopy(place.s3(), partSize).copy(create(place, target,
                head), new PartCopy.Source(source, object.key(), head.versionId(),
                object.eTag()), size, null)
            .thenApply(done -> new ManifestRow(object.key(), head.versionId(), size,
                object.eTag(), null, done.versionId())));
  }

  private static CreateMultipartUploadRequest create(TierPlace place, String target,
      HeadObjectResponse head) {
    return CreateMultipartUploadRequest.builder().bucket(place.bucket()).key(target)
        .metadata(head.metadata()).contentType(head.contentType())
        .cacheControl(head.cacheControl()).contentDisposition(head.contentDisposition())
        .contentEncoding(head.contentEncoding()).contentLanguage(head.contentLanguage())
        .expires(head.expires()).storageClass(place.storageClass())
        .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(place.kmsKeyId())
        .bucketKeyEnabled(true).build();
  }
}
