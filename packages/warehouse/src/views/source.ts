/**
 * Which table a view reads. Every view .sql is written against `facts` (the published cube, runnable as
 * is in any DuckDB shell); the pre-aggregated path swaps that one identifier for `facts_k`, the same
 * cube with ENUM keys sorted by area built by `prepareViews`. The indexed path reads the
 * active-dimension indexes of `crossfilter.ts` instead. Only identifiers from this closed set are ever
 * substituted: never values.
 */
/** naive: GROUP BY over `facts`; preaggregated: `facts_k` (ENUM keys); indexed: the active-dimension indexes. */
export type Source = "naive" | "preaggregated" | "indexed"

const FROM_FACTS = /\bFROM facts\b/g

export const withTable = (sql: string, table: "facts" | "facts_k"): string => {
  if (!/^(facts|facts_k)$/.test(table)) throw new Error(`not a view table: ${table}`)
  const hits = sql.match(FROM_FACTS)?.length ?? 0
  if (hits !== 1) throw new Error(`a view query must read "FROM facts" exactly once (found ${hits})`)
  return sql.replace(FROM_FACTS, `FROM ${table}`)
}
