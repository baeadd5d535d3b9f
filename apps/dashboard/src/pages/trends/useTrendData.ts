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
 * Rows of one trend query, null while loading; stale answers are dropped, and the rows of a previous
 * query are never returned for the current one (a chart must not show one breakdown's series under
 * another's title while DuckDB answers).
 */
export function useTrendCounts(
  conn: Connector | null,
  filters: Filters,
  grain: Grain,
  breakdown: TrendBreakdown,
): ReadonlyArray<TrendCount> | null {
  const [answer, setAnswer] = useState<{ key: string; rows: ReadonlyArray<TrendCount> } | null>(null)
  const key = JSON.stringify([filters, grain, breakdown])
  useEffect(() => {
    if (!conn) return
    let stale = false
    ensureTrends(conn)
      .then(() => trendCounts(conn, filters, grain, breakdown, { source: "preaggregated" }))
      .then((rows) => !stale && setAnswer({ key, rows }))
      .catch((err: unknown) => console.error("trend query failed", err))
    return () => {
      stale = true
    }
  }, [conn, key])
  return answer?.key === key ? answer.rows : null
}

export interface OfficialData {
  readonly stats: ReadonlyArray<OfficialStat>
  readonly ours: ReadonlyArray<ReferenceCounts>
}

/** The published official statistics and our counts per mapped measure; null without the table. */
export function useOfficial(
  conn: Connector | null,
  hasTable: boolean,
  filters: Filters,
): OfficialData | null {
  const [answer, setAnswer] = useState<{ key: string; data: OfficialData } | null>(null)
  const key = JSON.stringify(filters)
  useEffect(() => {
    if (!conn || !hasTable) return
    let stale = false
    ensureTrends(conn)
      .then(async () => ({
        stats: await officialReference(conn),
        ours: await trendReferenceCounts(conn, filters, { source: "preaggregated" }),
      }))
      .then((data) => !stale && setAnswer({ key, data }))
      .catch((err: unknown) => console.error("official statistics query failed", err))
    return () => {
      stale = true
    }
  }, [conn, hasTable, key])
  return hasTable && answer?.key === key ? answer.data : null
}
