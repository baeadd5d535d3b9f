import {
  areaBreakdown,
  type BorderPointCount,
  type BreakdownRow,
  borderPointCounts,
  type Connector,
  districtCounts,
  type FlowCount,
  flowCounts,
  provinceCounts,
  type YearCount,
  yearCounts,
} from "@lao-protect/warehouse"
import { useEffect, useState } from "react"
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
}

/** Re-runs every view's named query when the filters, level or selection change; drops stale answers. */
export function useViews(conn: Connector | null, state: AppState): ViewData | null {
  const [data, setData] = useState<ViewData | null>(null)
  const filters = filtersOf(state)
  const key = JSON.stringify([filters, state.level, state.selected])
  useEffect(() => {
    if (!conn) return
    let stale = false
    const t0 = performance.now()
    const run = async () => {
      const areas =
        state.level === "province"
          ? (await provinceCounts(conn, filters)).map((r) => [r.province, r.n] as const)
          : (await districtCounts(conn, filters)).map((r) => [r.district, r.n] as const)
      const borderPoints = await borderPointCounts(conn, filters)
      const flows = await flowCounts(conn, filters)
      const years = await yearCounts(conn, filters)
      let breakdown: ReadonlyArray<BreakdownRow> | null = null
      if (state.selected !== null) {
        const isDistrict = state.selected.length === 6
        const province = isDistrict ? districtProvince(state.selected) : state.selected
        if (province !== null) {
          breakdown = await areaBreakdown(conn, filters, {
            province,
            district: isDistrict ? state.selected : null,
          })
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
      })
    }
    run().catch((err: unknown) => console.error("view query failed", err))
    return () => {
      stale = true
    }
  }, [conn, key])
  return data
}
