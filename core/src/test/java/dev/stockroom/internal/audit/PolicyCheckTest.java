package dev.stockroom.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stockroom.audit.Finding;
import dev.stockroom.policy.PolicyCatalog;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules, read off DESIGN.md's policy table: product images go STANDARD → STANDARD_IA at 90
 * days → GLACIER at 365; audit logs are uploaded to GLACIER and kept 7 years under COMPLIANCE;
 * pages are served with {@code public, max-age=3600}; transactional data is SSE-KMS.
 */
class PolicyCheckTest {

  private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
  private static final String KEY_ID = "4f7a1c9e-2d3b-4e8f-9a6b-0c1d2e3f4a5b";
  private final PolicyCheck check = new PolicyCheck(PolicyCatalog.defaults(),
      new PolicyCheck.Settings(KEY_ID, null, true, true), NOW);

  @Test
  void storageClass_followsTheChainByAge_andLifecycleLagIsNoFinding() {
    assertThat(findings(image(100, "GLACIER"))).containsExactly(Finding.STORAGE_CLASS);
    assertThat(findings(image(364, "GLACIER"))).containsExactly(Finding.STORAGE_CLASS);
    assertThat(findings(image(365, "GLACIER"))).isEmpty();
    assertThat(findings(image(89, "STANDARD_IA"))).containsExactly(Finding.STORAGE_CLASS);
    assertThat(findings(image(90, "STANDARD_IA"))).isEmpty();
    // warmer than its age implies: lifecycle moves it (or it is under 128 KB and stays)
    assertThat(findings(image(400, "STANDARD"))).isEmpty();
    // never on the chain
    assertThat(findings(image(10, "INTELLIGENT_TIERING"))).containsExactly(Finding.STORAGE_CLASS);
    assertThat(findings(image(10, "DEEP_ARCHIVE"))).containsExactly(Finding.STORAGE_CLASS);
  }

  @Test
  void auditLogs_areGlacier_withSevenYearsOfComplianceFromTheirWrite() {
    Instant written = NOW.minus(Duration.ofDays(3));
    Instant sevenYears = Instant.parse("2033-11-19T12:00:00Z");
    assertThat(findings(auditLog(written, "GLACIER", "COMPLIANCE", sevenYears))).isEmpty();
    assertThat(findings(auditLog(written, "STANDARD", "COMPLIANCE", sevenYears)))
        .containsExactly(Finding.STORAGE_CLASS);
    assertThat(findings(auditLog(written, "GLACIER", "GOVERNANCE", sevenYears)))
        .containsExactly(Finding.RETENTION);
    assertThat(findings(auditLog(written, "GLACIER", "", null)))
        .containsExactly(Finding.RETENTION);
    assertThat(findings(auditLog(written, "GLACIER", "COMPLIANCE",
        sevenYears.minus(Duration.ofDays(2))))).containsExactly(Finding.RETENTION);
  }

  @Test
  void encryption_transactionalIsKmsWithTheConfiguredKeyAndABucketKey() {
    assertThat(findings(order("SSE-S3", null, null))).containsExactly(Finding.ENCRYPTION);
    assertThat(findings(order("SSE-C", null, null))).containsExactly(Finding.ENCRYPTION);
    assertThat(findings(order("SSE-KMS", "arn:aws:kms:eu-west-1:111122223333:key/" + KEY_ID,
        true))).isEmpty();
    assertThat(findings(order("SSE-KMS", "arn:aws:kms:eu-west-1:111122223333:key/other", true)))
        .containsExactly(Finding.KMS_KEY);
    assertThat(findings(order("SSE-KMS", KEY_ID, false))).containsExactly(Finding.BUCKET_KEY);
    assertThat(findings(order("DSSE-KMS", KEY_ID, null))).isEmpty();
  }

  @Test
  void headers_cacheControlByDirectives_contentTypeByMediaType() {
    assertThat(findings(page("Public,max-age=3600", "text/html"))).isEmpty();
    assertThat(findings(page("max-age=3600, public", "text/html; charset=utf-8"))).isEmpty();
    assertThat(findings(page("public, max-age=60", "text/html")))
        .containsExactly(Finding.CACHE_CONTROL);
    assertThat(findings(page("public, max-age=3600", "text/plain")))
        .containsExactly(Finding.CONTENT_TYPE);
    assertThat(findings(page("public, max-age=3600", ""))).containsExactly(Finding.CONTENT_TYPE);
  }

  @Test
  void unknownPrefix_isOnlyThat() {
    assertThat(findings(new ObjectRecord("exports/x.csv", null, 1, NOW, "e", "GLACIER", "NOT-SSE",
        null, null, "", null, "", ""))).containsExactly(Finding.UNKNOWN_PREFIX);
  }

  private Set<Finding> findings(ObjectRecord object) {
    return check.check(object).findings();
  }

  private static ObjectRecord image(int ageDays, String storageClass) {
    return new ObjectRecord("media/product-images/a.jpg", null, 1,
        NOW.minus(Duration.ofDays(ageDays)), "e", storageClass, "SSE-KMS", KEY_ID, true, null,
        null, "public, max-age=31536000, immutable", "image/jpeg");
  }

  private static ObjectRecord auditLog(Instant written, String storageClass, String mode,
      Instant until) {
    return new ObjectRecord("logs/audit/a.log", null, 1, written, "e", storageClass, "SSE-KMS",
        KEY_ID, true, mode, until, "private, no-store", "text/plain");
  }

  private static ObjectRecord order(String sse, String keyId, Boolean bucketKey) {
    return new ObjectRecord("transactional/orders/a.json", null, 1, NOW, "e", "STANDARD", sse,
        keyId, bucketKey, null, null, "private, no-store", "application/json");
  }

  private static ObjectRecord page(String cacheControl, String contentType) {
    return new ObjectRecord("media/pages/a.html", null, 1, NOW, "e", "STANDARD", "SSE-KMS",
        KEY_ID, true, null, null, cacheControl, contentType);
  }
}
