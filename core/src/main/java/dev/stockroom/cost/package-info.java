/**
 * What storing a shop's data costs, and whether the policy saves money: price lists as data
 * ({@link dev.stockroom.cost.PriceList}), workload models ({@link dev.stockroom.cost.Workload}),
 * month-by-month projections by cohort ({@link dev.stockroom.cost.CostModel}), warnings for
 * lifecycle rules that lose money, the cost of a policy change, and tables and charts of the
 * results. Depends only on {@code dev.stockroom.policy}; see {@code docs/cost.md}.
 */
package dev.stockroom.cost;
