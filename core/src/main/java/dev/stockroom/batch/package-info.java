/**
 * S3 Batch Operations, as Stockroom drives them for work too large for one process: the settings
 * (account, IAM role, where manifests and completion reports go, the threshold above which work
 * leaves the process), the jobs submitted, and their status.
 *
 * <pre>{@code
 * Stockroom.builder().bucket("shop-assets")
 *     .batchOperations(b -> b.accountId("123456789012")
 *         .roleArn("arn:aws:iam::123456789012:role/stockroom-batch"))
 *     .build();
 * }</pre>
 */
package dev.stockroom.batch;
