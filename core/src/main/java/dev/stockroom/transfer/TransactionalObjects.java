package dev.stockroom.transfer;

import dev.stockroom.policy.DataKind;

/** Transactional data: orders, customers, payments. Always SSE-KMS; refused without a KMS key. */
public interface TransactionalObjects {

  /**
   * Returns the objects of a transactional kind.
   *
   * @throws IllegalArgumentException if {@code kind} is not a transactional kind
   */
  KindObjects kind(DataKind kind);

  /** Returns the order {@code name} ({@code transactional/orders/<name>}). */
  default UploadTarget order(String name) {
    return orders().object(name);
  }

  /** Returns the customer record {@code name}. */
  default UploadTarget customer(String name) {
    return customers().object(name);
  }

  /** Returns the payment record {@code name}. */
  default UploadTarget payment(String name) {
    return payments().object(name);
  }

  /** Returns all orders. */
  default KindObjects orders() {
    return kind(DataKind.ORDER);
  }

  /** Returns all customer records. */
  default KindObjects customers() {
    return kind(DataKind.CUSTOMER);
  }

  /** Returns all payment records. */
  default KindObjects payments() {
    return kind(DataKind.PAYMENT);
  }
}
