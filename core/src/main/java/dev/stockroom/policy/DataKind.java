package dev.stockroom.policy;

import dev.stockroom.validation.Require;
import java.util.Locale;

/** A kind of data within a {@link DataClass}; each kind has exactly one {@link StoragePolicy}. */
public enum DataKind {
  ORDER(DataClass.TRANSACTIONAL),
  CUSTOMER(DataClass.TRANSACTIONAL),
  PAYMENT(DataClass.TRANSACTIONAL),
  PRODUCT_IMAGE(DataClass.MEDIA),
  PRODUCT_VIDEO(DataClass.MEDIA),
  PAGE(DataClass.MEDIA),
  USER_UPLOAD(DataClass.MEDIA),
  ACCESS_LOG(DataClass.LOG),
  ERROR_LOG(DataClass.LOG),
  AUDIT_LOG(DataClass.LOG);

  private final DataClass dataClass;
  private final String id;

  DataKind(DataClass dataClass) {
    this.dataClass = dataClass;
    this.id = name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** Returns the class this kind belongs to. */
  public DataClass dataClass() {
    return dataClass;
  }

  /**
   * Returns the kind's kebab-case id ({@code product-image}), used in lifecycle rule ids, object
   * tags and configuration property names.
   */
  public String id() {
    return id;
  }

  /**
   * Returns the kind with the given id ({@code product-image}) or enum name ({@code PRODUCT_IMAGE}).
   *
   * @throws IllegalArgumentException if no kind has that id or name
   */
  public static DataKind fromId(String id) {
    Require.nonNull(id, "id");
    for (DataKind kind : values()) {
      if (kind.id.equals(id) || kind.name().equals(id)) {
        return kind;
      }
    }
    throw new IllegalArgumentException(Require.format("unknown data kind '%s'", id));
  }
}
