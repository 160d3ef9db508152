package dev.stockroom.examples.quickstart;

import static dev.stockroom.examples.support.LocalS3.setting;

import dev.stockroom.Stockroom;
import dev.stockroom.examples.support.LocalS3;
import dev.stockroom.exception.PolicyViolationException;
import dev.stockroom.exception.StockroomException;
import dev.stockroom.exception.StorageException;
import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.links.SignedCookies;
import dev.stockroom.links.SignedLink;
import dev.stockroom.policy.StoragePolicy;
import dev.stockroom.transfer.StoredObject;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/**
 * Shows what Stockroom does, in one run: the policy catalog, the bucket's lifecycle planned and
 * applied, one object of each data class stored with its policy (storage class, encryption and
 * Cache-Control read back from the bucket), a signed link and signed cookies for the image, and
 * the refusal of a link to an order.
 *
 * <p>With no configuration it starts an in-process S3Mock and makes a throwaway CloudFront key
 * pair. To use another S3-compatible endpoint (MinIO, LocalStack, or AWS itself), set {@code
 * STOCKROOM_ENDPOINT} (and optionally {@code STOCKROOM_BUCKET}, {@code AWS_REGION}, {@code
 * STOCKROOM_KMS_KEY_ID}); credentials then come from the AWS default chain. What such a store
 * lacks (lifecycle rules, SSE headers, Object Lock, SSE-KMS) is skipped with one line each; when
 * it refuses what the run cannot do without, the run stops with one line saying why, and exit
 * status 1.
 */
public final class Quickstart {

  /** A made-up distribution: the links are signed and checked here, not fetched. */
  static final String CDN_DOMAIN = "d111111abcdef8.cloudfront.net";
  static final String KEY_PAIR_ID = "K2JCJMDEHXQW5F";

  private final PrintStream out;

  Quickstart(PrintStream out) {
    this.out = out;
  }

  public static void main(String[] args) {
    int status = new Quickstart(System.out).run();
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the story; returns 0, or 1 after one line that says why it stopped. */
  int run() {
    String bucket = setting("stockroom.bucket", "STOCKROOM_BUCKET", "stockroom-quickstart");
    Region region = Region.of(setting("aws.region", "AWS_REGION", "us-east-1"));
    KeyPair cloudFrontKey = DemoKeys.rsa2048();

    try (LocalS3 s3 = LocalS3.fromEnvironment(); S3Client admin = s3.client(region)) {
      out.println("S3 endpoint: " + s3.endpoint());
      try {
        show(s3, admin, bucket, region, cloudFrontKey);
        return 0;
      } catch (StockroomException | SdkException stopped) {
        out.println(StoreAnswers.stopped(stopped, s3.endpoint()));
        return 1;
      }
    }
  }

  private void show(LocalS3 s3, S3Client admin, String bucket, Region region,
      KeyPair cloudFrontKey) {
    if (s3.inProcess()) {
      // the in-process store gets a bucket with Object Lock, so audit logs show their retention
      LocalS3.createObjectLockBucketIfMissing(admin, bucket);
    } else {
      LocalS3.createBucketIfMissing(admin, bucket);
    }
    String kmsKeyId = s3.inProcess() ? LocalS3.LOCAL_KMS_KEY_ID
        : setting("stockroom.kmsKeyId", "STOCKROOM_KMS_KEY_ID", null);

    Stockroom.Builder builder = s3.configure(Stockroom.builder().bucket(bucket).region(region))
        .cloudFront(cf -> cf.domain(CDN_DOMAIN).keyPair(KEY_PAIR_ID, cloudFrontKey.getPrivate()));
    if (kmsKeyId != null) {
      // S3Mock has no KMS API to describe the key with: the check runs against AWS KMS only
      builder.kmsKeyId(kmsKeyId).kmsKeyCheck(!s3.inProcess());
    }
    try (FittedStockroom stockroom = new FittedStockroom(builder, out)) {
      printPolicies(stockroom.get());
      lifecycle(stockroom.get());
      StoredObject image = storeOneOfEachClass(stockroom, admin, bucket, kmsKeyId != null);
      links(stockroom.get(), image, cloudFrontKey);
    }
  }

  private void lifecycle(Stockroom stockroom) {
    section("Lifecycle plan (nothing written yet)");
    LifecyclePlan plan;
    try {
      plan = stockroom.lifecycle().plan();
    } catch (StorageException lacking) {
      if (!StoreAnswers.notImplemented(lacking)) {
        throw lacking;
      }
      out.println("Lifecycle skipped: the store does not implement bucket lifecycle rules ("
          + lacking.operation() + " answered " + StoreAnswers.answer(lacking) + "); on S3 they "
          + "move and expire each kind as the table shows");
      return;
    }
    out.println(plan);
    section("Lifecycle apply");
    out.println(stockroom.lifecycle().apply().toString().lines().findFirst().orElseThrow()
        .replace("Lifecycle plan", "Applied the plan"));
    LifecyclePlan again = stockroom.lifecycle().apply();
    section("Apply again: " + (again.hasChanges() ? "changes left (unexpected)"
        : "nothing left to change, nothing written"));
  }

  private StoredObject storeOneOfEachClass(FittedStockroom stockroom, S3Client admin,
      String bucket, boolean kms) {
    section("One object of each class, read back from bucket '" + bucket + "'");
    String format = "%-52s %-9s %-8s %-36s %s%n";
    out.printf(format, "KEY", "CLASS", "SSE", "CACHE-CONTROL", "CONTENT-TYPE");
    StoredObject image = stockroom.firstUpload(s -> s.media().productImage("sku-1001/front.jpg")
        .upload(DemoKeys.jpegBytes(), "image/jpeg"));
    printHead(format, admin, bucket, image.key());
    if (kms) {
      try {
        StoredObject order = stockroom.get().transactional().order("2026/11/22/order-1001.json")
            .upload("{\"order\":1001,\"total\":\"59.90\"}".getBytes(StandardCharsets.UTF_8),
                "application/json");
        printHead(format, admin, bucket, order.key());
      } catch (StorageException refused) {
        skipped("order", refused, "transactional data is stored only with SSE-KMS");
      }
    } else {
      out.println("(order skipped: transactional data is stored only with SSE-KMS; set "
          + "STOCKROOM_KMS_KEY_ID)");
    }
    try {
      StoredObject audit = stockroom.get().logs().auditLog("2026/11/22/admin.log")
          .upload("2026-11-22T10:00:00Z admin changed price of sku-1001\n"
              .getBytes(StandardCharsets.UTF_8), "text/plain");
      printHead(format, admin, bucket, audit.key());
      out.println(audit.retainUntil().map(until -> "(audit log sent with an Object Lock "
          + "COMPLIANCE retention until " + until + ")").orElse("(no Object Lock on this bucket: "
          + "the audit log has no retention)"));
    } catch (StorageException refused) {
      skipped("audit log", refused, "audit logs go to GLACIER, with Object Lock where the bucket "
          + "has it");
    }
    return image;
  }

  /** Reports an object the store refused, in one line; failures with no answer stop the run. */
  private void skipped(String what, StorageException refused, String why) {
    if (!StoreAnswers.answered(refused)) {
      throw refused;
    }
    out.println("(" + what + " not stored: the store refused it with "
        + StoreAnswers.answer(refused) + "; " + why + ")");
  }

  private void printHead(String format, S3Client admin, String bucket, String key) {
    HeadObjectResponse head = admin.headObject(h -> h.bucket(bucket).key(key));
    out.printf(format, key, head.storageClass() == null ? "STANDARD" : head.storageClassAsString(),
        head.serverSideEncryption() == null ? "-" : head.serverSideEncryptionAsString(),
        head.cacheControl(), head.contentType());
  }

  private void links(Stockroom stockroom, StoredObject image, KeyPair cloudFrontKey) {
    section("Signed link for the image (signature checked with the public key, not printed)");
    SignedLink link = stockroom.links().url(image, Duration.ofHours(1));
    out.println("  " + link.resourceUrl() + " until " + link.expiresAt()
        + ", key pair " + link.keyPairId());
    out.println("  signature valid: " + DemoKeys.verifiesCannedUrl(link.url(),
        cloudFrontKey.getPublic()));

    section("Signed cookies for the product's gallery (one signature for every image)");
    SignedCookies cookies = stockroom.links().cookies("media/product-images/sku-1001/*",
        Duration.ofHours(1));
    out.println("  " + cookies.resource() + " until " + cookies.expiresAt() + ": cookies "
        + String.join(", ", cookies.cookies().keySet().stream().sorted().toList()));
    out.println("  signature valid: " + DemoKeys.verifiesCookies(cookies,
        cloudFrontKey.getPublic()));

    section("A link to an order is refused");
    try {
      stockroom.links().url("transactional/orders/2026/11/22/order-1001.json",
          Duration.ofMinutes(5));
      out.println("  signed (unexpected)");
    } catch (PolicyViolationException refused) {
      out.println("  " + refused.getClass().getSimpleName() + ": " + refused.getMessage());
    }
  }

  private void printPolicies(Stockroom stockroom) {
    section("Policy catalog");
    String format = "%-14s %-14s %-25s %-8s %-18s %-37s %-42s %s%n";
    out.printf(format, "CLASS", "KIND", "PREFIX", "UPLOAD", "ENCRYPTION",
        "CACHE-CONTROL", "LIFECYCLE", "LINKS");
    for (StoragePolicy p : stockroom.policies().policies()) {
      out.printf(format, p.dataClass(), p.kind(), p.prefix(), p.storageClass(),
          p.encryption(), p.cacheControl(), lifecycle(p), p.linkAccess());
    }
  }

  private static String lifecycle(StoragePolicy p) {
    String steps = p.transitions().stream().map(Object::toString)
        .collect(Collectors.joining(", "));
    StringBuilder text = new StringBuilder(steps);
    p.expirationDays().ifPresent(d -> text.append(text.length() > 0 ? ", " : "")
        .append("expire at ").append(d).append(" days"));
    p.noncurrentVersionExpirationDays().ifPresent(d -> text.append(text.length() > 0 ? ", " : "")
        .append("noncurrent expire at ").append(d).append(" days"));
    p.retention().ifPresent(r -> text.append(", lock ").append(r));
    return text.length() == 0 ? "none" : text.toString();
  }

  private void section(String title) {
    out.println();
    out.println("== " + title);
  }
}
