package dev.stockroom.examples.quickstart;

import static dev.stockroom.examples.support.LocalS3.setting;

import dev.stockroom.Stockroom;
import dev.stockroom.examples.support.LocalS3;
import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.policy.StoragePolicy;
import java.util.stream.Collectors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * Shows the policy catalog and keeps a bucket's lifecycle in line with it.
 *
 * <p>With no configuration it starts an in-process S3Mock. To use another S3-compatible endpoint
 * (MinIO, LocalStack, or AWS itself), set {@code STOCKROOM_ENDPOINT} (and optionally
 * {@code STOCKROOM_BUCKET}, {@code AWS_REGION}); credentials then come from the AWS default chain.
 */
public final class Quickstart {

  private Quickstart() {}

  public static void main(String[] args) {
    String bucket = setting("stockroom.bucket", "STOCKROOM_BUCKET", "stockroom-quickstart");
    Region region = Region.of(setting("aws.region", "AWS_REGION", "us-east-1"));

    try (LocalS3 s3 = LocalS3.fromEnvironment(); S3Client admin = s3.client(region)) {
      System.out.println("S3 endpoint: " + s3.endpoint());
      LocalS3.createBucketIfMissing(admin, bucket);

      try (Stockroom stockroom = s3.configure(Stockroom.builder().bucket(bucket).region(region))
          .build()) {
        printPolicies(stockroom);

        System.out.println();
        System.out.println("== Plan (nothing written yet)");
        System.out.println(stockroom.lifecycle().plan());

        System.out.println();
        System.out.println("== Apply");
        System.out.println(stockroom.lifecycle().apply());

        System.out.println();
        System.out.println("== Apply again: nothing left to change, nothing written");
        LifecyclePlan again = stockroom.lifecycle().apply();
        System.out.println(again);

        System.out.println();
        System.out.println("== Lifecycle configuration read back from bucket '" + bucket + "'");
        for (LifecycleRule rule : admin.getBucketLifecycleConfiguration(r -> r.bucket(bucket))
            .rules()) {
          System.out.println("  " + rule);
        }
      }
    }
  }

  private static void printPolicies(Stockroom stockroom) {
    System.out.println();
    System.out.println("== Policy catalog");
    String format = "%-14s %-14s %-25s %-8s %-18s %-37s %-42s %s%n";
    System.out.printf(format, "CLASS", "KIND", "PREFIX", "UPLOAD", "ENCRYPTION",
        "CACHE-CONTROL", "LIFECYCLE", "LINKS");
    for (StoragePolicy p : stockroom.policies().policies()) {
      System.out.printf(format, p.dataClass(), p.kind(), p.prefix(), p.storageClass(),
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
}
