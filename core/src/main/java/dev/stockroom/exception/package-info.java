/**
 * The exceptions Stockroom throws for a broken setup or a failed call to AWS, rooted at {@link
 * dev.stockroom.exception.StockroomException}; each carries what a caller needs to act (bucket,
 * key, and the KMS key, key pair or distribution concerned).
 */
package dev.stockroom.exception;
