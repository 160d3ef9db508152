package dev.stockroom.policy;

import static dev.stockroom.validation.Require.argument;

import dev.stockroom.validation.ObjectKeys;
import java.time.Period;
import java.util.List;

/**
 * The rules every {@link StoragePolicy} keeps, checked when it is built: values S3 would reject
 * and the product's own invariants (transactional data is always KMS-encrypted and never linked;
 * audit logs never expire before their retention). Messages name the kind, the field and the value.
 */
final class PolicyInvariants {

  /** S3 moves objects out of an infrequent-access class no sooner than this many days. */
  static final int INFREQUENT_ACCESS_MINIMUM_DAYS = 30;

  private PolicyInvariants() {}

  /** Checks one policy. */
  static void check(StoragePolicy policy) {
    DataKind kind = policy.kind();
    checkPrefix(kind, policy.prefix());
    checkCacheControl(kind, policy.cacheControl());
    argument(StorageClassOrder.rank(policy.storageClass().toString()) >= 0,
        "%s: storageClass must be one of STANDARD, INTELLIGENT_TIERING, STANDARD_IA, ONEZONE_IA, "
            + "GLACIER_IR, GLACIER, DEEP_ARCHIVE, but was %s", kind, policy.storageClass());
    checkTransitions(policy);
    checkExpirations(policy);
    checkTransactional(policy);
    checkRetention(policy);
  }

  private static void checkPrefix(DataKind kind, String prefix) {
    argument(!prefix.isEmpty(), "%s: prefix must not be empty", kind);
    argument(prefix.endsWith("/"), "%s: prefix must end with '/', but was '%s'", kind, prefix);
    ObjectKeys.prefixProblem(prefix).ifPresent(problem ->
        argument(false, "%s: prefix %s, but was '%s'", kind, problem, prefix));
  }

  private static void checkCacheControl(DataKind kind, String cacheControl) {
    argument(!cacheControl.isBlank(), "%s: cacheControl must not be blank", kind);
    argument(cacheControl.chars().noneMatch(c -> c < 0x20 || c == 0x7f),
        "%s: cacheControl must not contain control characters, but was '%s'", kind,
        cacheControl.replaceAll("\\p{Cntrl}", "?"));
  }

  private static void checkTransitions(StoragePolicy policy) {
    DataKind kind = policy.kind();
    int previousRank = StorageClassOrder.rank(policy.storageClass().toString());
    String previousClass = policy.storageClass().toString();
    Transition previous = null;
    for (Transition transition : policy.transitions()) {
      String target = transition.storageClass().toString();
      int rank = StorageClassOrder.rank(target);
      argument(rank > previousRank, "%s: transition to %s at %s days must move to a colder class "
          + "than %s", kind, target, transition.days(), previousClass);
      if (StorageClassOrder.isInfrequentAccess(target)) {
        argument(transition.days() >= INFREQUENT_ACCESS_MINIMUM_DAYS,
            "%s: transition days for %s must be at least %s, but was %s", kind, target,
            INFREQUENT_ACCESS_MINIMUM_DAYS, transition.days());
      }
      if (previous != null) {
        argument(transition.days() > previous.days(), "%s: transition days must increase, but %s "
            + "follows %s", kind, transition, previous);
        if (StorageClassOrder.isInfrequentAccess(previous.storageClass().toString())) {
          argument(transition.days() >= previous.days() + INFREQUENT_ACCESS_MINIMUM_DAYS,
              "%s: transition days for %s must be at least %s days after the %s transition (%s), "
                  + "but was %s", kind, target, INFREQUENT_ACCESS_MINIMUM_DAYS,
              previous.storageClass(), previous.days(), transition.days());
        }
      }
      previous = transition;
      previousRank = rank;
      previousClass = target;
    }
  }

  private static void checkExpirations(StoragePolicy policy) {
    DataKind kind = policy.kind();
    policy.expirationDays().ifPresent(days -> {
      argument(days >= 1, "%s: expirationDays must be at least 1, but was %s", kind, days);
      List<Transition> transitions = policy.transitions();
      if (!transitions.isEmpty()) {
        Transition last = transitions.get(transitions.size() - 1);
        argument(days > last.days(), "%s: expirationDays must be after the last transition (%s), "
            + "but was %s", kind, last, days);
      }
    });
    policy.noncurrentVersionExpirationDays().ifPresent(days -> argument(days >= 1,
        "%s: noncurrentVersionExpirationDays must be at least 1, but was %s", kind, days));
  }

  private static void checkTransactional(StoragePolicy policy) {
    if (policy.dataClass() != DataClass.TRANSACTIONAL) {
      return;
    }
    argument(policy.encryption() == EncryptionRequirement.KMS_REQUIRED,
        "%s: encryption must be KMS_REQUIRED for transactional data, but was %s",
        policy.kind(), policy.encryption());
    argument(policy.linkAccess() == LinkAccess.REFUSED,
        "%s: linkAccess must be REFUSED for transactional data, but was %s",
        policy.kind(), policy.linkAccess());
  }

  private static void checkRetention(StoragePolicy policy) {
    DataKind kind = policy.kind();
    argument(kind != DataKind.AUDIT_LOG || policy.retention().isPresent(),
        "%s: retention must be set for audit logs", kind);
    policy.retention().ifPresent(retention -> {
      argument(!retention.isNegative() && !retention.isZero(),
          "%s: retention must be positive, but was %s", kind, retention);
      long longest = longestSpanInDays(retention);
      policy.expirationDays().ifPresent(days -> argument(days >= longest,
          "%s: expirationDays must not come before the end of the %s retention (%s days), "
              + "but was %s", kind, retention, longest, days));
    });
  }

  /**
   * Returns the most days the period can span from any start date: a year may hold a leap day
   * and a month 31 days, so an expiration of this many days never precedes the retention's end.
   */
  static long longestSpanInDays(Period period) {
    long years = period.getYears() + period.getMonths() / 12;
    long months = period.getMonths() % 12;
    return years * 365 + (years + 3) / 4 + months * 31 + period.getDays();
  }
}
