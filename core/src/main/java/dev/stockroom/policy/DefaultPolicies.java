package dev.stockroom.policy;

import static dev.stockroom.policy.EncryptionRequirement.KMS_IF_CONFIGURED;
import static dev.stockroom.policy.EncryptionRequirement.KMS_REQUIRED;
import static dev.stockroom.policy.EncryptionRequirement.S3_MANAGED;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.GLACIER;
import static software.amazon.awssdk.services.s3.model.TransitionStorageClass.STANDARD_IA;

import java.time.Period;
import java.util.List;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** The product's default policy for every kind: the table in {@code docs/policy.md}. */
final class DefaultPolicies {

  static final String PRIVATE_NO_STORE = "private, no-store";
  static final String PUBLIC_IMMUTABLE = "public, max-age=31536000, immutable";
  static final int NONCURRENT_TRANSACTIONAL_DAYS = 7;
  static final int ABORT_INCOMPLETE_MULTIPART_DAYS = 7;
  /** Seven years, with their (at most two) leap days: the audit retention's longest span. */
  static final int AUDIT_EXPIRATION_DAYS = 2557;
  static final Period AUDIT_RETENTION = Period.ofYears(7);

  private DefaultPolicies() {}

  static List<StoragePolicy> all() {
    return List.of(
        transactional(DataKind.ORDER, "transactional/orders/").build(),
        transactional(DataKind.CUSTOMER, "transactional/customers/").erasable(true).build(),
        transactional(DataKind.PAYMENT, "transactional/payments/").build(),
        media(DataKind.PRODUCT_IMAGE, "media/product-images/", PUBLIC_IMMUTABLE)
            .transitions(Transition.of(90, STANDARD_IA), Transition.of(365, GLACIER)).build(),
        media(DataKind.PRODUCT_VIDEO, "media/product-videos/", PUBLIC_IMMUTABLE)
            .transitions(Transition.of(90, STANDARD_IA), Transition.of(365, GLACIER)).build(),
        media(DataKind.PAGE, "media/pages/", "public, max-age=3600").build(),
        media(DataKind.USER_UPLOAD, "media/user-uploads/", "private, max-age=3600")
            .linkAccess(LinkAccess.SHORT_LIVED)
            .transitions(Transition.of(30, STANDARD_IA)).expirationDays(180).build(),
        log(DataKind.ACCESS_LOG, "logs/access/", S3_MANAGED)
            .transitions(Transition.of(30, GLACIER)).build(),
        log(DataKind.ERROR_LOG, "logs/error/", S3_MANAGED).expirationDays(90).build(),
        log(DataKind.AUDIT_LOG, "logs/audit/", KMS_IF_CONFIGURED)
            .storageClass(StorageClass.GLACIER)
            .retention(AUDIT_RETENTION).expirationDays(AUDIT_EXPIRATION_DAYS).build());
  }

  private static StoragePolicy.Builder transactional(DataKind kind, String prefix) {
    return StoragePolicy.builder(kind).prefix(prefix).encryption(KMS_REQUIRED)
        .cacheControl(PRIVATE_NO_STORE).linkAccess(LinkAccess.REFUSED)
        .noncurrentVersionExpirationDays(NONCURRENT_TRANSACTIONAL_DAYS);
  }

  private static StoragePolicy.Builder media(DataKind kind, String prefix, String cacheControl) {
    return StoragePolicy.builder(kind).prefix(prefix).encryption(KMS_IF_CONFIGURED)
        .cacheControl(cacheControl).linkAccess(LinkAccess.ALLOWED);
  }

  private static StoragePolicy.Builder log(DataKind kind, String prefix,
      EncryptionRequirement encryption) {
    return StoragePolicy.builder(kind).prefix(prefix).encryption(encryption)
        .cacheControl(PRIVATE_NO_STORE).linkAccess(LinkAccess.REFUSED);
  }
}
