package dev.stockroom.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.exception.LifecycleConflictException;
import dev.stockroom.exception.StorageException;
import dev.stockroom.Stockroom;
import dev.stockroom.policy.DataKind;
import dev.stockroom.testing.FaultyS3;
import dev.stockroom.testing.RecordingInterceptor;
import dev.stockroom.testing.SharedS3Mock;
import dev.stockroom.testing.StockroomOnS3Mock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

class BucketLifecycleIT {

  private static final String PUT = "PutBucketLifecycleConfiguration";

  /** The default policy's rules, as read back: id -> prefix | actions. */
  private static final Map<String, String> DEFAULT_RULES = new TreeMap<>(Map.ofEntries(
      Map.entry("stockroom.order", "transactional/orders/ | noncurrent 7"),
      Map.entry("stockroom.customer", "transactional/customers/ | noncurrent 7"),
      Map.entry("stockroom.payment", "transactional/payments/ | noncurrent 7"),
      Map.entry("stockroom.product-image", "media/product-images/ | STANDARD_IA@90 GLACIER@365"),
      Map.entry("stockroom.product-video", "media/product-videos/ | STANDARD_IA@90 GLACIER@365"),
      Map.entry("stockroom.user-upload", "media/user-uploads/ | STANDARD_IA@30 expire 180"),
      Map.entry("stockroom.access-log", "logs/access/ | GLACIER@30"),
      Map.entry("stockroom.error-log", "logs/error/ | expire 90"),
      Map.entry("stockroom.audit-log", "logs/audit/ | expire 2557"),
      Map.entry("stockroom.abort-incomplete-uploads", " | abort 7")));

  private final RecordingInterceptor requests = new RecordingInterceptor();
  private final S3Client admin = SharedS3Mock.admin();
  private String bucket;
  private Stockroom stockroom;

  @BeforeEach
  void setUp() {
    bucket = SharedS3Mock.newBucket();
    stockroom = Stockroom.builder().bucket(bucket)
        .s3AsyncClient(SharedS3Mock.asyncClient(requests)).build();
  }

  @AfterEach
  void tearDown() {
    stockroom.close();
  }

  @Test
  void apply_onEmptyBucket_writesExactlyThePolicyRules() {
    LifecyclePlan plan = stockroom.lifecycle().apply();

    assertThat(readBack()).isEqualTo(DEFAULT_RULES);
    assertThat(plan.changes(RuleChange.Type.ADD)).hasSize(DEFAULT_RULES.size());
    assertThat(plan.changes()).hasSize(DEFAULT_RULES.size());
    assertThat(plan.foreignRules()).isEmpty();
    assertThat(requests.sent(PUT)).hasSize(1);
  }

  @Test
  void apply_twice_secondPlanIsEmptyAndSendsNoPut() {
    stockroom.lifecycle().apply();
    requests.clear();

    LifecyclePlan second = stockroom.lifecycle().apply();

    assertThat(second.hasChanges()).isFalse();
    assertThat(second.unchanged()).hasSize(DEFAULT_RULES.size());
    assertThat(requests.sent(PUT)).isEmpty();
    assertThat(requests.sent("GetBucketLifecycleConfiguration")).hasSize(1);
    assertThat(second.toString()).contains("0 to add, 0 to change, 0 to remove, 10 unchanged");
  }

  @Test
  void apply_keepsForeignRulesUnchanged() {
    LifecycleRule foreign = LifecycleRule.builder().id("archive-exports")
        .status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix("exports/").build())
        .transitions(Transition.builder().days(60).storageClass(TransitionStorageClass.DEEP_ARCHIVE)
            .build())
        .build();
    LifecycleRule disabled = LifecycleRule.builder().id("tmp-cleanup")
        .status(ExpirationStatus.DISABLED)
        .filter(LifecycleRuleFilter.builder().prefix("tmp/").build())
        .expiration(LifecycleExpiration.builder().days(3).build())
        .build();
    putRules(List.of(foreign, disabled));
    Map<String, LifecycleRule> before = rulesById();

    LifecyclePlan plan = stockroom.lifecycle().apply();

    Map<String, LifecycleRule> after = rulesById();
    assertThat(after.get("archive-exports")).isEqualTo(before.get("archive-exports"));
    assertThat(after.get("tmp-cleanup")).isEqualTo(before.get("tmp-cleanup"));
    assertThat(after).hasSize(DEFAULT_RULES.size() + 2);
    assertThat(plan.foreignRules()).extracting(LifecycleRule::id)
        .containsExactly("archive-exports", "tmp-cleanup");
    assertThat(stockroom.lifecycle().plan().hasChanges()).isFalse();
  }

  @Test
  void plan_detectsRuleEditedByHand_andApplyRepairsIt() {
    stockroom.lifecycle().apply();
    List<LifecycleRule> edited = new ArrayList<>();
    for (LifecycleRule rule : admin.getBucketLifecycleConfiguration(r -> r.bucket(bucket))
        .rules()) {
      edited.add(rule.id().equals("stockroom.user-upload")
          ? rule.toBuilder().expiration(LifecycleExpiration.builder().days(20_000).build()).build()
          : rule);
    }
    putRules(edited);
    requests.clear();

    LifecyclePlan drift = stockroom.lifecycle().plan();

    assertThat(drift.changes()).singleElement().satisfies(change -> {
      assertThat(change.type()).isEqualTo(RuleChange.Type.CHANGE);
      assertThat(change.ruleId()).isEqualTo("stockroom.user-upload");
      assertThat(change.before().orElseThrow().expiration().days()).isEqualTo(20_000);
      assertThat(change.after().orElseThrow().expiration().days()).isEqualTo(180);
    });
    assertThat(drift.toString()).contains("~ stockroom.user-upload [media/user-uploads/]: "
        + "STANDARD_IA at 30 days, expire at 20000 days");
    assertThat(requests.sent(PUT)).isEmpty();
    assertThat(readBack().get("stockroom.user-upload")).contains("expire 20000");

    stockroom.lifecycle().apply();

    assertThat(readBack()).isEqualTo(DEFAULT_RULES);
  }

  @Test
  void apply_removesOwnedRuleOfAKindWhosePolicyNoLongerHasOne() {
    stockroom.lifecycle().apply();
    try (Stockroom noVideoRule = Stockroom.builder().bucket(bucket)
        .s3AsyncClient(SharedS3Mock.asyncClient())
        .policies(p -> p.policy(DataKind.PRODUCT_VIDEO, v -> v.noTransitions()))
        .build()) {

      LifecyclePlan plan = noVideoRule.lifecycle().apply();

      assertThat(plan.changes()).singleElement().satisfies(change -> {
        assertThat(change.type()).isEqualTo(RuleChange.Type.REMOVE);
        assertThat(change.ruleId()).isEqualTo("stockroom.product-video");
      });
      assertThat(readBack()).doesNotContainKey("stockroom.product-video")
          .hasSize(DEFAULT_RULES.size() - 1);
    }
  }

  @Test
  void apply_withOverriddenPolicy_writesTheOverride() {
    try (Stockroom custom = Stockroom.builder().bucket(bucket)
        .s3AsyncClient(SharedS3Mock.asyncClient())
        .policies(p -> p.policy(DataKind.PRODUCT_IMAGE, i -> i
            .transitions(dev.stockroom.policy.Transition.of(120, TransitionStorageClass.STANDARD_IA),
                dev.stockroom.policy.Transition.of(365, TransitionStorageClass.GLACIER_IR))))
        .build()) {
      custom.lifecycle().apply();
    }

    assertThat(readBack().get("stockroom.product-image"))
        .isEqualTo("media/product-images/ | STANDARD_IA@120 GLACIER_IR@365");
  }

  @Test
  void apply_refusesForeignRuleUsingTheOwnedIdPrefix_andWritesNothing() {
    LifecycleRule squatter = LifecycleRule.builder().id("stockroom.my-own-rule")
        .status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix("mine/").build())
        .expiration(LifecycleExpiration.builder().days(5).build()).build();
    putRules(List.of(squatter));
    requests.clear();

    assertThatThrownBy(() -> stockroom.lifecycle().apply())
        .isInstanceOf(LifecycleConflictException.class)
        .hasMessageContaining("lifecycle rule 'stockroom.my-own-rule' in bucket '" + bucket
            + "' uses the id prefix 'stockroom.'")
        .satisfies(e -> assertThat(((LifecycleConflictException) e).ruleId())
            .contains("stockroom.my-own-rule"));
    assertThat(requests.sent(PUT)).isEmpty();
    assertThat(rulesById()).containsOnlyKeys("stockroom.my-own-rule");
  }

  @Test
  void plan_onMissingBucket_failsWithStorageExceptionNamingTheBucket() {
    try (Stockroom missing = Stockroom.builder().bucket("no-such-bucket-here")
        .s3AsyncClient(SharedS3Mock.asyncClient()).build()) {
      assertThatThrownBy(() -> missing.lifecycle().plan())
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith(
              "GetBucketLifecycleConfiguration on bucket 'no-such-bucket-here' failed with "
                  + "NoSuchBucket (HTTP 404): ")
          .satisfies(e -> assertThat(((StorageException) e).bucket())
              .contains("no-such-bucket-here"));
    }
  }

  @Test
  void applyAsync_putsFailuresIntoTheFuture() {
    try (Stockroom missing = Stockroom.builder().bucket("no-such-bucket-here")
        .s3AsyncClient(SharedS3Mock.asyncClient()).build()) {
      var future = missing.lifecycle().applyAsync();
      assertThatThrownBy(future::get).isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(StorageException.class);
    }
  }

  @Test
  void apply_throughTheCallersSyncClient_sendsTheLifecycleCallsThroughIt() {
    RecordingInterceptor callers = new RecordingInterceptor();
    try (S3Client mine = S3Client.builder().region(SharedS3Mock.REGION)
        .credentialsProvider(SharedS3Mock.CREDENTIALS).endpointOverride(SharedS3Mock.endpoint())
        .forcePathStyle(true).overrideConfiguration(o -> o.addExecutionInterceptor(callers))
        .build()) {
      try (Stockroom sync = Stockroom.builder().bucket(bucket).s3Client(mine)
          .s3AsyncClient(SharedS3Mock.asyncClient(requests)).build()) {
        assertThat(sync.lifecycle().apply().hasChanges()).isTrue();
        assertThat(sync.lifecycle().plan().hasChanges()).isFalse();
      }

      assertThat(callers.sent()).extracting(RecordingInterceptor.Sent::operation).containsExactly(
          "GetBucketLifecycleConfiguration", PUT, "GetBucketLifecycleConfiguration");
      assertThat(requests.sent()).as("Stockroom's async client").isEmpty();
      // Stockroom leaves the caller's client open
      assertThat(mine.listBuckets().buckets()).extracting(b -> b.name()).contains(bucket);
    }
    assertThat(readBack()).isEqualTo(DEFAULT_RULES);
  }

  @Test
  void planAsync_onMissingBucket_returnsAFutureThatFailsWithStorageException() {
    try (Stockroom missing = Stockroom.builder().bucket("no-such-bucket-here")
        .s3AsyncClient(SharedS3Mock.asyncClient()).build()) {
      CompletableFuture<LifecyclePlan> future = missing.lifecycle().planAsync();

      assertThat(future).failsWithin(Duration.ofSeconds(30))
          .withThrowableOfType(ExecutionException.class)
          .havingCause().isInstanceOf(StorageException.class)
          .withMessageStartingWith("GetBucketLifecycleConfiguration on bucket "
              + "'no-such-bucket-here' failed with NoSuchBucket (HTTP 404): ");
      assertThat(future.handle((plan, failure) -> ((StorageException) failure.getCause())
          .operation()).join()).isEqualTo("GetBucketLifecycleConfiguration");
    }
  }

  @Test
  void apply_whoseWriteIsRefused_failsWithStorageExceptionNamingTheWrite() {
    try (FaultyS3 proxy = new FaultyS3().refuse(FaultyS3.putLifecycle(), 403, "AccessDenied");
        Stockroom refused = StockroomOnS3Mock.builder(bucket)
            .endpointOverride(proxy.endpoint()).build()) {
      assertThatThrownBy(() -> refused.lifecycle().apply())
          .isInstanceOf(StorageException.class)
          .hasMessageStartingWith("PutBucketLifecycleConfiguration on bucket '" + bucket
              + "' failed with AccessDenied (HTTP 403): Refused by the test's proxy.")
          .satisfies(e -> {
            StorageException failure = (StorageException) e;
            assertThat(failure.operation()).isEqualTo(PUT);
            assertThat(failure.bucket()).contains(bucket);
            assertThat(failure.statusCode()).hasValue(403);
          });
      assertThat(proxy.faults()).extracting(f -> f.request().method() + " ?"
          + f.request().query()).as("answered once: a 403 is not retried")
          .containsExactly("PUT ?lifecycle");
    }
    assertThatThrownBy(() -> admin.getBucketLifecycleConfiguration(r -> r.bucket(bucket)))
        .isInstanceOf(S3Exception.class)
        .satisfies(e -> assertThat(((S3Exception) e).awsErrorDetails().errorCode())
            .isEqualTo("NoSuchLifecycleConfiguration"));
  }

  @Test
  void apply_writesForeignRulesBackInTheirPlace() {
    // ids whose alphabetical order differs from their place
    LifecycleRule first = foreignRule("zebra-exports", "exports/");
    LifecycleRule third = foreignRule("alpha-tmp", "tmp/");
    LifecycleRule handEdited = LifecycleRule.builder().id("stockroom.user-upload")
        .status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix("media/user-uploads/").build())
        .expiration(LifecycleExpiration.builder().days(20_000).build()).build();
    putRules(List.of(first, handEdited, third));
    assertThat(rawIds()).as("the store keeps the order written")
        .containsExactly("zebra-exports", "stockroom.user-upload", "alpha-tmp");

    stockroom.lifecycle().apply();

    List<LifecycleRule> after = admin.getBucketLifecycleConfiguration(r -> r.bucket(bucket))
        .rules();
    assertThat(after).hasSize(DEFAULT_RULES.size() + 2);
    assertThat(after.get(0)).isEqualTo(first);
    assertThat(after.get(1).id()).isEqualTo("stockroom.user-upload");
    assertThat(after.get(1).expiration().days()).isEqualTo(180);
    assertThat(after.get(2)).isEqualTo(third);
    assertThat(readBack()).containsAllEntriesOf(DEFAULT_RULES);
  }

  private static LifecycleRule foreignRule(String id, String prefix) {
    return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix(prefix).build())
        .expiration(LifecycleExpiration.builder().days(3).build()).build();
  }

  private List<String> rawIds() {
    return admin.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules().stream()
        .map(LifecycleRule::id).toList();
  }

  @Test
  void calls_afterClose_areRefused() {
    stockroom.close();
    assertThatThrownBy(() -> stockroom.lifecycle().plan())
        .isInstanceOf(IllegalStateException.class).hasMessage("stockroom is closed");
    assertThat(requests.sent()).isEmpty();
  }

  private void putRules(List<LifecycleRule> rules) {
    admin.putBucketLifecycleConfiguration(r -> r.bucket(bucket)
        .lifecycleConfiguration(c -> c.rules(rules)));
  }

  private Map<String, LifecycleRule> rulesById() {
    Map<String, LifecycleRule> rules = new TreeMap<>();
    admin.getBucketLifecycleConfiguration(r -> r.bucket(bucket)).rules()
        .forEach(rule -> rules.put(rule.id(), rule));
    return rules;
  }

  /** Reads the bucket's rules back and describes each independently of Stockroom's own code. */
  private Map<String, String> readBack() {
    Map<String, String> described = new TreeMap<>();
    rulesById().forEach((id, rule) -> {
      List<String> actions = new ArrayList<>();
      rule.transitions().forEach(t -> actions.add(t.storageClassAsString() + "@" + t.days()));
      if (rule.expiration() != null) {
        actions.add("expire " + rule.expiration().days());
      }
      if (rule.noncurrentVersionExpiration() != null) {
        actions.add("noncurrent " + rule.noncurrentVersionExpiration().noncurrentDays());
      }
      if (rule.abortIncompleteMultipartUpload() != null) {
        actions.add("abort " + rule.abortIncompleteMultipartUpload().daysAfterInitiation());
      }
      assertThat(rule.status()).isEqualTo(ExpirationStatus.ENABLED);
      String prefix = rule.filter().prefix() == null ? "" : rule.filter().prefix();
      described.put(id, prefix + " | " + String.join(" ", actions));
    });
    return described;
  }
}
