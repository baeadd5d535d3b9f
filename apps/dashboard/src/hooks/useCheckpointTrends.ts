import { type CheckpointYearCount, type Connector, checkpointYears } from "@lao-protect/warehouse"
import { useEffect, useMemo, useState } from "react"
import { lazyCubeOf } from "../data/onDemand.ts"
import { reportFailure } from "../lib/report.ts"
import { type AppState, filtersOf } from "../lib/state.ts"
import { type WindowTrend, windowTrend } from "../lib/trend.ts"

/** The year span the trends read: the filter's years within the release's. */
export const trendSpan = (
  releaseYears: ReadonlyArray<number> | undefined,
  state: Pick<AppState, "yearFrom" | "yearTo">,
): readonly [number, number] | null => {
  if (!releaseYears || releaseYears.length < 2) return null
  const first = Math.max(releaseYears[0]!, state.yearFrom ?? releaseYears[0]!)
  const last = Math.min(releaseYears[1]!, state.yearTo ?? releaseYears[1]!)
  return first <= last ? [first, last] : null
}

/** Each checkpoint's cases trend (both directions) under the shared filters. */
export function useCheckpointTrends(
  conn: Connector | null,
  state: AppState,
  span: readonly [number, number] | null,
  k: number,
): ReadonlyMap<string, WindowTrend> | null {
  const [rows, setRows] = useState<ReadonlyArray<CheckpointYearCount> | null>(null)
  const key = JSON.stringify(filtersOf(state))
  useEffect(() => {
    if (!conn) return
    let live = true
    // on the first view facts_k is not built yet: read facts rather than wait for it (same counts)
    const source = lazyCubeOf(conn)?.built() === false ? "naive" : "preaggregated"
    checkpointYears(conn, JSON.parse(key), { source }).then((r) => {
      if (live) setRows(r)
    }, reportFailure("loading the checkpoints' years"))
    return () => {
      live = false
    }
  }, [conn, key])
  return useMemo(() => {
    if (!rows || !span) return null
    const series = new Map<string, Map<number, number>>()
    for (const r of rows) {
      const s = series.get(r.border_point) ?? new Map<number, number>()
      s.set(r.year, (s.get(r.year) ?? 0) + r.n)
      series.set(r.border_point, s)
    }
    return new Map([...series].map(([id, s]) => [id, windowTrend(s, span[0], span[1], k)]))
  }, [rows, span?.[0], span?.[1], k])
}
