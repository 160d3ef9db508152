package dev.stockroom.internal.audit;

import dev.stockroom.audit.AuditReport;
import dev.stockroom.audit.AuditRequest;
import dev.stockroom.audit.Finding;
import dev.stockroom.policy.StoragePolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * One audit: reads the source, checks each object, counts what it finds and writes each finding
 * to the findings file, which is put in place only when the whole audit succeeded.
 */
final class AuditRun {

  private final DefaultAudit.Wiring wiring;
  private final PolicyCheck.Settings settings;
  private final AuditRequest request;
  private final Instant started;
  private final PolicyCheck check;
  private final Tally tally;
  private final Cohorts cohorts;

  AuditRun(DefaultAudit.Wiring wiring, PolicyCheck.Settings settings, AuditRequest request) {
    this.wiring = wiring;
    this.settings = settings;
    this.request = request;
    this.started = wiring.clock().instant();
    this.check = new PolicyCheck(wiring.policies(), settings, started);
    this.tally = new Tally(request.sampleSize());
    this.cohorts = new Cohorts(started);
  }

  AuditReport run() {
    ObjectSource source = source();
    try (FindingsFile.Writer writer = request.findingsFile().map(file ->
        new FindingsFile.Writer(file, wiring.bucket(), started)).orElse(null)) {
      Consumer<FindingRow> findings = writer != null ? writer : row -> { };
      Consumer<ObjectRecord> checked = object -> {
        wiring.guard().check();
        checkObject(object, findings);
      };
      long skipped;
      if (request.readHeaders()) {
        HeaderReader headers = new HeaderReader(wiring.s3(), wiring.bucket(),
            request.concurrency(), this::hasRetention, checked);
        skipped = source.read(headers) + headers.finish();
      } else {
        skipped = source.read(checked);
      }
      if (request.multipartUploads()) {
        new MultipartListing(wiring.s3(), wiring.bucket(), request.prefix())
            .read(upload -> checkUpload(upload, findings));
      }
      if (writer != null) {
        writer.commit();
      }
      return report(skipped);
    }
  }

  /** Returns the source; an inventory's manifest is read and checked before anything is written. */
  private ObjectSource source() {
    return switch (request.source()) {
      case LIVE_BUCKET -> new BucketListing(wiring.s3(), wiring.bucket(), request.prefix(),
          wiring::ownFile);
      case INVENTORY_FILES -> inventory(new LocalInventory(request.manifestFile().orElseThrow()));
      case INVENTORY_OBJECTS -> inventory(new BucketInventory(wiring.s3(),
          request.inventoryBucket().orElseThrow(), request.manifestKey().orElseThrow()));
    };
  }

  private ObjectSource inventory(InventoryLocation location) {
    InventorySource source = new InventorySource(location, wiring.bucket(), request.prefix(),
        wiring::ownFile);
    source.manifest();
    return source;
  }

  private boolean hasRetention(String key) {
    return settings.objectLockRetention() && wiring.policies().find(key)
        .flatMap(StoragePolicy::retention).isPresent();
  }

  private void checkObject(ObjectRecord object, Consumer<FindingRow> findings) {
    PolicyCheck.Verdict verdict = check.check(object);
    tally.add(object, verdict);
    verdict.policy().ifPresent(policy -> cohorts.add(policy.kind(), object));
    if (!verdict.findings().isEmpty()) {
      findings.accept(new FindingRow(verdict.findings(), object.key(), object.versionId(), null,
          object.size(), object.lastModified(), object.eTag(), object.storageClass()));
    }
  }

  private void checkUpload(MultipartUpload upload, Consumer<FindingRow> findings) {
    Instant cutoff = started.minus(Duration.ofDays(
        wiring.policies().abortIncompleteMultipartUploadDays()));
    if (upload.initiated() == null || !upload.initiated().isBefore(cutoff)) {
      return;
    }
    Set<Finding> found = EnumSet.of(Finding.STALE_MULTIPART_UPLOAD);
    Optional<StoragePolicy> policy = wiring.policies().find(upload.key());
    tally.add(found, policy.map(StoragePolicy::kind), upload.key(), 0);
    findings.accept(new FindingRow(found, upload.key(), null, upload.uploadId(), 0,
        upload.initiated(), null, null));
  }

  private AuditReport report(long skipped) {
    return new DefaultAuditReport(wiring.bucket(), request, started, wiring.clock().instant(),
        tally.objects(), tally.bytes(), skipped, tally.kindCounts(), tally.findingCounts(),
        tally.withFindings(), notChecked(), request.findingsFile()
            .map(file -> file.toAbsolutePath().normalize()), cohorts.workload());
  }

  private List<String> notChecked() {
    List<String> lines = new ArrayList<>();
    note(lines, PolicyCheck.Unknown.ENCRYPTION, "encryption (a listing does not show it: read "
        + "headers, or include EncryptionStatus in the inventory)");
    note(lines, PolicyCheck.Unknown.KMS_KEY, settings.kmsKeyArn() == null
        && settings.kmsKeyId() != null && settings.kmsKeyId().contains("alias/")
        ? "the KMS key (the configured alias could not be resolved: turn the KMS key check on)"
        : "the KMS key (an inventory does not show it: read headers)");
    note(lines, PolicyCheck.Unknown.RETENTION, "the retention (read headers, or include "
        + "ObjectLockMode and ObjectLockRetainUntilDate in the inventory)");
    note(lines, PolicyCheck.Unknown.HEADERS, "Cache-Control and Content-Type (headers were not "
        + "read)");
    note(lines, PolicyCheck.Unknown.STORAGE_CLASS, "the storage class (include StorageClass and "
        + "LastModifiedDate in the inventory)");
    if (cohorts.unpriced() > 0) {
      lines.add(String.format("the cost workload: %,d objects in classes the cost model does not "
          + "price are left out of it", cohorts.unpriced()));
    }
    if (!request.multipartUploads()) {
      lines.add("incomplete multipart uploads: not listed");
    }
    return List.copyOf(lines);
  }

  private void note(List<String> lines, PolicyCheck.Unknown check, String what) {
    long objects = tally.unknown(check);
    if (objects > 0) {
      lines.add(String.format("%s: not known for %,d objects", what, objects));
    }
  }
}
