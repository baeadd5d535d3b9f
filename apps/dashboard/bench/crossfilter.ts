/**
 * Benchmark page, built by tooling/bench with the dashboard's own Vite config and served by the
 * dashboard's server against a real release: it starts the engine exactly as the app does
 * (`startEngine`: eh bundle, facts.arrow, `facts_k`) and replays a scripted sequence of filter
 * changes as a user makes them: one change at a time, the pointer on a filter's control before that
 * filter changes, or on a map area before it is selected (the hover builds the active-dimension
 * indexes, or the area's breakdown index, as the app does: timed apart as `hover`), then the
 * interaction through the same `CrossFilter` session `useViews` runs (`pre`), and the same views as
 * naive GROUP BYs over `facts` (`naive`), alternating which runs first. The same page replays
 * Mosaic's flights interaction logs (`mosaic*`, tooling/bench/src/anchor.ts) in a DuckDB-WASM instance
 * of its own, same bundle, so the field's reference runs in the same browser. Nothing here ships in the app.
 */

import {
  areaBreakdown,
  borderPointCounts,
  type Connector,
  CrossFilter,
  changedDims,
  districtCounts,
  type Filters,
  flowCounts,
  type Interaction,
  provinceCounts,
  yearCounts,
} from "@lao-protect/warehouse"
import { openWasm } from "@lao-protect/warehouse/wasm"
import { startEngine } from "../src/data/engine.ts"
import { lazyCubeOf } from "../src/data/onDemand.ts"
import { bundle } from "../src/data/prestart.ts"
import { loadManifest } from "../src/data/release.ts"

export interface Step {
  readonly filters: Filters
  readonly level: "province" | "district"
  readonly selected: { readonly province: string; readonly district: string | null } | null
}

/** The same views, naively: the area view for the level, then the other views, in `useViews` order. */
const naiveViews = async (conn: Connector, step: Step, times?: Record<string, number[]>): Promise<number> => {
  const o = { source: "naive" } as const
  const t0 = performance.now()
  const timed = async (name: string, f: () => Promise<unknown>) => {
    const t = performance.now()
    await f()
    times?.[name]?.push(performance.now() - t)
  }
  if (step.level === "province") await timed("province_counts", () => provinceCounts(conn, step.filters, o))
  else await timed("district_counts", () => districtCounts(conn, step.filters, o))
  await timed("border_point_counts", () => borderPointCounts(conn, step.filters, o))
  await timed("flow_counts", () => flowCounts(conn, step.filters, o))
  await timed("year_counts", () => yearCounts(conn, step.filters, o))
  const selected = step.selected
  if (selected) await timed("area_breakdown", () => areaBreakdown(conn, step.filters, selected, o))
  return performance.now() - t0
}

const interactionOf = (step: Step): Interaction => ({
  filters: step.filters,
  level: step.level,
  selected: step.selected,
})

/** One interaction through the session, timed like `useViews` (User Timing, query start -> data). */
const sessionViews = async (session: CrossFilter, step: Step): Promise<number> => {
  performance.mark("views:start")
  await session.run(interactionOf(step))
  performance.mark("views:end")
  return performance.measure("views:interaction", "views:start", "views:end").duration
}

/** One query the session ran: its SQL and ms (`run(..., detail)`; labelled by tooling/bench). */
export interface QueryTime {
  readonly sql: string
  readonly ms: number
}

/** Per step of a detailed run: the session's queries of the hover and of the interaction. */
export interface StepDetail {
  readonly hover: ReadonlyArray<QueryTime>
  readonly queries: ReadonlyArray<QueryTime>
  readonly source: string
}

/** `conn` with every query's SQL and duration pushed onto `sink.to` (null: not recorded). */
const timedConnector = (conn: Connector, sink: { to: QueryTime[] | null }): Connector => {
  const time =
    <A extends unknown[], R>(f: (sql: string, ...rest: A) => Promise<R>) =>
    async (sql: string, ...rest: A): Promise<R> => {
      const t = performance.now()
      try {
        return await f(sql, ...rest)
      } finally {
        sink.to?.push({ sql, ms: performance.now() - t })
      }
    }
  return {
    ...conn,
    query: time((sql, params) => conn.query(sql, params)) as Connector["query"],
    arrow: time((sql, params) => conn.arrow(sql, params)),
    exec: time((sql) => conn.exec(sql)),
  }
}

let conn: Connector | null = null
let mosaic: Connector | null = null

/** One interaction of Mosaic's log (tooling/bench/src/anchor.ts `Task`). */
interface MosaicTask {
  readonly stage: "init" | "create" | "update"
  readonly queries: ReadonlyArray<string>
}

const bench = {
  /** ms to instantiate and open bare DuckDB-WASM (same bundle), nothing loaded. */
  async bareInstantiate(): Promise<number> {
    const t0 = performance.now()
    const c = await openWasm(bundle)
    await c.query("SELECT 1 AS one")
    const ms = performance.now() - t0
    await c.close()
    return ms
  },
  /** ms for the app's engine start (instantiate + facts.arrow; `facts_k` is built after, on demand), and per step. */
  async start(): Promise<{ ms: number; facts: number; steps: Record<string, number> }> {
    performance.clearMeasures()
    const t0 = performance.now()
    conn = await startEngine(await loadManifest())
    const ms = performance.now() - t0
    const steps: Record<string, number> = {}
    for (const m of performance.getEntriesByType("measure"))
      if (m.name.startsWith("engine:")) steps[m.name.slice(7)] = m.duration
    const [row] = await conn.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM facts")
    return { ms, facts: row?.n ?? 0, steps }
  },
  /** Distinct values of the filterable columns, to script realistic filter changes. */
  async domains(): Promise<Record<string, Array<string | number>>> {
    if (!conn) throw new Error("start() first")
    const out: Record<string, Array<string | number>> = {}
    for (const col of [
      "year",
      "victim_group",
      "sex",
      "age_band",
      "ethnicity_family",
      "exploitation_form",
      "destination",
      "border_point",
      "stage",
      "province",
    ]) {
      const rows = await conn.query<{ v: string | number }>(
        `SELECT DISTINCT "${col}" AS v FROM facts WHERE "${col}" IS NOT NULL ORDER BY 1`,
      )
      out[col] = rows.map((r) => r.v)
    }
    const districts = await conn.query<{ p: string; d: string }>(
      "SELECT DISTINCT province AS p, district AS d FROM facts WHERE district IS NOT NULL ORDER BY 1, 2 LIMIT 40",
    )
    out.district = districts.map((r) => `${r.p}/${r.d}`)
    return out
  },
  /**
   * Replays the steps as a user makes them. Before a step that changes exactly one filter, the
   * pointer is on that filter's control: `activate` builds its indexes (timed as `hover`, not part of
   * the interaction). Then the interaction runs through the session (`pre`) and naively (`naive`),
   * the first one alternating per step. Returns ms per step after the warm-up; with `detail`, also
   * every query the session ran per step (hover and interaction apart), each timed.
   */
  async run(
    steps: ReadonlyArray<Step>,
    warmup: number,
    detail = false,
  ): Promise<{
    pre: number[]
    naive: number[]
    hover: number[]
    sources: string[]
    naiveViews: Record<string, number[]>
    detail?: StepDetail[]
  }> {
    if (!conn) throw new Error("start() first")
    const sink: { to: QueryTime[] | null } = { to: null }
    const session = new CrossFilter(detail ? timedConnector(conn, sink) : conn, { cube: lazyCubeOf(conn) })
    const details: StepDetail[] = []
    const pre: number[] = []
    const naive: number[] = []
    const hover: number[] = []
    const sources: string[] = []
    const naiveViewTimes: Record<string, number[]> = {
      province_counts: [],
      district_counts: [],
      border_point_counts: [],
      flow_counts: [],
      year_counts: [],
      area_breakdown: [],
    }
    let previous: Step | null = null
    for (const [i, step] of steps.entries()) {
      const moved = previous ? [...changedDims(previous.filters, step.filters)] : []
      const hoverQueries: QueryTime[] = []
      const queries: QueryTime[] = []
      const area = step.selected
      const newArea =
        area !== null &&
        (previous?.selected?.province !== area.province ||
          (previous?.selected?.district ?? null) !== (area.district ?? null))
      if (previous && moved.length === 1) {
        sink.to = hoverQueries
        const t = performance.now()
        await session.activate(moved[0]!, interactionOf(previous))
        if (i >= warmup) hover.push(performance.now() - t)
      } else if (previous && moved.length === 0 && newArea) {
        // the pointer is over the area before the click that selects it (MapView's mouseover)
        sink.to = hoverQueries
        const t = performance.now()
        await session.activateArea(area, interactionOf(previous))
        if (i >= warmup) hover.push(performance.now() - t)
      }
      const naiveFirst = i % 2 === 1
      sink.to = null
      const a = naiveFirst ? await naiveViews(conn, step, naiveViewTimes) : undefined
      sink.to = queries
      const p = await sessionViews(session, step)
      sink.to = null
      const b = a ?? (await naiveViews(conn, step, naiveViewTimes))
      if (i >= warmup) {
        const source = session.index.ready(session.index.active ?? "year", step.filters)
          ? "indexed"
          : "facts_k"
        pre.push(p)
        naive.push(b)
        sources.push(source)
        if (detail) details.push({ hover: hoverQueries, queries, source })
      }
      previous = step
    }
    return { pre, naive, hover, sources, naiveViews: naiveViewTimes, ...(detail ? { detail: details } : {}) }
  },
  /** A fresh DuckDB-WASM instance (same bundle) with Mosaic's flights table from an Arrow IPC stream. */
  async mosaicLoad(url: string): Promise<{ ms: number; rows: number }> {
    await mosaic?.close()
    const t0 = performance.now()
    mosaic = await openWasm(bundle)
    const response = await fetch(url)
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`)
    await mosaic.insertArrowIPC("flights", new Uint8Array(await response.arrayBuffer()))
    const ms = performance.now() - t0
    const [row] = await mosaic.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM flights")
    return { ms, rows: row?.n ?? 0 }
  },
  /**
   * Replays Mosaic's tasks in order as its benchmark does (src/benchmark.js, parallel mode): the
   * queries of one interaction are issued together as Arrow queries (`create` ones executed) and the
   * interaction is timed from the first issue to the last result. Returns ms per task, by stage.
   */
  async mosaicReplay(
    tasks: ReadonlyArray<MosaicTask>,
  ): Promise<{ init: number[]; create: number[]; update: number[] }> {
    const db = mosaic
    if (!db) throw new Error("mosaicLoad() first")
    const out = { init: [] as number[], create: [] as number[], update: [] as number[] }
    for (const task of tasks) {
      const t0 = performance.now()
      if (task.stage === "create") await Promise.all(task.queries.map((q) => db.exec(q)))
      else await Promise.all(task.queries.map((q) => db.arrow(q)))
      out[task.stage].push(performance.now() - t0)
    }
    return out
  },
  async mosaicClose(): Promise<void> {
    await mosaic?.close()
    mosaic = null
  },
}

;(globalThis as unknown as { __bench: typeof bench }).__bench = bench
document.title = "bench ready"
