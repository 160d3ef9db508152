package dev.stockroom.cost;

import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * Which small objects a bucket's lifecycle transitions, as S3's
 * {@code TransitionDefaultMinimumObjectSize} setting says (or a rule's own size filter).
 */
public enum TransitionMinimumSize {
  /**
   * S3's default ({@code all_storage_classes_128K}): objects smaller than 128 KB never transition;
   * they stay in the class they were uploaded to.
   */
  ALL_STORAGE_CLASSES_128K,
  /**
   * {@code varies_by_storage_class}: objects smaller than 128 KB transition to GLACIER and
   * DEEP_ARCHIVE only.
   */
  VARIES_BY_STORAGE_CLASS,
  /**
   * Every object transitions whatever its size, as when each rule carries an
   * {@code ObjectSizeGreaterThan} filter below 128 KB (custom filters override the default).
   */
  NONE;

  /** Objects smaller than this do not transition by default. */
  static final long SMALL_OBJECT_BYTES = 128 * 1024;

  /** Returns whether lifecycle moves an object of {@code bytes} into {@code target}. */
  boolean transitions(long bytes, StorageClass target) {
    if (bytes >= SMALL_OBJECT_BYTES || this == NONE) {
      return true;
    }
    return this == VARIES_BY_STORAGE_CLASS
        && (target == StorageClass.GLACIER || target == StorageClass.DEEP_ARCHIVE);
  }
}
