package dev.stockroom.internal.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.exception.LifecycleConflictException;
import dev.stockroom.lifecycle.LifecyclePlan;
import dev.stockroom.lifecycle.RuleChange;
import dev.stockroom.policy.PolicyCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;

class LifecyclePlannerTest {

  private final PolicyCatalog catalog = PolicyCatalog.defaults();
  private final List<LifecycleRule> desired = OwnedRules.desired(catalog);

  @Test
  void rulesReadBackInAnotherSpelling_areUnchanged() {
    List<LifecycleRule> respelled = new ArrayList<>();
    for (LifecycleRule rule : desired) {
      LifecycleRule.Builder other = rule.toBuilder();
      if (rule.filter().prefix().isEmpty()) {
        other.filter(LifecycleRuleFilter.builder().build());
      } else {
        // the legacy, deprecated top-level prefix instead of a filter
        other.filter((LifecycleRuleFilter) null).prefix(rule.filter().prefix());
      }
      if (rule.expiration() != null) {
        other.expiration(rule.expiration().toBuilder().expiredObjectDeleteMarker(false).build());
      }
      if (rule.hasTransitions()) {
        other.transitions(reversed(rule.transitions()));
      }
      respelled.add(other.build());
    }

    LifecyclePlan plan = LifecyclePlanner.plan("b", respelled, catalog);

    assertThat(plan.hasChanges()).isFalse();
    assertThat(plan.unchanged()).hasSize(desired.size());
  }

  @Test
  void ownedRuleWithAnExtraTagFilter_isAChange() {
    List<LifecycleRule> current = new ArrayList<>(desired);
    LifecycleRule first = current.get(0);
    current.set(0, first.toBuilder().filter(LifecycleRuleFilter.builder()
        .tag(t -> t.key("k").value("v")).build()).build());

    LifecyclePlan plan = LifecyclePlanner.plan("b", current, catalog);

    assertThat(plan.changes()).singleElement()
        .satisfies(c -> assertThat(c.ruleId()).isEqualTo(first.id()));
  }

  @Test
  void aDisabledOwnedRule_isAChange_andIsWrittenEnabledAgain() {
    List<LifecycleRule> current = new ArrayList<>(desired);
    LifecycleRule audit = current.stream().filter(r -> r.id().equals("stockroom.audit-log"))
        .findFirst().orElseThrow();
    current.set(current.indexOf(audit), audit.toBuilder().status(ExpirationStatus.DISABLED)
        .build());

    LifecyclePlan plan = LifecyclePlanner.plan("b", current, catalog);

    assertThat(plan.changes()).singleElement().satisfies(change -> {
      assertThat(change.type()).isEqualTo(RuleChange.Type.CHANGE);
      assertThat(change.ruleId()).isEqualTo("stockroom.audit-log");
      assertThat(change.before().orElseThrow().status()).isEqualTo(ExpirationStatus.DISABLED);
      assertThat(change.after().orElseThrow().status()).isEqualTo(ExpirationStatus.ENABLED);
    });
    assertThat(plan.unchanged()).hasSize(desired.size() - 1);
    assertThat(plan.toString()).contains("~ stockroom.audit-log [logs/audit/] (Disabled): "
        + "expire at 2557 days");
  }

  @Test
  void foreignRules_keepTheirPlace_ownedRulesAreReplacedInTheirs_andNewOnesGoLast() {
    LifecycleRule zebra = foreign("zebra-exports", "exports/");
    LifecycleRule alpha = foreign("alpha-tmp", "tmp/");
    LifecycleRule userUpload = desired.stream().filter(r -> r.id().equals("stockroom.user-upload"))
        .findFirst().orElseThrow();
    LifecycleRule edited = userUpload.toBuilder()
        .expiration(LifecycleExpiration.builder().days(20_000).build()).build();
    // as a bucket may hold them: foreign, owned (edited by hand), foreign; the other owned missing
    List<LifecycleRule> current = List.of(zebra, edited, alpha);

    LifecyclePlan plan = LifecyclePlanner.plan("b", current, catalog);

    List<String> expected = new ArrayList<>(List.of("zebra-exports", "stockroom.user-upload",
        "alpha-tmp"));
    desired.stream().map(LifecycleRule::id).filter(id -> !id.equals("stockroom.user-upload"))
        .forEach(expected::add);
    assertThat(plan.resultingRules()).extracting(LifecycleRule::id)
        .containsExactlyElementsOf(expected);
    assertThat(plan.resultingRules().get(0)).isSameAs(zebra);
    assertThat(plan.resultingRules().get(1)).isEqualTo(userUpload);
    assertThat(plan.resultingRules().get(2)).isSameAs(alpha);
    assertThat(plan.foreignRules()).containsExactly(zebra, alpha);
  }

  private static LifecycleRule foreign(String id, String prefix) {
    return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED)
        .filter(f -> f.prefix(prefix))
        .expiration(LifecycleExpiration.builder().days(3).build()).build();
  }

  @Test
  void moreThanOneThousandRules_areRefused() {
    int owned = desired.size();
    List<LifecycleRule> foreign = IntStream.range(0, 1001 - owned)
        .mapToObj(i -> LifecycleRule.builder().id("rule-" + i).status(ExpirationStatus.ENABLED)
            .filter(f -> f.prefix("p" + i + "/"))
            .expiration(LifecycleExpiration.builder().days(1).build()).build())
        .toList();

    assertThatThrownBy(() -> LifecyclePlanner.plan("shop", foreign, catalog))
        .isInstanceOf(LifecycleConflictException.class)
        .hasMessage("bucket 'shop' would hold 1001 lifecycle rules (" + (1001 - owned)
            + " foreign + " + owned + " owned by Stockroom), but S3 allows at most 1000");
    assertThat(LifecyclePlanner.plan("shop", foreign.subList(1, foreign.size()), catalog)
        .resultingRules()).hasSize(1000);
  }

  @Test
  void backupRulesInTheMainBucket_areForeign_andTheCatalogsRulesInABackupBucketToo() {
    LifecycleRule backup = LifecycleRule.builder().id("stockroom.backup.daily")
        .status(ExpirationStatus.ENABLED).filter(f -> f.prefix("stockroom-backups/daily/"))
        .noncurrentVersionExpiration(n -> n.noncurrentDays(7)).build();
    List<LifecycleRule> current = new ArrayList<>(desired);
    current.add(backup);

    LifecyclePlan main = LifecyclePlanner.plan("b", current, catalog);
    LifecyclePlan backups = LifecyclePlanner.plan("b", current, new RuleSet("stockroom.backup.",
        null, List.of(backup), java.util.Set.of(backup.id())));

    assertThat(main.hasChanges()).isFalse();
    assertThat(main.foreignRules()).containsExactly(backup);
    assertThat(backups.hasChanges()).isFalse();
    assertThat(backups.foreignRules()).containsExactlyElementsOf(desired);
  }

  private static <T> List<T> reversed(List<T> list) {
    List<T> copy = new ArrayList<>(list);
    java.util.Collections.reverse(copy);
    return copy;
  }
}
