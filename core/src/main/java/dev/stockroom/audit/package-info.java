/**
 * Existing objects against the policy: an audit of the live bucket or of an S3 Inventory report
 * finds what contradicts each kind's policy (encryption, storage class, retention, headers, keys
 * under no known prefix, stale multipart uploads); a repair plan says what would change and what
 * it costs, and applies it in-process or, past a threshold, as S3 Batch Operations jobs.
 *
 * <pre>{@code
 * AuditReport report = stockroom.audit().run(AuditRequest.liveBucket()
 *     .findingsFile(Path.of("findings.csv")).build());
 * RepairPlan plan = stockroom.audit().plan(report, RepairRequest.defaults());
 * System.out.println(plan);          // what would change, objects, bytes, request cost
 * RepairResult result = plan.apply();
 * }</pre>
 */
package dev.stockroom.audit;
