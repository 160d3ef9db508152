package dev.stockroom.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.stockroom.Stockroom;
import dev.stockroom.exception.BackupException;
import dev.stockroom.lifecycle.BucketLifecycle;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Incremental backups against S3Mock: three buckets (the shop's, the backup bucket, and a
 * "cross-region" bucket reached through a second client signed for eu-west-1, standing in for
 * another region), days advanced on a test clock. What was copied is read back from the buckets
 * and from the CopyObject requests Stockroom sent.
 */
class BackupIT {

  static final byte[] PROTECTION_KEY = "0123456789abcdef0123456789abcdef"
      .getBytes(StandardCharsets.US_ASCII);
  private static final String ORDER_1 = "transactional/orders/2026/11/22/order-1.json";
  private static final String ORDER_2 = "transactional/orders/2026/11/22/order-2.json";
  private static final String ORDER_3 = "transactional/orders/2026/11/23/order-3.json";
  private static final String CUSTOMER = "transactional/customers/c-1001/profile.json";
  private static final String PAYMENT = "transactional/payments/2026/11/p-1.json";
  private static final String IMAGE = "media/product-images/sku-1/front.jpg";
  private static final S3Client admin = SharedS3Mock.admin();

  private final RecordingInterceptor sent = new RecordingInterceptor();
  private final RecordingInterceptor sentAway = new RecordingInterceptor();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));

  private S3AsyncClient crossRegion;

  @BeforeEach
  void crossRegionClient() {
    crossRegion = SharedS3Mock.asyncClientBuilder(sentAway).region(Region.EU_WEST_1).build();
  }

  @AfterEach
  void close() {
    crossRegion.close();
  }

  @Test
  void dailyBackups_dayByDay_copyOnlyWhatChanged_withTheBackupBucketsKey() {
    Buckets buckets = Buckets.create();
    put(buckets.shop, ORDER_1, "order 1");
    put(buckets.shop, ORDER_2, "order 2");
    put(buckets.shop, CUSTOMER, "{\"name\":\"Jane\"}");
    put(buckets.shop, PAYMENT, "payment 1");
    put(buckets.shop, IMAGE, "jpeg bytes");

    try (Stockroom stockroom = stockroom(buckets)) {
      BackupResult first = stockroom.protection().backup(BackupTier.DAILY);

      assertThat(first.complete()).isTrue();
      assertThat(first.mode()).isEqualTo(BackupMode.IN_PROCESS);
      assertThat(List.of(first.objects(), first.copied(), first.unchanged(), first.removed()))
          .containsExactly(4L, 4L, 0L, 0L);
      assertThat(copied()).containsExactlyInAnyOrder(ORDER_1, ORDER_2, CUSTOMER, PAYMENT);
      sent.sent("CopyObject").forEach(s -> {
        CopyObjectRequest copy = (CopyObjectRequest) s.request();
        assertThat(copy.destinationBucket()).isEqualTo(buckets.backup);
        assertThat(copy.destinationKey()).isEqualTo("stockroom-backups/daily/" + source(copy));
        assertThat(copy.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(copy.ssekmsKeyId()).isEqualTo(SharedS3Mock.OTHER_KMS_KEY_ID);
        assertThat(copy.bucketKeyEnabled()).isTrue();
        assertThat(copy.copySourceIfMatch()).isNotNull();
      });
      var head = admin.headObject(b -> b.bucket(buckets.backup)
          .key("stockroom-backups/daily/" + CUSTOMER));
      assertThat(head.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
      assertThat(head.ssekmsKeyId()).endsWith(SharedS3Mock.OTHER_KMS_KEY_ID);
      assertThat(admin.getObjectAsBytes(b -> b.bucket(buckets.backup)
          .key("stockroom-backups/daily/" + CUSTOMER)).asUtf8String())
          .isEqualTo("{\"name\":\"Jane\"}");

      clock.advance(Duration.ofDays(1));
      put(buckets.shop, ORDER_1, "order 1, paid");
      admin.deleteObject(b -> b.bucket(buckets.shop).key(ORDER_2));
      put(buckets.shop, ORDER_3, "order 3");
      sent.clear();

      BackupResult second = stockroom.protection().backup(BackupTier.DAILY);

      assertThat(List.of(second.objects(), second.copied(), second.unchanged(), second.removed()))
          .containsExactly(4L, 2L, 2L, 1L);
      assertThat(copied()).containsExactlyInAnyOrder(ORDER_1, ORDER_3);
      assertThat(versions(buckets.backup, "stockroom-backups/daily/" + ORDER_1)).hasSize(2);
      var order2 = admin.listObjectVersions(b -> b.bucket(buckets.backup)
          .prefix("stockroom-backups/daily/" + ORDER_2));
      assertThat(order2.deleteMarkers()).singleElement()
          .satisfies(marker -> assertThat(marker.isLatest()).isTrue());
      assertThat(stockroom.protection().backups(BackupTier.DAILY))
          .extracting(Backup::id).containsExactly(second.backup().id(), first.backup().id());
      assertThat(second.backup().id()).startsWith("daily-20261123T020000Z-");
      assertThat(second.backup().takenAt()).isEqualTo(Instant.parse("2026-11-23T02:00:00Z"));

      clock.advance(Duration.ofDays(1));
      sent.clear();
      BackupResult third = stockroom.protection().backup(BackupTier.DAILY);

      assertThat(List.of(third.objects(), third.copied(), third.unchanged(), third.removed()))
          .containsExactly(4L, 0L, 4L, 0L);
      assertThat(sent.sent("CopyObject")).isEmpty();
      String manifest = admin.getObjectAsBytes(b -> b.bucket(buckets.backup)
          .key(third.backup().manifestKey())).asUtf8String();
      assertThat(manifest).startsWith("# stockroom backup manifest 1\n# backup: "
          + third.backup().id() + "\n").contains("transactional%2Forders%2F2026%2F11%2F23%2F"
          + "order-3.json").doesNotContain("media%2F")
          .containsPattern("\n# signature: hmac-sha256:[0-9a-f]{64}\n$");
      var manifestHead = admin.headObject(b -> b.bucket(buckets.backup)
          .key(third.backup().manifestKey()));
      assertThat(manifestHead.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
    }
  }

  @Test
  void theWeeklyTier_isCopiedIntoTheCrossRegionBucket_throughTheOtherRegionsClient() {
    Buckets buckets = Buckets.create();
    put(buckets.shop, ORDER_1, "order 1");
    put(buckets.shop, CUSTOMER, "customer");

    try (Stockroom stockroom = stockroom(buckets)) {
      BackupResult weekly = stockroom.protection().backup(BackupTier.WEEKLY);

      assertThat(weekly.backup().bucket()).isEqualTo(buckets.away);
      assertThat(weekly.copied()).isEqualTo(2);
      assertThat(sent.sent("CopyObject")).isEmpty();
      assertThat(sentAway.sent("CopyObject")).hasSize(2).allSatisfy(s -> {
        CopyObjectRequest copy = (CopyObjectRequest) s.request();
        assertThat(copy.copySource()).startsWith(buckets.shop + "/transactional");
        assertThat(copy.destinationBucket()).isEqualTo(buckets.away);
        assertThat(copy.ssekmsKeyId()).isEqualTo(SharedS3Mock.KMS_KEY_ID);
        assertThat(s.http().firstMatchingHeader("Authorization")).hasValueSatisfying(auth ->
            assertThat(auth).contains("/eu-west-1/s3/aws4_request"));
      });
      assertThat(versions(buckets.away, "stockroom-backups/weekly/")).hasSize(2);
      assertThat(versions(buckets.backup, "stockroom-backups/")).isEmpty();
    }
  }

  @Test
  void theBackupBucketsLifecycle_keeps7_30_365Days_andTheRulesOfOthers() {
    Buckets buckets = Buckets.create();
    LifecycleRule foreign = LifecycleRule.builder().id("team-archive").status("Enabled")
        .filter(f -> f.prefix("archive/")).expiration(e -> e.days(90)).build();
    admin.putBucketLifecycleConfiguration(b -> b.bucket(buckets.backup)
        .lifecycleConfiguration(c -> c.rules(foreign)));

    try (Stockroom stockroom = stockroom(buckets)) {
      // a backup brings its own bucket's rules in line; the weekly tier's bucket waits
      stockroom.protection().backup(BackupTier.DAILY);
      assertThat(stockroom.protection().backupLifecycles()).extracting(l -> l.plan().bucket(),
          l -> l.plan().hasChanges()).containsExactly(tuple(buckets.backup, false),
          tuple(buckets.away, true));
      stockroom.protection().backupLifecycles().forEach(BucketLifecycle::apply);

      Map<String, LifecycleRule> rules = rules(buckets.backup);
      assertThat(rules.keySet()).containsExactlyInAnyOrder("team-archive",
          "stockroom.backup.daily", "stockroom.backup.daily-manifests",
          "stockroom.backup.monthly", "stockroom.backup.monthly-manifests");
      assertThat(rules.get("team-archive")).isEqualTo(foreign);
      assertCopies(rules.get("stockroom.backup.daily"), "stockroom-backups/daily/", 7);
      assertCopies(rules.get("stockroom.backup.monthly"), "stockroom-backups/monthly/", 365);
      assertManifests(rules.get("stockroom.backup.daily-manifests"),
          "stockroom-backups/manifests/daily/", 7);
      assertManifests(rules.get("stockroom.backup.monthly-manifests"),
          "stockroom-backups/manifests/monthly/", 365);
      Map<String, LifecycleRule> away = rules(buckets.away);
      assertThat(away.keySet()).containsExactlyInAnyOrder("stockroom.backup.weekly",
          "stockroom.backup.weekly-manifests");
      assertCopies(away.get("stockroom.backup.weekly"), "stockroom-backups/weekly/", 30);
      assertManifests(away.get("stockroom.backup.weekly-manifests"),
          "stockroom-backups/manifests/weekly/", 30);
      assertThat(stockroom.protection().backupLifecycles()).extracting(BucketLifecycle::plan)
          .allSatisfy(plan -> assertThat(plan.hasChanges()).isFalse());
    }
  }

  @Test
  void aTamperedManifest_isRefused_namingTheProblem_andNothingIsCopied() {
    Buckets buckets = Buckets.create();
    put(buckets.shop, ORDER_1, "order 1");
    try (Stockroom stockroom = stockroom(buckets)) {
      Backup first = stockroom.protection().backup(BackupTier.DAILY).backup();
      String where = "s3://" + buckets.backup + "/" + first.manifestKey();
      String manifest = admin.getObjectAsBytes(b -> b.bucket(buckets.backup)
          .key(first.manifestKey())).asUtf8String();
      // a copy claimed for an object of another size: the next backup would reuse a wrong copy
      put(buckets.backup, first.manifestKey(), manifest.replace(",7,", ",8,"));
      put(buckets.shop, ORDER_2, "order 2");
      clock.advance(Duration.ofDays(1));
      sent.clear();

      assertThatThrownBy(() -> stockroom.protection().backup(BackupTier.DAILY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("backup manifest " + where + " does not match its signature: it was "
              + "altered after Stockroom wrote it, or signed with another protectionKey; "
              + "refused");
      assertThat(sent.sent("CopyObject")).isEmpty();
      assertThat(stockroom.protection().backups(BackupTier.DAILY)).hasSize(1);

      // signed with the right key, but naming a key outside the transactional prefixes
      String forged = manifest.substring(0, manifest.indexOf("# signature: "))
          .replace("transactional%2Forders%2F2026%2F11%2F22%2Forder-1.json",
              "transactional%2F..%2Fmedia%2Fx.jpg");
      put(buckets.backup, first.manifestKey(), forged + "# signature: hmac-sha256:"
          + HexFormat.of().formatHex(hmac(hmac(PROTECTION_KEY, "stockroom/backup-manifest/v1"),
              forged)) + "\n");

      assertThatThrownBy(() -> stockroom.protection().backup(BackupTier.DAILY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("backup manifest " + where + " line 11 has key "
              + "'transactional%2F..%2Fmedia%2Fx.jpg' where a key of a transactional kind "
              + "belongs");
      assertThat(sent.sent("CopyObject")).isEmpty();
    }
  }

  @Test
  void anUnversionedBackupBucket_isRefused_beforeAnyCopy() {
    Buckets buckets = Buckets.create();
    String plain = SharedS3Mock.newBucket();
    put(buckets.shop, ORDER_1, "order 1");
    try (Stockroom stockroom = StockroomOnS3Mock.builder(buckets.shop, sent)
        .kmsKeyId(SharedS3Mock.KMS_KEY_ID).kmsKeyCheck(false).protectionKey(PROTECTION_KEY)
        .backups(b -> b.bucket(plain)).build()) {
      assertThatThrownBy(() -> stockroom.protection().backup(BackupTier.DAILY))
          .isInstanceOf(BackupException.class)
          .hasMessageStartingWith("backup bucket '" + plain + "' must have versioning enabled "
              + "(it is off)");
      assertThat(sent.sent("CopyObject")).isEmpty();
    }
  }

  private Stockroom stockroom(Buckets buckets) {
    return StockroomOnS3Mock.builder(buckets.shop, sent).kmsKeyId(SharedS3Mock.KMS_KEY_ID)
        .kmsKeyCheck(false).protectionKey(PROTECTION_KEY).clock(clock)
        .backups(b -> b.bucket(buckets.backup).kmsKeyId(SharedS3Mock.OTHER_KMS_KEY_ID)
            .crossRegion(crossRegion, buckets.away, SharedS3Mock.KMS_KEY_ID))
        .build();
  }

  private List<String> copied() {
    return sent.sent("CopyObject").stream()
        .map(s -> source((CopyObjectRequest) s.request())).toList();
  }

  /** Returns the source key of a copy as sent (the SDK folds it into the copy source). */
  static String source(CopyObjectRequest copy) {
    String decoded = java.net.URLDecoder.decode(copy.copySource(), StandardCharsets.UTF_8);
    int query = decoded.indexOf('?');
    return decoded.substring(decoded.indexOf('/') + 1, query < 0 ? decoded.length() : query);
  }

  private static void assertCopies(LifecycleRule rule, String prefix, int days) {
    assertThat(rule.filter().prefix()).isEqualTo(prefix);
    assertThat(rule.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(days);
    assertThat(rule.expiration().expiredObjectDeleteMarker()).isTrue();
  }

  private static void assertManifests(LifecycleRule rule, String prefix, int days) {
    assertThat(rule.filter().prefix()).isEqualTo(prefix);
    assertThat(rule.expiration().days()).isEqualTo(days);
  }

  private static Map<String, LifecycleRule> rules(String bucket) {
    return admin.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules().stream()
        .collect(Collectors.toMap(LifecycleRule::id, rule -> rule));
  }

  static List<String> versions(String bucket, String prefix) {
    var listing = admin.listObjectVersions(b -> b.bucket(bucket).prefix(prefix));
    return listing.versions().stream().map(v -> v.key() + "@" + v.versionId()).toList();
  }

  static void put(String bucket, String key, String body) {
    admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body));
  }

  static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /**
   * The shop's bucket, the backup bucket and the cross-region one; the backup buckets versioned.
   * The shop's is not: S3Mock 5.2.0 still lists an object whose current version is a delete
   * marker (S3 does not), so a deletion in the shop is a plain one here.
   */
  record Buckets(String shop, String backup, String away) {

    static Buckets create() {
      String shop = "shop-" + System.nanoTime();
      admin.createBucket(b -> b.bucket(shop));
      return new Buckets(shop, versioned("backup"), versioned("away"));
    }

    private static String versioned(String role) {
      String bucket = role + "-" + System.nanoTime();
      admin.createBucket(b -> b.bucket(bucket));
      admin.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v
          .status(BucketVersioningStatus.ENABLED)));
      return bucket;
    }
  }
}
