package dev.stockroom.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import dev.stockroom.protection.ErasureEntry.Outcome;
import dev.stockroom.testing.MutableClock;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Erasure of a data subject against S3Mock: every version and delete marker goes, read back with
 * ListObjectVersions; what Object Lock holds is reported from the lock state Stockroom reads
 * (S3Mock stores legal holds and retentions but would delete the versions anyway, so the test
 * also checks that no DeleteObjects request ever names a held version).
 */
class ErasureIT {

  private static final byte[] PROTECTION_KEY = "0123456789abcdef0123456789abcdef"
      .getBytes(StandardCharsets.US_ASCII);
  private static final String SUBJECT = "c-1001";
  private static final String PROFILE = "transactional/customers/c-1001/profile.json";
  private static final String ADDRESS = "transactional/customers/c-1001/addresses/home.json";
  private static final String ORDER = "transactional/orders/2026/11/order-77.json";
  private static final S3Client admin = SharedS3Mock.admin();

  private final RecordingInterceptor sent = new RecordingInterceptor();

  @Test
  void erase_deletesEveryVersionAndDeleteMarker_andStoresAReceiptWithoutPersonalData() {
    String bucket = versionedBucket(false);
    put(bucket, PROFILE, "v1");
    put(bucket, PROFILE, "v2");
    put(bucket, PROFILE, "v3");
    admin.deleteObject(b -> b.bucket(bucket).key(PROFILE));
    put(bucket, ADDRESS, "home");
    admin.deleteObject(b -> b.bucket(bucket).key(ADDRESS));
    put(bucket, ORDER, "order 1");
    put(bucket, ORDER, "order 1, paid");
    // neighbours that share a prefix or begin with a named key stay
    put(bucket, "transactional/customers/c-10010/profile.json", "another customer");
    put(bucket, ORDER + ".bak", "not named");

    try (Stockroom stockroom = stockroom(bucket)) {
      ErasurePlan plan = stockroom.protection().planErasure(ErasureRequest.builder()
          .subject(SUBJECT).key(ORDER).reference("DSR-2026-0042").build());

      assertThat(plan.versions()).hasSize(8);
      assertThat(plan.versions().stream().filter(ObjectVersion::deleteMarker)).hasSize(2);
      assertThat(plan.conflicts()).isEmpty();
      assertThat(plan.deletable()).hasSize(8);
      assertThat(plan.toString()).doesNotContain(SUBJECT).doesNotContain("profile")
          .contains(bucket);
      assertThat(versionsOf(bucket, "transactional/")).hasSize(10);

      ErasureReceipt receipt = plan.apply();

      assertThat(versionsOf(bucket, "transactional/customers/c-1001/")).isEmpty();
      assertThat(versionsOf(bucket, ORDER)).containsOnly(ORDER + ".bak");
      assertThat(versionsOf(bucket, "transactional/customers/c-10010/")).hasSize(1);
      assertThat(receipt.complete()).isTrue();
      assertThat(receipt.counts()).isEqualTo(Map.of(Outcome.ERASED, 8L, Outcome.HELD, 0L,
          Outcome.FAILED, 0L, Outcome.REMAINING, 0L));
      assertThat(receipt.reference()).contains("DSR-2026-0042");
      assertThat(receipt.subjectHash()).isEqualTo(hash("subject\n" + SUBJECT));
      assertThat(receipt.entries()).extracting(ErasureEntry::keyHash)
          .containsOnly(hash("key\n" + PROFILE), hash("key\n" + ADDRESS), hash("key\n" + ORDER));
      List<DeleteObjectsRequest> deletes = sent.sent("DeleteObjects").stream()
          .map(s -> (DeleteObjectsRequest) s.request()).toList();
      assertThat(deletes).singleElement().satisfies(delete -> assertThat(delete.delete()
          .objects()).extracting(ObjectIdentifier::versionId).doesNotContainNull().hasSize(8));

      String stored = receipt.storedAs().orElseThrow();
      assertThat(stored).startsWith("logs/audit/erasure/" + receipt.receiptId());
      var head = admin.headObject(b -> b.bucket(bucket).key(stored));
      assertThat(head.storageClass()).isEqualTo(StorageClass.GLACIER);
      String json = admin.getObjectAsBytes(b -> b.bucket(bucket).key(stored)).asUtf8String();
      assertThat(json).isEqualTo(receipt.toJson()).contains("\"complete\": true")
          .doesNotContain(SUBJECT).doesNotContain("profile").doesNotContain("order-77")
          .contains(hash("key\n" + PROFILE));

      sent.clear();
      ErasureReceipt again = stockroom.protection().erase(ErasureRequest.builder()
          .subject(SUBJECT).key(ORDER).build());

      assertThat(again.complete()).isTrue();
      assertThat(again.entries()).isEmpty();
      assertThat(sent.sent("DeleteObjects")).isEmpty();
    }
  }

  @Test
  void versionsUnderLegalHoldOrRetention_areReportedHeld_andNeverSentForDeletion() {
    String bucket = versionedBucket(true);
    String held = put(bucket, PROFILE, "held by the legal department");
    put(bucket, PROFILE, "newer");
    String retained = put(bucket, ADDRESS, "kept by a retention");
    Instant until = Instant.now().plus(365, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    admin.putObjectLegalHold(b -> b.bucket(bucket).key(PROFILE).versionId(held)
        .legalHold(h -> h.status(ObjectLockLegalHoldStatus.ON)));
    admin.putObjectRetention(b -> b.bucket(bucket).key(ADDRESS).versionId(retained)
        .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until)));

    try (Stockroom stockroom = stockroom(bucket)) {
      ErasurePlan plan = stockroom.protection().planErasure(ErasureRequest.subject(SUBJECT));

      assertThat(plan.conflicts()).hasSize(2);
      assertThat(plan.conflicts()).filteredOn(LockConflict::legalHold).singleElement()
          .satisfies(c -> {
            assertThat(c.version().versionId()).isEqualTo(held);
            assertThat(c.retainUntil()).isEmpty();
          });
      assertThat(plan.conflicts()).filteredOn(c -> !c.legalHold()).singleElement()
          .satisfies(c -> {
            assertThat(c.version().versionId()).isEqualTo(retained);
            assertThat(c.retentionMode()).contains("COMPLIANCE");
            assertThat(c.retainUntil()).contains(until);
          });
      // each version's lock state was asked, by version id
      assertThat(sent.sent("GetObjectLegalHold")).hasSize(3);
      assertThat(sent.sent("GetObjectRetention")).hasSize(3);

      ErasureReceipt receipt = plan.apply();

      assertThat(receipt.complete()).isFalse();
      assertThat(receipt.counts()).containsEntry(Outcome.ERASED, 1L)
          .containsEntry(Outcome.HELD, 2L).containsEntry(Outcome.REMAINING, 0L);
      assertThat(receipt.notErased()).extracting(ErasureEntry::versionId)
          .containsExactlyInAnyOrder(held, retained);
      assertThat(receipt.notErased()).filteredOn(e -> e.versionId().equals(retained))
          .singleElement().satisfies(e -> {
            assertThat(e.retainUntil()).contains(until);
            assertThat(e.detail()).isEqualTo("COMPLIANCE until " + until);
          });
      Set<String> named = sent.sent("DeleteObjects").stream()
          .flatMap(s -> ((DeleteObjectsRequest) s.request()).delete().objects().stream())
          .map(ObjectIdentifier::versionId).collect(Collectors.toSet());
      assertThat(named).hasSize(1).doesNotContain(held, retained);
      assertThat(versionIdsOf(bucket, "transactional/customers/c-1001/"))
          .containsExactlyInAnyOrder(held, retained);
      assertThat(receipt.toString()).contains("NOT complete").doesNotContain(SUBJECT)
          .contains("HELD").contains("legal hold");
    }
  }

  @Test
  void erase_reachesEveryVersionOfTheBackupCopies_inEachTiersBucket() {
    String shop = versionedBucket(false);
    String backups = versionedBucket(false);
    String away = versionedBucket(false);
    MutableClock clock = new MutableClock(Instant.parse("2026-11-22T02:00:00Z"));
    try (S3AsyncClient otherRegion = SharedS3Mock.asyncClientBuilder()
            .region(Region.EU_WEST_1).build();
        Stockroom stockroom = StockroomOnS3Mock.builder(shop, sent)
            .kmsKeyId(SharedS3Mock.KMS_KEY_ID).kmsKeyCheck(false).protectionKey(PROTECTION_KEY)
            .clock(clock).backups(b -> b.bucket(backups)
                .crossRegion(otherRegion, away, SharedS3Mock.KMS_KEY_ID)).build()) {
      put(shop, PROFILE, "v1");
      put(shop, ADDRESS, "home");
      put(shop, ORDER, "order");
      put(shop, "transactional/payments/p-9.json", "another customer's payment");
      stockroom.protection().backup(BackupTier.DAILY);
      stockroom.protection().backup(BackupTier.WEEKLY);
      stockroom.protection().backup(BackupTier.MONTHLY);
      clock.advance(Duration.ofDays(1));
      put(shop, PROFILE, "v2");
      stockroom.protection().backup(BackupTier.DAILY);
      clock.advance(Duration.ofDays(1));
      // the address is deleted for good in the shop: its daily copy gets a delete marker
      admin.listObjectVersions(b -> b.bucket(shop).prefix(ADDRESS)).versions().forEach(v ->
          admin.deleteObject(b -> b.bucket(shop).key(ADDRESS).versionId(v.versionId())));
      stockroom.protection().backup(BackupTier.DAILY);
      String daily = "stockroom-backups/daily/transactional/customers/c-1001/";
      assertThat(versionsOf(backups, daily)).containsExactlyInAnyOrder(
          "stockroom-backups/daily/" + PROFILE, "stockroom-backups/daily/" + PROFILE,
          "stockroom-backups/daily/" + ADDRESS, "stockroom-backups/daily/" + ADDRESS);
      assertThat(versionsOf(away, "stockroom-backups/weekly/transactional/customers/"))
          .hasSize(2);

      ErasurePlan plan = stockroom.protection().planErasure(ErasureRequest.builder()
          .subject(SUBJECT).key(ORDER).build());

      assertThat(plan.buckets()).containsExactly(shop, backups, away);
      ErasureReceipt receipt = plan.apply();

      assertThat(receipt.complete()).isTrue();
      for (String bucket : List.of(shop, backups, away)) {
        assertThat(versionsOf(bucket, "transactional/customers/c-1001/")).isEmpty();
        for (String tier : List.of("daily", "weekly", "monthly")) {
          assertThat(versionsOf(bucket, "stockroom-backups/" + tier
              + "/transactional/customers/c-1001/")).isEmpty();
          assertThat(versionsOf(bucket, "stockroom-backups/" + tier + "/" + ORDER)).isEmpty();
        }
      }
      // shop: 2 profile versions, 1 order; backups: daily 2 + 2 + 1 order, monthly 2 + 1;
      // away: weekly 2 + 1; and the first version of each of the 5 manifests naming them
      assertThat(receipt.count(Outcome.ERASED)).isEqualTo(3 + 5 + 3 + 3 + 5);
      assertThat(receipt.buckets()).containsExactly(shop, backups, away);
      for (BackupTier tier : BackupTier.values()) {
        for (Backup backup : stockroom.protection().backups(tier)) {
          String manifest = admin.getObjectAsBytes(b -> b.bucket(backup.bucket())
              .key(backup.manifestKey())).asUtf8String();
          assertThat(manifest).doesNotContain("c-1001").doesNotContain("order-77");
          assertThat(versionsOf(backup.bucket(), backup.manifestKey())).hasSize(1);
        }
      }
      // the manifests, signed anew, still restore what they hold
      RestoreReport drill = stockroom.protection().drill(BackupTier.DAILY,
          RestoreTarget.scratchPrefix("drills/").cleanUp());
      assertThat(drill.passed()).isTrue();
      assertThat(drill.restored()).isEqualTo(1);
    }
  }

  @Test
  void aBadSubjectOrKey_isRefusedBeforeAnyRequest() {
    String bucket = versionedBucket(false);
    put(bucket, PROFILE, "stays");
    try (Stockroom stockroom = stockroom(bucket)) {
      sent.clear();
      assertThatThrownBy(() -> stockroom.protection().erase(ErasureRequest.subject(
          "c-1001/../../orders")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("subject must be").hasMessageEndingWith(
              "but was 'c-1001/../../orders'");
      assertThatThrownBy(() -> stockroom.protection().erase(ErasureRequest.builder()
          .subject(SUBJECT).key("transactional//x").build()))
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key must not "
              + "contain empty or blank segments, but was 'transactional//x'");
      assertThat(sent.sent()).isEmpty();
      assertThat(versionsOf(bucket, "transactional/")).containsExactly(PROFILE);
    }
  }

  @Test
  void afterClose_theAsyncCallsFail_inTheirFutures() {
    Stockroom stockroom = stockroom(versionedBucket(false));
    stockroom.close();

    assertThat(stockroom.protection().planErasureAsync(ErasureRequest.subject(SUBJECT)))
        .failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
        .havingCause().isInstanceOf(IllegalStateException.class)
        .withMessage("stockroom is closed");
  }

  private Stockroom stockroom(String bucket) {
    return StockroomOnS3Mock.builder(bucket, sent).kmsKeyId(SharedS3Mock.KMS_KEY_ID)
        .kmsKeyCheck(false).protectionKey(PROTECTION_KEY).build();
  }

  private static String versionedBucket(boolean objectLock) {
    String bucket = "erase-" + System.nanoTime();
    admin.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(objectLock));
    admin.putBucketVersioning(b -> b.bucket(bucket).versioningConfiguration(v -> v
        .status(BucketVersioningStatus.ENABLED)));
    return bucket;
  }

  private static String put(String bucket, String key, String body) {
    return admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString(body))
        .versionId();
  }

  /** Returns the key of every version and delete marker under {@code prefix}. */
  private static List<String> versionsOf(String bucket, String prefix) {
    var listing = admin.listObjectVersions(b -> b.bucket(bucket).prefix(prefix));
    List<String> keys = new ArrayList<>();
    listing.versions().forEach(v -> keys.add(v.key()));
    listing.deleteMarkers().forEach(m -> keys.add(m.key()));
    return keys;
  }

  private static List<String> versionIdsOf(String bucket, String prefix) {
    var listing = admin.listObjectVersions(b -> b.bucket(bucket).prefix(prefix));
    List<String> ids = new ArrayList<>();
    listing.versions().forEach(v -> ids.add(v.versionId()));
    listing.deleteMarkers().forEach(m -> ids.add(m.versionId()));
    return ids;
  }

  /** The documented receipt hash, computed here from its definition. */
  private static String hash(String message) {
    byte[] receiptKey = hmac(PROTECTION_KEY, "stockroom/erasure-receipt/v1");
    return HexFormat.of().formatHex(hmac(receiptKey, message));
  }

  private static byte[] hmac(byte[] key, String message) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
