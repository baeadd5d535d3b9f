/**
 * Which table a view reads. Every view .sql is written against `facts` (the published cube, runnable as
 * is in any DuckDB shell); the pre-aggregated path swaps that one identifier for a per-view aggregate
 * built by `prepareViews`. Only identifiers from this closed set are ever substituted: never values.
 */
/** naive: GROUP BY over `facts`; preaggregated: the per-view aggregates; indexed: the active-dimension indexes. */
export type Source = "naive" | "preaggregated" | "indexed"

const FROM_FACTS = /\bFROM facts\b/g

export const withTable = (
  sql: string,
  table: "facts" | "agg_area" | "agg_detail" | `idx_${string}`,
): string => {
  if (!/^(facts|agg_area|agg_detail|idx_[a-z_]+)$/.test(table)) throw new Error(`not a view table: ${table}`)
  const hits = sql.match(FROM_FACTS)?.length ?? 0
  if (hits !== 1) throw new Error(`a view query must read "FROM facts" exactly once (found ${hits})`)
  return sql.replace(FROM_FACTS, `FROM ${table}`)
}
