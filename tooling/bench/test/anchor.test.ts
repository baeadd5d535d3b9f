/** Mosaic's flights anchor: log grouping as Mosaic's benchmark does it, and the table at each size. */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { DuckDBInstance } from "@duckdb/node-api"
import { tableFromIPC } from "apache-arrow"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import {
  type AnchorSource,
  ensureFlights,
  findAnchor,
  type LogEntry,
  strideTasks,
  tasksOf,
} from "../src/anchor.ts"
import { type HarnessRun, type MosaicRun, mosaicFigures } from "../src/dashboard.ts"

const update = (activeView: string, updateId: number, query: string): LogEntry => ({
  stage: "update",
  activeView,
  updateId,
  brushSize: 0.1,
  query,
})

describe("tasksOf", () => {
  it("groups consecutive entries by stage, active view and update id, as Mosaic's benchmark.js", () => {
    const tasks = tasksOf([
      { stage: "init", query: "i1" },
      { stage: "init", query: "i2" },
      { stage: "create", activeView: "delay", query: "c1" },
      { stage: "create", activeView: "delay", query: "c2" },
      update("delay", 0, "u1"),
      update("delay", 0, "u2"),
      update("delay", 1, "u3"),
      update("time", 1, "u4"),
      update("time", 1, "u5"),
      // a new brush size restarts the ids: a new task because the previous key differs
      update("time", 0, "u6"),
    ])
    expect(tasks.map((t) => [t.stage, t.queries.join("+")])).toEqual([
      ["init", "i1+i2"],
      ["create", "c1+c2"],
      ["update", "u1+u2"],
      ["update", "u3"],
      ["update", "u4+u5"],
      ["update", "u6"],
    ])
  })

  it("names the entry and field of a bad log line", () => {
    expect(() =>
      tasksOf([
        { stage: "init", query: "a" },
        { stage: "zoom", query: "b" },
      ]),
    ).toThrow('Mosaic log entry 1: unknown stage "zoom"')
    expect(() => tasksOf([{ stage: "update", query: "" }])).toThrow("Mosaic log entry 0: field query")
  })

  it("strideTasks keeps init and create and every n-th update", () => {
    const tasks = tasksOf([
      { stage: "init", query: "i" },
      ...Array.from({ length: 7 }, (_, i) => update("delay", i, `u${i}`)),
    ])
    expect(strideTasks(tasks, 3).map((t) => t.queries[0])).toEqual(["i", "u0", "u3", "u6"])
  })
})

describe("findAnchor", () => {
  it("says in one line what is missing and where", () => {
    const r = findAnchor("/nonexistent/anchors")
    expect(r).toEqual({
      skipped:
        "Mosaic anchor skipped: flights.parquet, opt-flights.json, std-flights.json not in /nonexistent/anchors (set LAO_PROTECT_SHARED_ANCHORS)",
    })
  })
})

describe("ensureFlights", () => {
  let dir: string
  let source: AnchorSource
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "lp-anchor-test-"))
    // 1,000 flights shaped like Mosaic's, with delays and distances beyond its clamps
    const db = await DuckDBInstance.create(":memory:")
    const c = await db.connect()
    await c.run(`COPY (SELECT 'AA' AS airline, (i % 24 + 0.5)::FLOAT AS time,
      ((i % 400) - 100)::SMALLINT AS delay, (i * 7 % 5000 + 10)::SMALLINT AS distance
      FROM range(1000) t(i)) TO '${join(dir, "flights.parquet")}' (FORMAT parquet)`)
    c.closeSync()
    db.closeSync()
    for (const f of ["opt-flights.json", "std-flights.json"]) writeFileSync(join(dir, f), "[]")
    const found = findAnchor(dir)
    if ("skipped" in found) throw new Error(found.skipped)
    source = found
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it("takes the first rows below the file's size and upsamples above it, clamped as Mosaic does", async () => {
    const out = join(dir, "cache")
    const small = tableFromIPC(readFileSync(await ensureFlights(source, 300, () => undefined, out)))
    expect(small.numRows).toBe(300)
    expect(small.schema.fields.map((f) => f.name)).toEqual(["delay", "time", "distance"])
    expect(small.getChild("time")!.get(0)).toBeCloseTo(0.5)
    const big = tableFromIPC(readFileSync(await ensureFlights(source, 2500, () => undefined, out)))
    expect(big.numRows).toBe(2500)
    const delays = [...big.getChild("delay")!.toArray()] as number[]
    const distances = [...big.getChild("distance")!.toArray()] as number[]
    const times = [...big.getChild("time")!.toArray()] as number[]
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(-60)
    expect(Math.max(...delays)).toBeLessThanOrEqual(180)
    expect(Math.max(...distances)).toBeLessThanOrEqual(3000)
    expect(Math.max(...times)).toBeLessThan(24.6)
    // the first 1,000 rows are the clamped originals; the copies are jittered
    expect(delays[0]).toBe(-60)
    expect(times.slice(1000, 2000)).not.toEqual(times.slice(0, 1000))
  })

  it("rebuilds a partial file left by an interrupted run and reuses a complete one", async () => {
    const out = join(dir, "partial")
    const logged: string[] = []
    const first = await ensureFlights(source, 400, (s) => logged.push(s), out)
    writeFileSync(first, "truncated")
    rmSync(`${first}.recipe.json`)
    writeFileSync(`${first}.tmp`, "leftover")
    await ensureFlights(source, 400, (s) => logged.push(s), out)
    expect(tableFromIPC(readFileSync(first)).numRows).toBe(400)
    expect(existsSync(`${first}.tmp`)).toBe(false)
    expect(logged).toHaveLength(2)
    await ensureFlights(source, 400, (s) => logged.push(s), out)
    expect(logged).toHaveLength(2)
  })
})

describe("mosaicFigures", () => {
  const harness = (pre: number[]): HarnessRun => ({
    bare: 1,
    start: 1,
    steps: {},
    facts: 1,
    pre,
    naive: pre,
    hover: [5, 50],
  })
  const mosaic = (update: number[]): MosaicRun => ({
    loadMs: 1,
    rows: 1_000_000,
    init: [1],
    create: [2],
    update,
  })
  const input = { flightsFile: "x", opt: [], std: [], stdEvery: 10 }
  const ramp = (scale: number) => Array.from({ length: 100 }, (_, i) => (i + 1) * scale)

  it("pairs our p50/p95 with Mosaic's opt run by run and judges p95 <= 2x at 1M only", () => {
    const ours = [harness(ramp(3)), harness(ramp(1))]
    const opt = [mosaic(ramp(1)), mosaic(ramp(1))]
    const std = [mosaic(ramp(10)), mosaic(ramp(10))]
    const [p50, p95, own] = mosaicFigures(1_000_000, input, ours, opt, std)
    expect(p50!.ratio).toEqual({ median: 2, min: 1, max: 3, runs: 2 })
    expect(p95!.ratio?.median).toBe(2)
    expect(p95!.goal).toEqual({ text: "<= 2x Mosaic opt p95 (1M)", pass: true })
    expect(p95!.costSeconds).toBeCloseTo(0.19)
    expect(own!.ratio?.median).toBe(10)
    expect(own!.costSeconds).toBeCloseTo(0.095)
    // the hover (index build) is not in the interaction: its cost is stated beside the p95
    expect(p95!.note).toContain("p50/p95 5.0/50.0 ms")
    const small = mosaicFigures(100_000, input, [harness(ramp(5))], [mosaic(ramp(1))], [mosaic(ramp(1))])
    expect(small[1]!.goal?.pass).toBeNull()
    expect(small[1]!.ratio?.median).toBe(5)
  })
})
