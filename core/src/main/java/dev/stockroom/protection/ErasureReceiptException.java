package dev.stockroom.protection;

import dev.stockroom.exception.StockroomException;

/**
 * An erasure ran, but its receipt could not be stored as an audit log. The receipt is attached:
 * keep it elsewhere (it holds no personal data), and find out why the upload failed (the cause).
 */
public class ErasureReceiptException extends StockroomException {

  private final transient ErasureReceipt receipt;

  /** Creates an exception for {@code receipt}, which could not be stored in {@code bucket}. */
  public ErasureReceiptException(String message, String bucket, ErasureReceipt receipt,
      Throwable cause) {
    super(message, bucket, null, cause);
    this.receipt = receipt;
  }

  /** Returns the receipt that could not be stored. */
  public ErasureReceipt receipt() {
    return receipt;
  }
}
