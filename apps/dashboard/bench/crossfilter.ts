/**
 * Benchmark page, built by tooling/bench with the dashboard's own Vite config and served by the
 * dashboard's server against a real release: it starts the engine exactly as the app does
 * (`startEngine`: eh bundle, facts.arrow, per-view aggregates) and replays a scripted sequence of
 * filter changes through the same view functions `useViews` calls, once on the pre-aggregated tables
 * and once naively on `facts`, alternating per step. Nothing here ships in the app bundle.
 */

import mainWorker from "@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url"
import mainModule from "@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url"
import {
  areaBreakdown,
  borderPointCounts,
  type Connector,
  districtCounts,
  type Filters,
  flowCounts,
  provinceCounts,
  type Source,
  yearCounts,
} from "@lao-protect/warehouse"
import { openWasm } from "@lao-protect/warehouse/wasm"
import { startEngine } from "../src/data/engine.ts"
import { loadManifest } from "../src/data/release.ts"

export interface Step {
  readonly filters: Filters
  readonly level: "province" | "district"
  readonly selected: { readonly province: string; readonly district: string | null } | null
}

/** One interaction as `useViews` runs it: the area view for the level, then the other views, in order. */
const interaction = async (conn: Connector, step: Step, source: Source): Promise<number> => {
  const o = { source }
  const t0 = performance.now()
  if (step.level === "province") await provinceCounts(conn, step.filters, o)
  else await districtCounts(conn, step.filters, o)
  await borderPointCounts(conn, step.filters, o)
  await flowCounts(conn, step.filters, o)
  await yearCounts(conn, step.filters, o)
  if (step.selected) await areaBreakdown(conn, step.filters, step.selected, o)
  return performance.now() - t0
}

let conn: Connector | null = null

const bench = {
  /** ms to instantiate and open bare DuckDB-WASM (same bundle), nothing loaded. */
  async bareInstantiate(): Promise<number> {
    const t0 = performance.now()
    const c = await openWasm({ mainModule, mainWorker })
    await c.query("SELECT 1 AS one")
    const ms = performance.now() - t0
    await c.close()
    return ms
  },
  /** ms for the app's engine start (instantiate + facts.arrow + other tables + per-view aggregates). */
  async start(): Promise<{ ms: number; facts: number }> {
    const t0 = performance.now()
    conn = await startEngine(await loadManifest())
    const ms = performance.now() - t0
    const [row] = await conn.query<{ n: number }>("SELECT count(*)::INTEGER AS n FROM facts")
    return { ms, facts: row?.n ?? 0 }
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
  /** Replays the steps; per step both sources run, the first one alternating. Returns ms per step. */
  async run(steps: ReadonlyArray<Step>, warmup: number): Promise<{ pre: number[]; naive: number[] }> {
    if (!conn) throw new Error("start() first")
    const pre: number[] = []
    const naive: number[] = []
    for (const [i, step] of steps.entries()) {
      const naiveFirst = i % 2 === 1
      const a = naiveFirst ? await interaction(conn, step, "naive") : undefined
      const p = await interaction(conn, step, "preaggregated")
      const b = a ?? (await interaction(conn, step, "naive"))
      if (i >= warmup) {
        pre.push(p)
        naive.push(b)
      }
    }
    return { pre, naive }
  },
}

;(globalThis as unknown as { __bench: typeof bench }).__bench = bench
document.title = "bench ready"
