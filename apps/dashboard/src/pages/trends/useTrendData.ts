/** Runs the trend views for the current filters; `agg_trend` is built once per connection. */
import {
  type Connector,
  type Filters,
  type Grain,
  type OfficialStat,
  officialReference,
  prepareTrends,
  type ReferenceCounts,
  type TrendBreakdown,
  type TrendCount,
  trendCounts,
  trendReferenceCounts,
} from "@lao-protect/warehouse"
import { useEffect, useState } from "react"

const prepared = new WeakMap<Connector, Promise<void>>()
export const ensureTrends = (conn: Connector): Promise<void> => {
  let p = prepared.get(conn)
  if (!p) {
    p = prepareTrends(conn)
    prepared.set(conn, p)
  }
  return p
}

/**
 * The answer of `run` for `key` (built by the trend views), null while loading; stale answers are
 * dropped, and a previous key's answer is never returned for the current one (a chart must not
 * show one breakdown's series under another's title while DuckDB answers).
 */
function useTrendQuery<A>(
  conn: Connector | null,
  key: string,
  what: string,
  run: (conn: Connector) => Promise<A>,
): A | null {
  const [answer, setAnswer] = useState<{ key: string; value: A } | null>(null)
  useEffect(() => {
    if (!conn) return
    let stale = false
    ensureTrends(conn)
      .then(() => run(conn))
      .then((value) => !stale && setAnswer({ key, value }))
      .catch((err: unknown) => console.error(`${what} query failed`, err))
    return () => {
      stale = true
    }
  }, [conn, key])
  return answer?.key === key ? answer.value : null
}

/** Rows of one trend query, null while loading. */
export const useTrendCounts = (
  conn: Connector | null,
  filters: Filters,
  grain: Grain,
  breakdown: TrendBreakdown,
): ReadonlyArray<TrendCount> | null =>
  useTrendQuery(conn, JSON.stringify([filters, grain, breakdown]), "trend", (c) =>
    trendCounts(c, filters, grain, breakdown, { source: "preaggregated" }),
  )

export interface OfficialData {
  readonly stats: ReadonlyArray<OfficialStat>
  readonly ours: ReadonlyArray<ReferenceCounts>
}

/** The published official statistics and our counts per mapped measure; null without the table. */
export const useOfficial = (
  conn: Connector | null,
  hasTable: boolean,
  filters: Filters,
): OfficialData | null =>
  useTrendQuery(hasTable ? conn : null, JSON.stringify(filters), "official statistics", async (c) => ({
    stats: await officialReference(c),
    ours: await trendReferenceCounts(c, filters, { source: "preaggregated" }),
  }))
