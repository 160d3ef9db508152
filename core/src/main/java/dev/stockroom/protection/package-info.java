/**
 * Data protection: erasure of a data subject across every version of its objects, in the bucket
 * and in the backups Stockroom made, with a receipt that holds no personal data.
 *
 * <pre>{@code
 * ErasurePlan plan = stockroom.protection().planErasure(ErasureRequest.subject("c-1001"));
 * System.out.println(plan);                 // versions per bucket, what Object Lock holds
 * ErasureReceipt receipt = plan.apply();    // stored as an audit log, kept 7 years
 * }</pre>
 */
package dev.stockroom.protection;
