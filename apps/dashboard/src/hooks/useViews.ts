import {
  ActiveIndex,
  areaBreakdown,
  type BorderPointCount,
  type BreakdownRow,
  borderPointCounts,
  type Connector,
  changedDims,
  districtCounts,
  type FilterDim,
  type Filters,
  type FlowCount,
  flowCounts,
  provinceCounts,
  type Source,
  type YearCount,
  yearCounts,
} from "@lao-protect/warehouse"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { districtProvince } from "../data/reference.ts"
import { type AppState, filtersOf } from "../lib/state.ts"

export interface ViewData {
  /** Raw counts by area code (province or district, per level); null key = unknown area. */
  readonly areaCounts: ReadonlyMap<string | null, number>
  readonly level: AppState["level"]
  readonly borderPoints: ReadonlyArray<BorderPointCount>
  readonly flows: ReadonlyArray<FlowCount>
  readonly years: ReadonlyArray<YearCount>
  readonly breakdown: ReadonlyArray<BreakdownRow> | null
  readonly ms: number
  /** Which tables answered: the active-dimension indexes or the per-view aggregates. */
  readonly source: Source
}

export interface Views {
  readonly data: ViewData | null
  /** Build the indexes for a filter the user is about to change (hover or focus), like Mosaic. */
  readonly activate: (dim: FilterDim) => void
}

/**
 * Re-runs every view's named query when the filters, level or selection change, and drops stale
 * answers. When exactly one filter dimension moved, the views read that dimension's indexes.
 */
export function useViews(conn: Connector | null, state: AppState): Views {
  const [data, setData] = useState<ViewData | null>(null)
  const filters = filtersOf(state)
  const key = JSON.stringify([filters, state.level, state.selected])
  const index = useMemo(() => (conn ? new ActiveIndex(conn) : null), [conn])
  const previous = useRef<Filters | null>(null)
  const lastActive = useRef<FilterDim | null>(null)
  const current = useRef(filters)
  current.current = filters
  const activate = useCallback(
    (dim: FilterDim) => {
      if (!index) return
      lastActive.current = dim
      index.prepare(dim, current.current).catch((err: unknown) => console.error("index build failed", err))
    },
    [index],
  )
  useEffect(() => {
    if (!conn || !index) return
    let stale = false
    const t0 = performance.now()
    const run = async () => {
      const moved = previous.current === null ? null : [...changedDims(previous.current, filters)]
      previous.current = filters
      if (moved && moved.length === 1) {
        const dim = moved[0] as FilterDim
        lastActive.current = dim
        if (!index.ready(dim, filters)) await index.prepare(dim, filters)
      }
      const active = lastActive.current
      const source: Source = active !== null && index.ready(active, filters) ? "indexed" : "preaggregated"
      const o = { source }
      const areas =
        state.level === "province"
          ? (await provinceCounts(conn, filters, o)).map((r) => [r.province, r.n] as const)
          : (await districtCounts(conn, filters, o)).map((r) => [r.district, r.n] as const)
      const borderPoints = await borderPointCounts(conn, filters, o)
      const flows = await flowCounts(conn, filters, o)
      const years = await yearCounts(conn, filters, o)
      let breakdown: ReadonlyArray<BreakdownRow> | null = null
      if (state.selected !== null) {
        const isDistrict = state.selected.length === 6
        const province = isDistrict ? districtProvince(state.selected) : state.selected
        if (province !== null) {
          breakdown = await areaBreakdown(
            conn,
            filters,
            { province, district: isDistrict ? state.selected : null },
            o,
          )
        }
      }
      if (stale) return
      setData({
        areaCounts: new Map(areas),
        level: state.level,
        borderPoints,
        flows,
        years,
        breakdown,
        ms: Math.round(performance.now() - t0),
        source,
      })
    }
    run().catch((err: unknown) => console.error("view query failed", err))
    return () => {
      stale = true
    }
  }, [conn, index, key])
  return { data, activate }
}
