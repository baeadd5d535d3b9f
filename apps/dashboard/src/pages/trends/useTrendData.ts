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

/** Rows of one trend query, null while loading; stale answers are dropped. */
export function useTrendCounts(
  conn: Connector | null,
  filters: Filters,
  grain: Grain,
  breakdown: TrendBreakdown,
): ReadonlyArray<TrendCount> | null {
  const [rows, setRows] = useState<ReadonlyArray<TrendCount> | null>(null)
  const key = JSON.stringify([filters, grain, breakdown])
  useEffect(() => {
    if (!conn) return
    let stale = false
    ensureTrends(conn)
      .then(() => trendCounts(conn, filters, grain, breakdown, { source: "preaggregated" }))
      .then((r) => !stale && setRows(r))
      .catch((err: unknown) => console.error("trend query failed", err))
    return () => {
      stale = true
    }
  }, [conn, key])
  return rows
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
  const [data, setData] = useState<OfficialData | null>(null)
  const key = JSON.stringify(filters)
  useEffect(() => {
    if (!conn || !hasTable) return
    let stale = false
    ensureTrends(conn)
      .then(async () => ({
        stats: await officialReference(conn),
        ours: await trendReferenceCounts(conn, filters, { source: "preaggregated" }),
      }))
      .then((d) => !stale && setData(d))
      .catch((err: unknown) => console.error("official statistics query failed", err))
    return () => {
      stale = true
    }
  }, [conn, hasTable, key])
  return hasTable ? data : null
}
