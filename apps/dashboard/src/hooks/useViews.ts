import {
  type Area,
  type BorderPointCount,
  type BreakdownRow,
  type Connector,
  CrossFilter,
  type FilterDim,
  type FlowCount,
  type Interaction,
  type Source,
  type YearCount,
} from "@lao-protect/warehouse"
import { useCallback, useEffect, useMemo, useRef, useState } from "react"
import { lazyCubeOf } from "../data/onDemand.ts"
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
  /** Which tables answered: the active-dimension indexes or the ENUM-keyed cube. */
  readonly source: Source
}

export interface Views {
  readonly data: ViewData | null
  /** Build the indexes for a filter the user is about to change (hover or focus), like Mosaic. */
  readonly activate: (dim: FilterDim) => void
  /** Build the breakdown index of an area the user is about to select (pointer over it or focus). */
  readonly activateArea: (code: string) => void
}

/** Names of the User Timing entries of one interaction (query start -> data set). */
export const VIEWS_MARK_START = "views:start"
export const VIEWS_MARK_END = "views:end"
export const VIEWS_MEASURE = "views:interaction"

/** The selected area code (province or district) as the area the breakdown view reads. */
const areaOf = (selected: string | null): Area | null => {
  if (selected === null) return null
  const isDistrict = selected.length === 6
  const province = isDistrict ? districtProvince(selected) : selected
  return province === null ? null : { province, district: isDistrict ? selected : null }
}

const interactionOf = (state: AppState): Interaction => ({
  filters: filtersOf(state),
  level: state.level,
  selected: areaOf(state.selected),
})

/**
 * Re-runs every view when the filters, level or selection change (through one `CrossFilter`
 * session: active-dimension indexes, ENUM-keyed cube, per-view cache) and drops stale answers.
 * Each interaction is timed with `performance.mark`/`measure` (`views:interaction`).
 */
export function useViews(conn: Connector | null, state: AppState): Views {
  const [data, setData] = useState<ViewData | null>(null)
  const interaction = interactionOf(state)
  const key = JSON.stringify([interaction.filters, state.level, state.selected])
  const session = useMemo(() => (conn ? new CrossFilter(conn, { cube: lazyCubeOf(conn) }) : null), [conn])
  const current = useRef(interaction)
  current.current = interaction
  const activate = useCallback(
    (dim: FilterDim) => {
      if (!session) return
      session.activate(dim, current.current).catch((err: unknown) => console.error("index build failed", err))
    },
    [session],
  )
  const activateArea = useCallback(
    (code: string) => {
      const area = areaOf(code)
      if (!session || area === null) return
      session
        .activateArea(area, current.current)
        .catch((err: unknown) => console.error("index build failed", err))
    },
    [session],
  )
  useEffect(() => {
    if (!session) return
    let stale = false
    const step = current.current
    const t0 = performance.now()
    performance.mark(VIEWS_MARK_START)
    const run = async () => {
      const views = await session.run(step)
      if (stale) return
      const areas =
        step.level === "province"
          ? (views.areas as ReadonlyArray<{ province: string | null; n: number }>).map(
              (r) => [r.province, r.n] as const,
            )
          : (views.areas as ReadonlyArray<{ district: string | null; n: number }>).map(
              (r) => [r.district, r.n] as const,
            )
      setData({
        areaCounts: new Map(areas),
        level: step.level,
        borderPoints: views.borderPoints,
        flows: views.flows,
        years: views.years,
        breakdown: views.breakdown,
        ms: Math.round(performance.now() - t0),
        source: views.source,
      })
      performance.mark(VIEWS_MARK_END)
      performance.measure(VIEWS_MEASURE, VIEWS_MARK_START, VIEWS_MARK_END)
    }
    run().catch((err: unknown) => console.error("view query failed", err))
    return () => {
      stale = true
    }
  }, [session, key])
  return { data, activate, activateArea }
}
